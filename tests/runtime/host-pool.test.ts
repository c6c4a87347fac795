/**
 * When idle host threads make their spare isolates (graders/sandbox/host-pool.ts): making one costs
 * more CPU than a short run, so a released host waits until no host runs anything, or the pool's delay.
 * The hosts here are real worker threads; no run is started on them, so each answers "warm" with nothing.
 */
import { describe, expect, it } from "@jest/globals";
import { HostPool, type HostThread } from "../../graders/sandbox/host-pool";

async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
}

async function withPool(spareDelayMs: number, body: (pool: HostPool) => Promise<void>): Promise<void> {
  const pool = new HostPool({ spareDelayMs });
  try {
    await body(pool);
  } finally {
    await pool.shutdown();
  }
}

/** Takes two hosts and gives the first back while the second still runs; returns the second. */
async function releaseFirstOfTwo(pool: HostPool): Promise<HostThread> {
  const first = await pool.acquire();
  const second = await pool.acquire();
  pool.release(first);
  return second;
}

describe("spare isolates", () => {
  it("a host released while another runs makes no spare until none runs", async () => {
    await withPool(600_000, async (pool) => {
      const b = await releaseFirstOfTwo(pool);
      expect(pool.spareHolders()).toBe(0);
      pool.release(b);
      expect(pool.spareHolders()).toBe(2);
    });
  });

  it("a host released while another runs makes its spare after the delay", async () => {
    await withPool(20, async (pool) => {
      const b = await releaseFirstOfTwo(pool);
      expect(pool.spareHolders()).toBe(0);
      expect(await eventually(() => pool.spareHolders() === 1)).toBe(true);
      pool.release(b);
      expect(pool.spareHolders()).toBe(2);
    });
  });

  it("at most four idle hosts hold a spare, the longest idle ones, and a run takes one of them", async () => {
    await withPool(600_000, async (pool) => {
      const hosts = [];
      for (let i = 0; i < 6; i++) hosts.push(await pool.acquire());
      for (const h of hosts) pool.release(h);
      expect(pool.spareHolders()).toBe(4);
      const first = await pool.acquire();
      expect(first).toBe(hosts[0]);
      expect(pool.spareHolders()).toBe(3);
      pool.release(first);
      expect(pool.spareHolders()).toBe(4);
    });
  });
});
