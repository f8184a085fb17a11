import { and, desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { advanceClock, resetClock } from "../../clock.js";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { RESET_EMAILS_PER_HOUR } from "../../http/forgot-password.js";
import { buildOrg, cookieHeader, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

/** Staff forgot / reset / change password (decision 016), end to end through the API and the outbox. */
let ctx: TestContext;

const NEW_PASSWORD = "granite-meadow-kettle-58";
const OTHER_PASSWORD = "copper-willow-signal-23";
let n = 0;
const freshIp = () => `203.0.113.${++n}`;

const post = (url: string, payload: object, opts: { cookie?: string; ip?: string } = {}) =>
  ctx.app.inject({
    method: "POST",
    url,
    payload,
    remoteAddress: opts.ip ?? freshIp(),
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  });
const signIn = async (org: TestOrg, password: string, ip?: string) => {
  const res = await post("/api/auth/login", { email: org.email, password }, { ip });
  return { res, cookie: cookieHeader(res.headers["set-cookie"]) };
};
const me = (cookie: string) => ctx.app.inject({ url: "/api/auth/me", headers: { cookie } });
const forgot = (email: string) => post("/api/auth/password/forgot", { email });
const reset = (token: string, password = NEW_PASSWORD, confirm = password) =>
  post("/api/auth/password/reset", { token, password, confirm });

const mailsTo = (org: TestOrg, kind: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, org.email), eq(emails.kind, kind)))
      .orderBy(desc(emails.createdAt)),
  );

/** Follows the newest reset email: its link points at the back office on PUBLIC_URL. */
async function tokenFromEmail(org: TestOrg): Promise<string> {
  const [mail] = await mailsTo(org, "staff_password_reset");
  const link = /https:\/\/portico\.test\/app\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(
    mail?.textBody ?? "",
  );
  if (!link?.[1]) throw new Error(`no reset link in ${mail?.textBody}`);
  expect(mail?.htmlBody).toContain(link[0]);
  return link[1];
}

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => resetClock());

describe("staff forgot and reset password", () => {
  test("same answer for known and unknown addresses; the link sets a password, ends sessions, does not sign in", async () => {
    const org = await buildOrg(ctx, "Staff Reset");
    const other = await signIn(org, org.password);
    const known = await forgot(org.email.toUpperCase());
    const unknown = await forgot("nobody-staff@example.com");
    expect(known.statusCode).toBe(200);
    expect(`${known.statusCode} ${known.body}`).toBe(`${unknown.statusCode} ${unknown.body}`);
    const token = await tokenFromEmail(org);

    // Policy refusals change nothing and keep the token usable.
    expect((await reset(token, NEW_PASSWORD, "something-else-entirely")).json().code).toBe(
      "PASSWORD_MISMATCH",
    );
    expect((await reset(token, "QwertyUiop123")).json().code).toBe("PASSWORD_BREACHED");
    expect((await me(org.cookie)).statusCode).toBe(200);

    const done = await reset(token);
    expect(done.statusCode).toBe(200);
    expect(done.headers["set-cookie"]).toBeUndefined();
    expect((await me(org.cookie)).statusCode).toBe(401);
    expect((await me(other.cookie)).statusCode).toBe(401);
    expect((await reset(token, OTHER_PASSWORD)).json().code).toBe("TOKEN_INVALID");
    expect((await signIn(org, org.password)).res.statusCode).toBe(401);
    expect((await signIn(org, NEW_PASSWORD)).res.statusCode).toBe(200);
    expect(await mailsTo(org, "staff_password_changed")).toHaveLength(1);
  });

  test("a link lasts 30 minutes and only the newest one works", async () => {
    const org = await buildOrg(ctx, "Staff Expiry");
    await forgot(org.email);
    const first = await tokenFromEmail(org);
    await forgot(org.email);
    const second = await tokenFromEmail(org);
    expect((await reset(first)).json().code).toBe("TOKEN_INVALID");
    advanceClock(31 * 60_000);
    expect((await reset(second)).json().code).toBe("TOKEN_INVALID");
    expect((await reset("not-a-token")).json().code).toBe("TOKEN_INVALID");
  });

  test(`at most ${RESET_EMAILS_PER_HOUR} reset emails an hour for one person; the next gets the same answer`, async () => {
    const org = await buildOrg(ctx, "Staff Flood");
    const answers = new Set<string>();
    for (let i = 0; i < RESET_EMAILS_PER_HOUR + 1; i++) {
      const res = await forgot(org.email);
      answers.add(`${res.statusCode} ${res.body}`);
    }
    expect(answers.size).toBe(1);
    expect(await mailsTo(org, "staff_password_reset")).toHaveLength(RESET_EMAILS_PER_HOUR);
    advanceClock(3600_000 + 1000);
    await forgot(org.email);
    expect(await mailsTo(org, "staff_password_reset")).toHaveLength(RESET_EMAILS_PER_HOUR + 1);
  });

  test("a reset lifts a lock-out, even for the address that was failing", async () => {
    const org = await buildOrg(ctx, "Staff Locked");
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await signIn(org, "wrong-password-here", ip);
    expect((await signIn(org, org.password, ip)).res.json().code).toBe("ACCOUNT_LOCKED");
    await forgot(org.email);
    expect((await reset(await tokenFromEmail(org))).statusCode).toBe(200);
    expect((await signIn(org, NEW_PASSWORD, ip)).res.statusCode).toBe(200);
  });
});

describe("staff change password", () => {
  test("needs the current password; keeps this session, ends the others and open reset links", async () => {
    const org = await buildOrg(ctx, "Staff Change");
    const other = await signIn(org, org.password);
    await forgot(org.email);
    const link = await tokenFromEmail(org);
    const change = (body: object) => post("/api/auth/password/change", body, { cookie: org.cookie });

    const wrong = await change({
      currentPassword: "not-it-at-all",
      newPassword: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe("WRONG_PASSWORD");
    expect(
      (await change({ currentPassword: org.password, newPassword: "short", confirm: "short" })).json().code,
    ).toBe("PASSWORD_TOO_SHORT");
    expect((await me(other.cookie)).statusCode).toBe(200);

    const ok = await change({
      currentPassword: org.password,
      newPassword: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
    expect((await me(org.cookie)).statusCode).toBe(200);
    expect((await me(other.cookie)).statusCode).toBe(401);
    expect((await reset(link, OTHER_PASSWORD)).json().code).toBe("TOKEN_INVALID");
    expect((await signIn(org, NEW_PASSWORD)).res.statusCode).toBe(200);
    expect(await mailsTo(org, "staff_password_changed")).toHaveLength(1);
  });

  test("signed out, it is 401 and changes nothing", async () => {
    const res = await post("/api/auth/password/change", {
      currentPassword: "x",
      newPassword: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
  });
});
