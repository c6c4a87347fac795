import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { program, stdout } from "./run-helpers";

/**
 * One test per snippet: run it under the real node that runs jest and in the sandbox (program mode);
 * the sandbox must end normally and print the same stdout, line for line.
 */
export function describeNodeParity(title: string, snippets: Record<string, string>, timeoutMs = 60_000): void {
  describe(title, () => {
    const dir = mkdtempSync(join(tmpdir(), "parity-"));
    for (const [name, code] of Object.entries(snippets)) {
      test(name, async () => {
        const file = join(dir, `${name}.mjs`);
        writeFileSync(file, code);
        const expected = execFileSync(process.execPath, [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
        const r = await program(code);
        expect(r.status).toBe("ok");
        expect(stdout(r).split("\n")).toEqual(expected.split("\n"));
      }, timeoutMs);
    }
  });
}
