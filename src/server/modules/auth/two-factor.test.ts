import { randomInt } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { advanceClock, nowMs, resetClock } from "../../clock.js";
import { staffSessions } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { buildOrg, cookieHeader, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { base32Decode, hotp, totpStepAt } from "./totp.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => resetClock());

const ip = () => `10.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 255)}`;
const codeAt = (secret: string, ms = nowMs()) => hotp(base32Decode(secret), totpStepAt(ms));
const login = (org: TestOrg, extra: Record<string, string> = {}) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: org.email, password: org.password, ...extra },
    remoteAddress: ip(),
  });
const post = (cookie: string, url: string, payload: object = {}) =>
  ctx.app.inject({ method: "POST", url, headers: { cookie }, payload, remoteAddress: ip() });

async function sessionsOf(cookie: string): Promise<number> {
  const me = await ctx.app.inject({ url: "/api/auth/me", headers: { cookie } });
  const userId: string = me.json().user.id;
  const [row] = await withSystem(ctx.database.db, (tx) =>
    tx.select({ n: count() }).from(staffSessions).where(eq(staffSessions.userId, userId)),
  );
  return row?.n ?? 0;
}

/** An organisation whose owner has two-factor sign-in on: its secret and recovery codes. */
async function enrolled(name: string) {
  const org = await buildOrg(ctx, name);
  const setup = await post(org.cookie, "/api/auth/2fa/setup");
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri } = setup.json();
  expect(otpauthUri).toContain(`secret=${secret}`);
  const enable = await post(org.cookie, "/api/auth/2fa/enable", { code: codeAt(secret) });
  expect(enable.statusCode).toBe(200);
  const { recoveryCodes } = enable.json() as { recoveryCodes: string[] };
  // The code used to enable is spent: the sign-ins below use the next step's code.
  advanceClock(30_000);
  return { org, secret, recoveryCodes };
}

describe("two-factor enrolment", () => {
  test("setup, a wrong code is refused, a right one enables and answers ten recovery codes once", async () => {
    const org = await buildOrg(ctx, "TOTP Enrol");
    const { secret } = (await post(org.cookie, "/api/auth/2fa/setup")).json();
    const status = await ctx.app.inject({ url: "/api/auth/2fa", headers: { cookie: org.cookie } });
    expect(status.json()).toEqual({ enabled: false, required: false });
    // A form error (422), not a 401: the web client takes any 401 for a session that ended.
    const wrong = await post(org.cookie, "/api/auth/2fa/enable", { code: "000000" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe("TOTP_CODE_WRONG");
    const right = await post(org.cookie, "/api/auth/2fa/enable", { code: codeAt(secret) });
    expect(right.json().recoveryCodes).toHaveLength(10);
    const after = await ctx.app.inject({ url: "/api/auth/2fa", headers: { cookie: org.cookie } });
    expect(after.json()).toEqual({ enabled: true, required: false });
    // The secret is never answered again: a second setup is refused while it is on.
    expect((await post(org.cookie, "/api/auth/2fa/setup")).statusCode).toBe(409);
    expect((await post(org.cookie, "/api/auth/2fa/enable", { code: codeAt(secret) })).statusCode).toBe(409);
  });
});

describe("two-factor sign-in", () => {
  test("the right password without a code is 401 TOTP_REQUIRED and starts no session", async () => {
    const { org } = await enrolled("TOTP Required");
    const before = await sessionsOf(org.cookie);
    const res = await login(org);
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe("TOTP_REQUIRED");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await sessionsOf(org.cookie)).toBe(before);
  });

  test("a wrong code is TOTP_INVALID; the right one signs in; the same code again is a replay", async () => {
    const { org, secret } = await enrolled("TOTP Replay");
    const before = await sessionsOf(org.cookie);
    const wrong = await login(org, { code: "123456" === codeAt(secret) ? "654321" : "123456" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe("TOTP_INVALID");
    const code = codeAt(secret);
    const ok = await login(org, { code });
    expect(ok.statusCode).toBe(200);
    expect(await sessionsOf(org.cookie)).toBe(before + 1);
    const replay = await login(org, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("TOTP_INVALID");
    // A wrong password still answers INVALID_CREDENTIALS, whatever the code.
    const bad = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: org.email, password: "not it", code },
      remoteAddress: ip(),
    });
    expect(bad.json().code).toBe("INVALID_CREDENTIALS");
  });

  test("a recovery code signs in once", async () => {
    const { org, recoveryCodes } = await enrolled("TOTP Recovery");
    const recoveryCode = recoveryCodes[0] as string;
    expect((await login(org, { recoveryCode: recoveryCode.toUpperCase() })).statusCode).toBe(200);
    const again = await login(org, { recoveryCode });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe("TOTP_INVALID");
    expect((await login(org, { recoveryCode: recoveryCodes[1] as string })).statusCode).toBe(200);
  });

  test("failed codes count in the login throttle", async () => {
    const { org } = await enrolled("TOTP Throttle");
    const from = "10.77.0.1";
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: org.email, password: org.password, code: "000000" },
        remoteAddress: from,
      });
      codes.push(res.json().code);
    }
    expect(codes.slice(0, 5).every((c) => c === "TOTP_INVALID")).toBe(true);
    expect(codes[5]).toBe("ACCOUNT_LOCKED");
  });

  test("disabling takes the password; then the password alone signs in", async () => {
    const { org, secret } = await enrolled("TOTP Disable");
    const wrong = await post(org.cookie, "/api/auth/2fa/disable", { password: "not it" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe("WRONG_PASSWORD");
    expect((await login(org)).json().code).toBe("TOTP_REQUIRED");
    const ok = await post(org.cookie, "/api/auth/2fa/disable", { password: org.password });
    expect(ok.statusCode).toBe(200);
    expect((await login(org)).statusCode).toBe(200);
    expect((await login(org, { code: codeAt(secret) })).statusCode).toBe(200);
  });
});

describe("two-factor required by the organisation", () => {
  test("a member without it reaches only /api/auth/*, sets it up, then everything", async () => {
    const org = await buildOrg(ctx, "TOTP Team");
    const put = await ctx.app.inject({
      method: "PUT",
      url: "/api/organisation/two-factor",
      headers: { cookie: org.cookie },
      payload: { required: true },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ required: true });
    const cookie = cookieHeader((await login(org)).headers["set-cookie"]);
    const elsewhere = await ctx.app.inject({ url: "/api/customers", headers: { cookie } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().code).toBe("TWO_FACTOR_SETUP_REQUIRED");
    expect((await ctx.app.inject({ url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(200);
    const status = await ctx.app.inject({ url: "/api/auth/2fa", headers: { cookie } });
    expect(status.json()).toEqual({ enabled: false, required: true });
    const { secret } = (await post(cookie, "/api/auth/2fa/setup")).json();
    expect((await post(cookie, "/api/auth/2fa/enable", { code: codeAt(secret) })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: "/api/customers", headers: { cookie } })).statusCode).toBe(200);
  });
});
