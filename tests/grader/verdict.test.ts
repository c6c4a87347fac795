import { describe, expect, it } from "@jest/globals";
import { VERDICTS, type CheckOutcome, type Verdict } from "../../graders/report";
import { VERDICT_PRECEDENCE, decisiveCheck, submissionVerdict, testVerdict, verdictForErrorCode, verdictForStatus } from "../../graders/verdict";
import { GraderError, serializeError } from "../../graders/errors";

const failed = (verdict: Verdict, check: string = verdict): CheckOutcome => ({ check, passed: false, verdict, message: check });
const passed = (verdict: Verdict, check: string = verdict): CheckOutcome => ({ check, passed: true, verdict, message: check });

describe("verdict precedence within a test (catalogue: Which verdict wins)", () => {
  it("ranks every verdict exactly once", () => {
    expect([...VERDICT_PRECEDENCE].sort()).toEqual([...VERDICTS].sort());
  });

  // Each row: the failed checks of one test -> the verdict that wins.
  const table: [Verdict[], Verdict][] = [
    [["insufficient_speedup", "compile_error"], "compile_error"],
    [["deadlock", "memory_limit_exceeded"], "memory_limit_exceeded"],
    [["time_limit_exceeded", "output_limit_exceeded"], "output_limit_exceeded"],
    [["time_limit_exceeded", "resource_limit"], "resource_limit"],
    [["deadlock", "time_limit_exceeded"], "time_limit_exceeded"],
    [["runtime_error", "deadlock"], "deadlock"],
    [["wrong_answer", "runtime_error"], "runtime_error"],
    [["wrong_answer", "race_condition"], "race_condition"],
    [["blocked_event_loop", "wrong_answer"], "wrong_answer"],
    [["insufficient_concurrency", "blocked_event_loop"], "blocked_event_loop"],
    [["insufficient_speedup", "insufficient_concurrency"], "insufficient_concurrency"],
    [["insufficient_speedup"], "insufficient_speedup"],
    [["compile_error", "internal_error"], "internal_error"],
    [[], "accepted"],
  ];
  it.each(table)("%j -> %s", (verdicts, winner) => {
    expect(testVerdict(verdicts.map((v) => failed(v)))).toBe(winner);
  });

  it("ignores passed checks whatever their verdict", () => {
    expect(testVerdict([passed("runtime_error"), failed("insufficient_speedup")])).toBe("insufficient_speedup");
  });

  it("among failures of one verdict, the first reported explains the test", () => {
    expect(decisiveCheck([failed("wrong_answer", "order"), failed("wrong_answer", "result")])?.check).toBe("order");
  });
});

describe("verdict across tests", () => {
  it("is the first failing test's, even when a later test failed worse", () => {
    expect(submissionVerdict([{ verdict: "accepted" }, { verdict: "blocked_event_loop" }, { verdict: "memory_limit_exceeded" }])).toBe("blocked_event_loop");
  });
  it("is accepted only when every test passed", () => {
    expect(submissionVerdict([{ verdict: "accepted" }, { verdict: "accepted" }])).toBe("accepted");
  });
  it("is never accepted when no test ran", () => {
    expect(submissionVerdict([])).toBe("internal_error");
  });
});

describe("run status and error codes -> verdict", () => {
  it("maps every run status", () => {
    expect(verdictForStatus("ok")).toBeUndefined();
    expect(verdictForStatus("deadlock")).toBe("deadlock");
    expect(verdictForStatus("internal_error")).toBe("internal_error");
  });
  it("maps grader error codes by whose fault they are", () => {
    expect(verdictForErrorCode("COMPILE_FAILED")).toBe("compile_error");
    expect(verdictForErrorCode("PROCESS_OUT_OF_MEMORY")).toBe("memory_limit_exceeded");
    expect(verdictForErrorCode("CHECKER_FAILED")).toBe("internal_error");
    expect(verdictForErrorCode("SOMETHING_UNKNOWN")).toBe("internal_error");
  });
  it("serializes errors by code, unknown errors as the grader's fault", () => {
    expect(serializeError(new GraderError("CHECKER_FAILED", "bad"))).toEqual({ name: "GraderError", code: "CHECKER_FAILED", message: "bad", fault: "problem" });
    expect(serializeError(new TypeError("oops"))).toEqual({ name: "TypeError", code: "INTERNAL", message: "oops", fault: "grader" });
  });
});
