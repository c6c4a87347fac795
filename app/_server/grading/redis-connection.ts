// BullMQ needs ioredis clients that retry forever instead of failing commands while Redis restarts:
// a restart must pause grading, not fail it.
import IORedis from "ioredis";

export function redisConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
