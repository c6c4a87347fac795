// Accounts and sessions as functions against a real SQLite database (fresh file per run).
import { afterAll, describe, expect, it } from "@jest/globals";
import { tempDatabase } from "./support/use-temp-database";
import { authenticate, registerCandidate } from "../../app/_server/auth/accounts";
import { createSession, hashToken, resolveSession, revokeSession } from "../../app/_server/auth/sessions";
import { db } from "../../app/_server/db";

afterAll(async () => {
  await db.$disconnect();
  tempDatabase.remove();
});

const valid = { name: "Sam Doe", email: "Sam@Example.com ", password: "correct horse battery" };

describe("registerCandidate", () => {
  it("should create a candidate with a normalised email and a bcrypt hash, never the password", async () => {
    const result = await registerCandidate(valid);
    expect(result).toEqual({ ok: true, user: { id: expect.any(String), email: "sam@example.com", name: "Sam Doe", role: "candidate" } });
    const row = await db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.passwordHash).not.toContain(valid.password);
  });

  it("should refuse a second account with the same email, whatever its case, with 409", async () => {
    const result = await registerCandidate({ ...valid, email: "SAM@example.com" });
    expect(result).toMatchObject({ ok: false, status: 409, fieldErrors: { email: [expect.stringContaining("already exists")] } });
    expect(await db.user.count({ where: { email: "sam@example.com" } })).toBe(1);
  });

  it.each([
    ["a bad email", { ...valid, email: "not-an-email" }, "email", /valid email/],
    ["a short password", { ...valid, email: "short@example.com", password: "123456789" }, "password", /at least 10 characters/],
    ["a password over bcrypt's 72 bytes", { ...valid, email: "long@example.com", password: "é".repeat(37) }, "password", /at most 72 bytes/],
    ["an empty name", { ...valid, email: "noname@example.com", name: "  " }, "name", /Enter your name/],
  ])("should reject %s with 400 and a message on that field", async (_label, input, field, message) => {
    const result = await registerCandidate(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
  });

  it("should report every invalid field at once, not only the first", async () => {
    const result = await registerCandidate({ email: "x", password: "y" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("should ignore a role in the input: sign-up only makes candidates", async () => {
    const result = await registerCandidate({ ...valid, email: "sneaky@example.com", role: "admin" });
    expect(result).toMatchObject({ ok: true, user: { role: "candidate" } });
  });
});

describe("authenticate", () => {
  it("should accept the right password, matching the email case-insensitively", async () => {
    const result = await authenticate({ email: "SAM@example.com", password: valid.password });
    expect(result).toMatchObject({ ok: true, user: { email: "sam@example.com", role: "candidate" } });
    expect(result.ok && "passwordHash" in result.user).toBe(false);
  });

  it("should refuse a wrong password and an unknown email with the same 401 message", async () => {
    const wrong = await authenticate({ email: "sam@example.com", password: "wrong password" });
    const unknown = await authenticate({ email: "nobody@example.com", password: valid.password });
    expect(wrong).toEqual({ ok: false, status: 401, error: "Wrong email or password." });
    expect(unknown).toEqual(wrong);
  });

  it("should refuse a disabled account even with the right password", async () => {
    await registerCandidate({ ...valid, email: "gone@example.com" });
    await db.user.update({ where: { email: "gone@example.com" }, data: { disabled: true } });
    const result = await authenticate({ email: "gone@example.com", password: valid.password });
    expect(result).toMatchObject({ ok: false, status: 401, error: expect.stringContaining("disabled") });
  });

  it("should reject malformed input with 400 instead of throwing", async () => {
    expect(await authenticate(null)).toMatchObject({ ok: false, status: 400 });
    expect(await authenticate({ email: 42, password: ["x"] })).toMatchObject({ ok: false, status: 400 });
  });
});

describe("sessions", () => {
  async function userId(email: string) {
    return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  }

  it("should resolve the cookie token to its user and store only the token's hash", async () => {
    const id = await userId("sam@example.com");
    const { token } = await createSession(id);
    expect(await resolveSession(token)).toEqual({ id, email: "sam@example.com", name: "Sam Doe", role: "candidate" });
    expect(await db.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.session.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
  });

  it("should stop resolving a token once signed out", async () => {
    const { token } = await createSession(await userId("sam@example.com"));
    await revokeSession(token);
    expect(await resolveSession(token)).toBeNull();
    expect(await db.session.count({ where: { tokenHash: hashToken(token) } })).toBe(0);
  });

  it("should not resolve an expired session, an unknown token, or a disabled user's session", async () => {
    const { token } = await createSession(await userId("sam@example.com"));
    await db.session.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(token)).toBeNull();
    expect(await db.session.count({ where: { tokenHash: hashToken(token) } })).toBe(0); // swept when seen
    expect(await resolveSession("made-up-token")).toBeNull();
    expect(await resolveSession(undefined)).toBeNull();
    const disabled = await createSession(await userId("gone@example.com"));
    expect(await resolveSession(disabled.token)).toBeNull();
  });
});
