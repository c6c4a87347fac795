import { describe, expect, it } from "@jest/globals";
import { isLocalPath } from "../../app/_server/local-path";

describe("isLocalPath (the only ?next= targets followed after sign-in)", () => {
  it.each(["/problems", "/problems/sleep?tab=1"])("should accept %s", (p) => expect(isLocalPath(p)).toBe(true));
  it.each(["//evil.example", "/\\evil.example", "https://evil.example", "problems", "/x\r\nSet-Cookie: a=b"])("should refuse %j", (p) =>
    expect(isLocalPath(p)).toBe(false),
  );
});
