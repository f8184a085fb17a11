import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { portalTokens } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { contactCookieName } from "../../http/cookies.js";
import { FORGOT_PASSWORD_FLOOR_MS, RESET_EMAILS_PER_HOUR } from "../../http/forgot-password.js";
import { buildCustomer, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import {
  auditActions,
  emailsTo,
  GOOD_PASSWORD,
  issueToken,
  login,
  OTHER_PASSWORD,
  post,
  setPassword,
  updateContact,
} from "./test-helpers.js";

const { ctx, org, otherOrg } = setUpTestApp("Reset Org", "Reset Other Org");

const primary = (c: Customer) => {
  const found = c.contacts[0];
  if (!found?.email) throw new Error("contact without email");
  return { ...found, email: found.email };
};
const owner = (c: Customer) => ({ customerId: c.id, contactId: primary(c).id });
const me = (cookie: string) => ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie } });
const forgot = (o: TestOrg, email: string, headers: Record<string, string> = {}) =>
  post(ctx, `/api/portal/${o.slug}/password/forgot`, { email }, headers);
const reset = (o: TestOrg, token: string, password = OTHER_PASSWORD, confirm = password) =>
  post(ctx, `/api/portal/${o.slug}/password/reset`, { token, password, confirm });
const accept = (o: TestOrg, token: string, password = OTHER_PASSWORD, confirm = password) =>
  post(ctx, `/api/portal/${o.slug}/invitation/accept`, { token, password, confirm });

/** The reset token of the newest reset email to this address; the link is built from PUBLIC_URL. */
async function resetTokenFromEmail(o: TestOrg, email: string): Promise<string> {
  const [mail] = await emailsTo(ctx, o, email, "password_reset");
  const match = new RegExp(
    `https://portico\\.test/p/${o.slug}/reset-password\\?token=([A-Za-z0-9_-]{43})`,
  ).exec(mail?.textBody ?? "");
  if (!match?.[1]) throw new Error(`no reset link in ${mail?.textBody}`);
  expect(mail?.htmlBody).toContain(`https://portico.test/p/${org.slug}/reset-password?token=`);
  return match[1];
}

describe("forgot password (D5)", () => {
  test("the same answer for a known and an unknown address; only the known one gets a link", async () => {
    const c = await buildCustomer(ctx, org, "Forgetful");
    const known = await forgot(org, primary(c).email.toUpperCase(), { host: "evil.example" });
    const unknown = await forgot(org, "nobody-at-all@example.com");
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    expect(await emailsTo(ctx, org, "nobody-at-all@example.com", "password_reset")).toHaveLength(0);
    const [mail] = await emailsTo(ctx, org, primary(c).email, "password_reset");
    expect(mail?.textBody).not.toContain("evil.example");
    await resetTokenFromEmail(org, primary(c).email);
    expect(await auditActions(ctx, org, primary(c).id)).toEqual(["password_reset_requested"]);
  });

  test("no link for a contact whose access is disabled, or in another organisation's portal", async () => {
    const c = await buildCustomer(ctx, org, "Disabled");
    await updateContact(ctx, org, primary(c).id, { portalEnabled: false });
    expect((await forgot(org, primary(c).email)).statusCode).toBe(200);
    const other = await buildCustomer(ctx, org, "Elsewhere");
    expect((await forgot(otherOrg, primary(other).email)).statusCode).toBe(200);
    expect(await emailsTo(ctx, org, primary(c).email, "password_reset")).toHaveLength(0);
    expect(await emailsTo(ctx, otherOrg, primary(other).email, "password_reset")).toHaveLength(0);
  });
});

describe("forgot password limits (decision 016)", () => {
  afterEach(() => clock.resetClock());

  test(`at most ${RESET_EMAILS_PER_HOUR} reset emails an hour for one contact; the 4th gets the same answer`, async () => {
    const c = await buildCustomer(ctx, org, "Flooded");
    const answers: string[] = [];
    for (let i = 0; i < RESET_EMAILS_PER_HOUR + 2; i++) {
      const res = await forgot(org, primary(c).email);
      answers.push(`${res.statusCode} ${res.body}`);
    }
    expect(new Set(answers).size).toBe(1);
    expect(await emailsTo(ctx, org, primary(c).email, "password_reset")).toHaveLength(RESET_EMAILS_PER_HOUR);
    clock.advanceClock(3600_000 + 1000);
    await forgot(org, primary(c).email);
    expect(await emailsTo(ctx, org, primary(c).email, "password_reset")).toHaveLength(
      RESET_EMAILS_PER_HOUR + 1,
    );
  });

  test("known and unknown addresses both answer no sooner than the floor, with the same body", async () => {
    const c = await buildCustomer(ctx, org, "Timed");
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await forgot(org, email);
      return { ms: performance.now() - started, answer: `${res.statusCode} ${res.body}` };
    };
    const known = await timed(primary(c).email);
    const unknown = await timed("nobody-timed@example.com");
    expect(known.answer).toBe(unknown.answer);
    // setTimeout never fires early by more than its 1 ms rounding.
    expect(known.ms).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS - 1);
    expect(unknown.ms).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS - 1);
  });
});

