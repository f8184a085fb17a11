import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { loginAttempts } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import {
  beginLoginAttempt,
  clearLoginFailures,
  HARD_LOCK_FAILURES,
  MAX_DELAY_SECONDS,
  portalThrottleKey,
  staffThrottleKey,
} from "../../http/login-throttle.js";
import { checkNewPassword } from "../../http/password-policy.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { GOOD_PASSWORD, login, post, setPassword } from "./test-helpers.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Throttle Org");
});
afterAll(() => ctx.close());

const row = (key: string) =>
  withSystem(
    ctx.database.db,
    async (tx) => (await tx.select().from(loginAttempts).where(eq(loginAttempts.keyHash, key)))[0],
  );
/** Lets the current wait pass, as if the clock had moved on. */
const waitOut = (key: string) =>
  withSystem(ctx.database.db, (tx) =>
    tx
      .update(loginAttempts)
      .set({ lockedUntil: new Date(clock.nowMs() - 1000) })
      .where(eq(loginAttempts.keyHash, key)),
  );
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: { code?: string }) => e.code ?? "error",
  );

describe("login throttling", () => {
  test("five free failures, then a doubling wait capped at 15 minutes", async () => {
    const key = portalThrottleKey(org.orgId, `unit-${Date.now()}@example.com`);
    for (let i = 0; i < 5; i++) expect(await codeOf(beginLoginAttempt(ctx.database.db, key))).toBe("allowed");
    expect(await codeOf(beginLoginAttempt(ctx.database.db, key))).toBe("ACCOUNT_LOCKED");
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await waitOut(key);
      expect(await codeOf(beginLoginAttempt(ctx.database.db, key))).toBe("allowed");
      const r = await row(key);
      waits.push(Math.round(((r?.lockedUntil?.getTime() ?? 0) - clock.nowMs()) / 1000));
      expect(await codeOf(beginLoginAttempt(ctx.database.db, key))).toBe("ACCOUNT_LOCKED");
    }
    // The 6th failure waits 30 × 2 s, the 9th 30 × 16 s; from the 10th on, the 15-minute cap.
    expect(waits[0]).toBeGreaterThanOrEqual(59);
    expect(waits[0]).toBeLessThanOrEqual(61);
    expect(waits[3]).toBeGreaterThanOrEqual(479);
    expect(waits[3]).toBeLessThanOrEqual(481);
    expect(waits[11]).toBeGreaterThanOrEqual(MAX_DELAY_SECONDS - 1);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_DELAY_SECONDS + 1);
    expect(waits.at(-1)).toBeGreaterThanOrEqual(MAX_DELAY_SECONDS - 2);
    await clearLoginFailures(ctx.database.db, key);
    expect(await row(key)).toBeUndefined();
  });

  test(`never more than ${HARD_LOCK_FAILURES} consecutive failures, even after the wait`, async () => {
    const key = staffThrottleKey(`cap-${Date.now()}@example.com`);
    let allowed = 0;
    for (let i = 0; i < HARD_LOCK_FAILURES + 10; i++) {
      await waitOut(key);
      if ((await codeOf(beginLoginAttempt(ctx.database.db, key))) === "allowed") allowed++;
    }
    expect(allowed).toBe(HARD_LOCK_FAILURES);
    expect((await row(key))?.failures).toBe(HARD_LOCK_FAILURES);
  });

  test("an existing and an unknown contact look the same, and a success resets the count", async () => {
    const c = await buildCustomer(ctx, org, "Throttled");
    const email = c.contacts[0]?.email ?? "";
    await setPassword(ctx, org, c.contacts[0]?.id ?? "", GOOD_PASSWORD);
    const unknown = `ghost-${Date.now()}@example.com`;
    const answers = async (address: string, password: string) => {
      const { res } = await login(ctx, org, address, password);
      return `${res.statusCode} ${res.json().code}`;
    };
    for (const address of [email, unknown]) {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) seen.push(await answers(address, "not-the-password-1"));
      expect(seen).toEqual([...Array(5).fill("401 INVALID_CREDENTIALS"), "429 ACCOUNT_LOCKED"]);
    }
    // Locked: even the right password is not checked.
    expect(await answers(email, GOOD_PASSWORD)).toBe("429 ACCOUNT_LOCKED");
    await waitOut(portalThrottleKey(org.orgId, email));
    await waitOut(portalThrottleKey(org.orgId, unknown));
    expect((await row(portalThrottleKey(org.orgId, email)))?.failures).toBe(
      (await row(portalThrottleKey(org.orgId, unknown)))?.failures,
    );
    expect((await login(ctx, org, email.toUpperCase(), GOOD_PASSWORD)).res.statusCode).toBe(200);
    expect(await row(portalThrottleKey(org.orgId, email))).toBeUndefined();
  });

  test("staff sign-in is throttled per account too, known or not", async () => {
    for (const address of [org.email, `nobody-${Date.now()}@example.com`]) {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (await post(ctx, "/api/auth/login", { email: address, password: "wrong-password-9" })).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    }
    const locked = await post(ctx, "/api/auth/login", { email: org.email, password: org.password });
    expect(locked.json().code).toBe("ACCOUNT_LOCKED");
    await waitOut(staffThrottleKey(org.email));
    expect(
      (await post(ctx, "/api/auth/login", { email: org.email, password: org.password })).statusCode,
    ).toBe(200);
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
