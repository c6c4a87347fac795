/**
 * A grader process gives freed C heap back to the system once it has grown (graders/pool/heap-trim.ts).
 * A real child process fragments its own heap and trims it with the real malloc_trim; /proc tells the sizes.
 */
import { describe, expect, it } from "@jest/globals";
import { childReport } from "../helpers/child-report";

interface Trim {
  beforeMb: number;
  afterMb: number;
}
interface ChildReport {
  atStart: Trim | null;
  unchangedSize: Trim | null;
  trimmed: Trim | null;
}

const runChild = () => childReport<ChildReport>("tests/fixtures/pool/heap-trim-child.ts", ["--expose-gc"]);

describe("heap trim after a job", () => {
  it("hands freed, fragmented C heap back, only once the process grew by the given amount", async () => {
    const r = await runChild();
    // The first call only notes the size; a growth far above what the child allocated trims nothing.
    expect(r.atStart).toBeNull();
    expect(r.unchangedSize).toBeNull();
    // About 260 MB freed between kept buffers: still resident before the trim, given back by it.
    expect(r.trimmed).not.toBeNull();
    const { beforeMb, afterMb } = r.trimmed!;
    expect(beforeMb - afterMb).toBeGreaterThan(150);
  }, 60_000);
});
