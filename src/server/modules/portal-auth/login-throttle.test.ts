import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { loginAttempts } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import {
  addressThrottleKey,
  beginLoginAttempt,
  clearLoginFailures,
  FREE_ACCOUNT_FAILURES,
  FREE_ADDRESS_FAILURES,
  MAX_DELAY_SECONDS,
  pairThrottleKey,
  portalThrottleKey,
  staffThrottleKey,
} from "../../http/login-throttle.js";
import { checkNewPassword } from "../../http/password-policy.js";
import { buildCustomer, buildOrg, loginStaff, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { GOOD_PASSWORD, setPassword } from "./test-helpers.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Throttle Org");
});
afterAll(async () => {
  clock.resetClock();
  await ctx.close();
});

const row = (key: string) =>
  withSystem(
    ctx.database.db,
    async (tx) => (await tx.select().from(loginAttempts).where(eq(loginAttempts.keyHash, key)))[0],
  );
/** Lets every wait pass: no lock lasts longer than MAX_DELAY_SECONDS. */
const waitOut = () => clock.advanceClock(MAX_DELAY_SECONDS * 1000 + 1000);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: { code?: string }) => e.code ?? "error",
  );
let n = 0;
/** A client address no other test uses. */
const freshIp = () => `192.0.2.${++n}`;
const staffLogin = (email: string, password: string, ip: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });
const portalLogin = (email: string, password: string, ip: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/login`,
    payload: { email, password },
    remoteAddress: ip,
  });
const answer = (res: { statusCode: number; json: () => { code?: string } }) =>
  `${res.statusCode} ${res.statusCode === 200 ? "ok" : res.json().code}`;

describe("login throttling", () => {
  test("five free failures per client and account, then a doubling wait capped at 15 minutes", async () => {
    const attempt = { accountKey: portalThrottleKey(org.orgId, `unit-${n}@example.com`), ip: freshIp() };
    const pair = pairThrottleKey(attempt.accountKey, attempt.ip);
    for (let i = 0; i < 5; i++)
      expect(await codeOf(beginLoginAttempt(ctx.database.db, attempt))).toBe("allowed");
    expect(await codeOf(beginLoginAttempt(ctx.database.db, attempt))).toBe("ACCOUNT_LOCKED");
    // A refused attempt counts nowhere.
    expect((await row(pair))?.failures).toBe(5);
    expect((await row(addressThrottleKey(attempt.ip)))?.failures).toBe(5);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      waitOut();
      expect(await codeOf(beginLoginAttempt(ctx.database.db, attempt))).toBe("allowed");
      const r = await row(pair);
      waits.push(Math.round(((r?.lockedUntil?.getTime() ?? 0) - clock.nowMs()) / 1000));
      expect(await codeOf(beginLoginAttempt(ctx.database.db, attempt))).toBe("ACCOUNT_LOCKED");
    }
    // The 6th failure waits 30 × 2 s, the 9th 30 × 16 s; from the 10th on, the 15-minute cap.
    expect(waits[0]).toBeGreaterThanOrEqual(59);
    expect(waits[0]).toBeLessThanOrEqual(61);
    expect(waits[3]).toBeGreaterThanOrEqual(479);
    expect(waits[3]).toBeLessThanOrEqual(481);
    expect(waits[11]).toBeGreaterThanOrEqual(MAX_DELAY_SECONDS - 1);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_DELAY_SECONDS + 1);
    await clearLoginFailures(ctx.database.db, attempt);
    expect(await row(pair)).toBeUndefined();
    expect(await row(attempt.accountKey)).toBeUndefined();
  });

  test("no lock lasts: after 100 and more failures the right password works once the bound has passed", async () => {
    // Before decision 016 the account stayed locked for good after 100 failures.
    const ip = freshIp();
    const attempt = { accountKey: staffThrottleKey(org.email), ip };
    let allowed = 0;
    for (let i = 0; i < 110; i++) {
      waitOut();
      if ((await codeOf(beginLoginAttempt(ctx.database.db, attempt))) === "allowed") allowed++;
    }
    expect(allowed).toBe(110);
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("429 ACCOUNT_LOCKED");
    clock.advanceClock((MAX_DELAY_SECONDS - 60) * 1000);
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("429 ACCOUNT_LOCKED");
    clock.advanceClock(61_000);
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("200 ok");
  });

  test("five wrong passwords do not lock the owner out: the right one from another address works", async () => {
    // The clock has moved on by hours: the owner's session of beforeAll is idle by now.
    const c = await buildCustomer(
      ctx,
      { ...org, cookie: await loginStaff(ctx, org.email, org.password) },
      "Targeted",
    );
    const email = c.contacts[0]?.email ?? "";
    await setPassword(ctx, org, c.contacts[0]?.id ?? "", GOOD_PASSWORD);
    const attacker = freshIp();
    for (const [signIn, address, password] of [
      [staffLogin, org.email, org.password],
      [portalLogin, email, GOOD_PASSWORD],
    ] as const) {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) seen.push(answer(await signIn(address, "not-the-password-1", attacker)));
      expect(seen).toEqual([...Array(5).fill("401 INVALID_CREDENTIALS"), "429 ACCOUNT_LOCKED"]);
      // The failing client waits, even with the right password; the owner elsewhere does not.
      expect(answer(await signIn(address, password, attacker))).toBe("429 ACCOUNT_LOCKED");
      expect(answer(await signIn(address, password, freshIp()))).toBe("200 ok");
    }
  });

  test("guesses from many addresses only hold back the addresses that failed, never a clean one", async () => {
    const attempts = Array.from({ length: FREE_ACCOUNT_FAILURES }, () => ({
      accountKey: staffThrottleKey(org.email),
      ip: freshIp(),
    }));
    for (const a of attempts) expect(await codeOf(beginLoginAttempt(ctx.database.db, a))).toBe("allowed");
    const [first] = attempts;
    if (!first) throw new Error("no attempt");
    // The account is now locked: a client that has failed on it waits, a clean one is still checked.
    expect(await codeOf(beginLoginAttempt(ctx.database.db, first))).toBe("ACCOUNT_LOCKED");
    expect(answer(await staffLogin(org.email, org.password, freshIp()))).toBe("200 ok");
    waitOut();
  });

  test("one address guessing across many accounts is locked out, known account or not", async () => {
    const ip = freshIp();
    for (let i = 0; i < FREE_ADDRESS_FAILURES; i++)
      expect(
        await codeOf(
          beginLoginAttempt(ctx.database.db, { accountKey: staffThrottleKey(`spray-${i}@x.test`), ip }),
        ),
      ).toBe("allowed");
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("429 ACCOUNT_LOCKED");
    waitOut();
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("200 ok");
  });

  test("successful sign-ins from one address (an office) never add up to a lock", async () => {
    const attempt = { accountKey: staffThrottleKey(org.email), ip: freshIp() };
    for (let i = 0; i < FREE_ADDRESS_FAILURES + 5; i++) {
      expect(await codeOf(beginLoginAttempt(ctx.database.db, attempt))).toBe("allowed");
      await clearLoginFailures(ctx.database.db, attempt);
    }
    expect((await row(addressThrottleKey(attempt.ip)))?.failures).toBe(0);
  });

  test("an existing and an unknown contact look the same, and a success resets the count", async () => {
    const c = await buildCustomer(
      ctx,
      { ...org, cookie: await loginStaff(ctx, org.email, org.password) },
      "Throttled",
    );
    const email = c.contacts[0]?.email ?? "";
    await setPassword(ctx, org, c.contacts[0]?.id ?? "", GOOD_PASSWORD);
    const unknown = `ghost-${n}@example.com`;
    const ip = freshIp();
    const ip2 = freshIp();
    for (const [address, from] of [
      [email, ip],
      [unknown, ip2],
    ] as const) {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) seen.push(answer(await portalLogin(address, "not-the-password-1", from)));
      expect(seen).toEqual([...Array(5).fill("401 INVALID_CREDENTIALS"), "429 ACCOUNT_LOCKED"]);
    }
    expect((await row(portalThrottleKey(org.orgId, email)))?.failures).toBe(
      (await row(portalThrottleKey(org.orgId, unknown)))?.failures,
    );
    waitOut();
    expect(answer(await portalLogin(email.toUpperCase(), GOOD_PASSWORD, ip))).toBe("200 ok");
    expect(await row(portalThrottleKey(org.orgId, email))).toBeUndefined();
    expect(await row(pairThrottleKey(portalThrottleKey(org.orgId, email), ip))).toBeUndefined();
  });

  test("staff sign-in is throttled per client and account too, known or not", async () => {
    const ip = freshIp();
    for (const [address, from] of [
      [org.email, ip],
      [`nobody-${n}@example.com`, freshIp()],
    ] as const) {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push((await staffLogin(address, "wrong-password-9", from)).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    }
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("429 ACCOUNT_LOCKED");
    waitOut();
    expect(answer(await staffLogin(org.email, org.password, ip))).toBe("200 ok");
    expect(await row(staffThrottleKey(org.email))).toBeUndefined();
  });
});

describe("password policy", () => {
  const code = (password: string) => {
    try {
      checkNewPassword(password);
      return "ok";
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  test("length is 12 to 128 code points; leaked passwords are refused whatever their case", () => {
    expect(code("a".repeat(11))).toBe("PASSWORD_TOO_SHORT");
    expect(code("b".repeat(129))).toBe("PASSWORD_TOO_LONG");
    expect(code("c".repeat(128))).toBe("ok");
    // 12 emoji are 24 UTF-16 units but 12 characters; 11 are too few.
    expect(code("🔑".repeat(12))).toBe("ok");
    expect(code("🔑".repeat(11))).toBe("PASSWORD_TOO_SHORT");
    expect(code("🔑".repeat(65))).toBe("ok");
    expect(code("🔑".repeat(129))).toBe("PASSWORD_TOO_LONG");
    for (const leaked of ["1qaz2wsx3edc", "Qwertyuiop123", "PASSWORDPASSWORD", "iloveyou1234"])
      expect(code(leaked)).toBe("PASSWORD_BREACHED");
    expect(code("marble-tundra-oyster-lamp")).toBe("ok");
  });
});
