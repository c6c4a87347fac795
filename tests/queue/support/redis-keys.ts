// Test queues get unique names; these helpers find and delete exactly their keys in the shared Redis.
import IORedis from "ioredis";

export const REDIS_URL = process.env.QUEUE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function uniqueQueueName(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** Deletes every key of the queue and of its results queue: what a Redis restart does to them (no persistence here). */
export async function wipeQueueKeys(queueName: string): Promise<number> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let deleted = 0;
    for (const pattern of [`bull:${queueName}:*`, `bull:${queueName}-results:*`]) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.del(...keys);
      } while (cursor !== "0");
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}
