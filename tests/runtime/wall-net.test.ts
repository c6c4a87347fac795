import { afterEach, beforeEach, describe, expect, jest, test } from "@jest/globals";
import { WallNet } from "../../graders/sandbox/wall-net";

describe("WallNet: wall time stops only a run that spends no CPU", () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  function net(cpu: { ns: bigint }, capMs = 10_000) {
    const events: string[] = [];
    const n = new WallNet({ limitMs: 1000, capMs, cpuNs: () => cpu.ns, onExtend: () => events.push("extend"), onExpire: (why) => events.push(`expire: ${why}`) });
    n.start();
    return { n, events };
  }

  test("the first period is free: starting threads is not the candidate's CPU", () => {
    const { events } = net({ ns: 0n });
    jest.advanceTimersByTime(1000);
    expect(events).toEqual(["extend"]);
  });

  test("CPU spent in each period re-arms it, as often as needed", () => {
    const cpu = { ns: 0n };
    const { events } = net(cpu);
    for (let i = 0; i < 5; i++) {
      cpu.ns += 50_000_000n;
      jest.advanceTimersByTime(1000);
    }
    expect(events).toEqual(["extend", "extend", "extend", "extend", "extend"]);
  });

  test("a period with no CPU fires it with a reason that says so", () => {
    const cpu = { ns: 0n };
    const { events } = net(cpu);
    jest.advanceTimersByTime(1000);
    cpu.ns += 50_000_000n;
    jest.advanceTimersByTime(1000);
    jest.advanceTimersByTime(1000);
    expect(events.slice(0, 2)).toEqual(["extend", "extend"]);
    expect(events[2]).toMatch(/^expire: no thread used any CPU for 1000 ms/);
    expect(events).toHaveLength(3);
  });

  test("the cap ends even a busy run", () => {
    const cpu = { ns: 0n };
    const { events } = net(cpu, 2500);
    for (let i = 0; i < 6; i++) {
      cpu.ns += 50_000_000n;
      jest.advanceTimersByTime(500);
    }
    expect(events).toEqual(["extend", "extend", "expire: wall-clock safety net of 2500 ms exceeded"]);
  });

  test("stop() disarms it", () => {
    const { n, events } = net({ ns: 0n });
    n.stop();
    jest.advanceTimersByTime(5000);
    expect(events).toEqual([]);
  });
});
