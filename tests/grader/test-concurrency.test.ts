/**
 * graders/test-concurrency.ts: how a grading's tests share the machine. Driven by promises the test
 * resolves by hand, so the order of events is exact, not timed.
 */
import { describe, expect, it } from "@jest/globals";
import { forEachTest } from "../../graders/test-concurrency";

interface Item {
  name: string;
  alone?: boolean;
}

/** Each started item waits until the test releases it; the log shows starts and ends in order. */
function harness(items: Item[], limit: number) {
  const log: string[] = [];
  const release = new Map<string, () => void>();
  let inFlight = 0;
  let peak = 0;
  const done = forEachTest(items, limit, (i) => i.alone === true, (item) => {
    log.push(`start ${item.name}`);
    peak = Math.max(peak, ++inFlight);
    return new Promise<void>((resolve) => release.set(item.name, () => {
      log.push(`end ${item.name}`);
      inFlight--;
      resolve();
    }));
  });
  const settle = () => new Promise((r) => setImmediate(r));
  const finish = async (name: string) => {
    release.get(name)!();
    await settle();
  };
  return { log, done, finish, settle, peak: () => peak };
}

describe("forEachTest", () => {
  it("starts items in order, never more than the limit at once", async () => {
    const h = harness([{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }], 2);
    await h.settle();
    expect(h.log).toEqual(["start a", "start b"]);
    await h.finish("b");
    expect(h.log).toEqual(["start a", "start b", "end b", "start c"]);
    await h.finish("a");
    await h.finish("c");
    await h.finish("d");
    await h.done;
    expect(h.log).toEqual(["start a", "start b", "end b", "start c", "end a", "start d", "end c", "end d"]);
    expect(h.peak()).toBe(2);
  });

  it("runs an item that must run alone with nothing beside it, before or after", async () => {
    const h = harness([{ name: "a" }, { name: "b" }, { name: "speedup", alone: true }, { name: "c" }], 2);
    await h.settle();
    expect(h.log).toEqual(["start a", "start b"]);
    await h.finish("a");
    expect(h.log).toEqual(["start a", "start b", "end a"]);
    await h.finish("b");
    expect(h.log.slice(-2)).toEqual(["end b", "start speedup"]);
    await h.finish("speedup");
    expect(h.log.slice(-2)).toEqual(["end speedup", "start c"]);
    await h.finish("c");
    await h.done;
  });

  it("runs one at a time with a limit of 1", async () => {
    const h = harness([{ name: "a" }, { name: "b" }], 1);
    await h.settle();
    expect(h.log).toEqual(["start a"]);
    await h.finish("a");
    await h.finish("b");
    await h.done;
    expect(h.log).toEqual(["start a", "end a", "start b", "end b"]);
    expect(h.peak()).toBe(1);
  });
});
