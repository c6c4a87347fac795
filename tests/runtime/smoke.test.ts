import { program, stdout } from "./run-helpers";
test("smoke: a trivial program prints", async () => {
  const r = await program(`console.log("hi")`);
  expect(stdout(r)).toBe("hi\n");
});