describe("reset password (D5)", () => {
  test("policy refusals keep the token usable; success ends sessions, emails, does not sign in", async () => {
    const c = await buildCustomer(ctx, org, "Resetter");
    await setPassword(ctx, org, primary(c).id, GOOD_PASSWORD);
    const session = await login(ctx, org, primary(c).email, GOOD_PASSWORD);
    await forgot(org, primary(c).email);
    const token = await resetTokenFromEmail(org, primary(c).email);

    const refusals: [string, string, string, string][] = [
      [OTHER_PASSWORD, "different-passphrase-x", "PASSWORD_MISMATCH", "body.confirm"],
      ["elevenchars", "elevenchars", "PASSWORD_TOO_SHORT", "body.password"],
      ["x".repeat(129), "x".repeat(129), "PASSWORD_TOO_LONG", "body.password"],
      ["QwertyUiop123", "QwertyUiop123", "PASSWORD_BREACHED", "body.password"],
    ];
    for (const [password, confirm, code, field] of refusals) {
      const res = await reset(org, token, password, confirm);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe(code);
      expect(res.json().errors[0].field).toBe(field);
    }

    const res = await reset(org, token);
    expect(res.statusCode).toBe(200);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect((await login(ctx, org, primary(c).email, GOOD_PASSWORD)).res.statusCode).toBe(401);
    expect((await login(ctx, org, primary(c).email, OTHER_PASSWORD)).res.statusCode).toBe(200);
    const [changed] = await emailsTo(ctx, org, primary(c).email, "password_changed");
    expect(changed?.textBody).toContain(`https://portico.test/p/${org.slug}/login`);
    expect(await auditActions(ctx, org, primary(c).id)).toContain("password_reset");

    // Single use.
    expect((await reset(org, token, "another-fine-passphrase")).json().code).toBe("TOKEN_INVALID");
  });

  test("an older reset link stops working when a newer one is sent", async () => {
    const c = await buildCustomer(ctx, org, "Twice");
    const first = await issueToken(ctx, org, owner(c), "password_reset");
    await issueToken(ctx, org, owner(c), "password_reset");
    expect((await reset(org, first)).json().code).toBe("TOKEN_INVALID");
  });

  test("unknown, expired, other-purpose and other-organisation tokens are refused alike", async () => {
    const c = await buildCustomer(ctx, org, "Bad Tokens");
    const expired = await issueToken(ctx, org, owner(c), "password_reset");
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(portalTokens)
        .set({ expiresAt: new Date(clock.nowMs() - 1000) })
        .where(eq(portalTokens.contactId, primary(c).id)),
    );
    const invitation = await issueToken(ctx, org, owner(c), "invitation");
    const live = await issueToken(ctx, org, owner(c), "password_reset");
    for (const [o, token] of [
      [org, "A".repeat(43)],
      [org, "not-a-token"],
      [org, expired],
      [org, invitation],
      [otherOrg, live],
    ] as const) {
      const res = await reset(o, token);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("TOKEN_INVALID");
    }
    expect((await reset(org, live)).statusCode).toBe(200);
  });

  test("a reset ends a throttling lock-out", async () => {
    const c = await buildCustomer(ctx, org, "Locked Out");
    await setPassword(ctx, org, primary(c).id, GOOD_PASSWORD);
    // From one address: since decision 016 only the client that has been failing is locked out.
    const fromOneAddress = (password: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/portal/${org.slug}/login`,
        payload: { email: primary(c).email, password },
        remoteAddress: "198.51.100.7",
      });
    for (let i = 0; i < 5; i++) await fromOneAddress("wrong-password-here");
    expect((await fromOneAddress(GOOD_PASSWORD)).json().code).toBe("ACCOUNT_LOCKED");
    expect((await reset(org, await issueToken(ctx, org, owner(c), "password_reset"))).statusCode).toBe(200);
    expect((await fromOneAddress(OTHER_PASSWORD)).statusCode).toBe(200);
  });
});

describe("accept invitation (D1)", () => {
  test("peeking shows the contact without using the token; accepting signs in", async () => {
    const c = await buildCustomer(ctx, org, "Invitee");
    const token = await issueToken(ctx, org, owner(c), "invitation");
    const peek = await ctx.app.inject({ url: `/api/portal/${org.slug}/invitation/${token}` });
    expect(peek.statusCode).toBe(200);
    expect(peek.json()).toEqual({ contactName: primary(c).name, email: primary(c).email });
    expect((await ctx.app.inject({ url: `/api/portal/${org.slug}/invitation/${token}` })).statusCode).toBe(
      200,
    );

    expect((await accept(org, token, "elevenchars")).json().code).toBe("PASSWORD_TOO_SHORT");
    const res = await accept(org, token);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
    expect(cookie.startsWith(`${contactCookieName(ctx.config, org.orgId)}=`)).toBe(true);
    expect((await me(cookie)).json().contact.id).toBe(primary(c).id);
    expect((await login(ctx, org, primary(c).email, OTHER_PASSWORD)).res.statusCode).toBe(200);
    expect(await auditActions(ctx, org, primary(c).id)).toContain("invitation_accepted");

    expect((await accept(org, token)).json().code).toBe("TOKEN_INVALID");
    const gone = await ctx.app.inject({ url: `/api/portal/${org.slug}/invitation/${token}` });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().code).toBe("TOKEN_INVALID");
  });

  test("a reset token, another portal, or a disabled contact cannot accept", async () => {
    const c = await buildCustomer(ctx, org, "Not Invited");
    const resetToken = await issueToken(ctx, org, owner(c), "password_reset");
    expect((await accept(org, resetToken)).json().code).toBe("TOKEN_INVALID");
    expect(
      (await ctx.app.inject({ url: `/api/portal/${org.slug}/invitation/${resetToken}` })).statusCode,
    ).toBe(400);
    const invitation = await issueToken(ctx, org, owner(c), "invitation");
    expect((await accept(otherOrg, invitation)).json().code).toBe("TOKEN_INVALID");
    await updateContact(ctx, org, primary(c).id, { portalEnabled: false });
    expect(
      (await ctx.app.inject({ url: `/api/portal/${org.slug}/invitation/${invitation}` })).statusCode,
    ).toBe(400);
    expect((await accept(org, invitation)).json().code).toBe("TOKEN_INVALID");
  });
});
