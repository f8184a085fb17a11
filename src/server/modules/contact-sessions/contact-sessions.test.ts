import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { contactSessions } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { contactCookieName } from "../../http/cookies.js";
import { hashToken } from "../../http/tokens.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { GOOD_PASSWORD, login, setPassword } from "../portal-auth/test-helpers.js";
import { CONTACT_SESSION_IDLE_MINUTES } from "./contact-sessions.service.js";

/** Contact sessions end after 12 hours whatever happens, and after 120 idle minutes (issue 3). */
let ctx: TestContext;
let org: TestOrg;
let email: string;

const minutesAgo = (m: number) => new Date(clock.nowMs() - m * 60_000);

async function signIn(): Promise<{ cookie: string; tokenHash: string }> {
  const { res, cookie } = await login(ctx, org, email, GOOD_PASSWORD);
  expect(res.statusCode).toBe(200);
  const token =
    cookie
      .split("; ")
      .find((c) => c.startsWith(contactCookieName(ctx.config, org.orgId)))
      ?.split("=")[1] ?? "";
  return { cookie, tokenHash: hashToken(token) };
}

const me = (cookie: string) => ctx.app.inject({ url: `/api/portal/${org.slug}/me`, headers: { cookie } });
const setSession = (tokenHash: string, set: Partial<typeof contactSessions.$inferInsert>) =>
  withSystem(ctx.database.db, (tx) =>
    tx.update(contactSessions).set(set).where(eq(contactSessions.tokenHash, tokenHash)),
  );
const sessionOf = (tokenHash: string) =>
  withSystem(ctx.database.db, async (tx) => {
    const [row] = await tx.select().from(contactSessions).where(eq(contactSessions.tokenHash, tokenHash));
    return row;
  });

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Sessions");
  const customer = await buildCustomer(ctx, org, "Session Customer");
  const contact = customer.contacts[0];
  if (!contact?.email) throw new Error("no contact");
  email = contact.email;
  await setPassword(ctx, org, contact.id, GOOD_PASSWORD);
});
afterAll(() => ctx.close());

describe("contact session expiry", () => {
  test("a session idle for longer than the idle limit ends", async () => {
    const { cookie, tokenHash } = await signIn();
    await setSession(tokenHash, { lastSeenAt: minutesAgo(CONTACT_SESSION_IDLE_MINUTES - 5) });
    expect((await me(cookie)).statusCode).toBe(200);
    await setSession(tokenHash, { lastSeenAt: minutesAgo(CONTACT_SESSION_IDLE_MINUTES + 1) });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  test("using a session keeps it alive: the idle clock restarts", async () => {
    const { cookie, tokenHash } = await signIn();
    await setSession(tokenHash, { lastSeenAt: minutesAgo(CONTACT_SESSION_IDLE_MINUTES - 1) });
    expect((await me(cookie)).statusCode).toBe(200);
    const touched = await sessionOf(tokenHash);
    expect(clock.nowMs() - (touched?.lastSeenAt.getTime() ?? 0)).toBeLessThan(60_000);
  });

  test("a session past its absolute lifetime ends, even when in use", async () => {
    const { cookie, tokenHash } = await signIn();
    await setSession(tokenHash, { expiresAt: minutesAgo(1), lastSeenAt: clock.now() });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  test("signing in again gives a new session token; the earlier one in that browser ends", async () => {
    const first = await signIn();
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/login`,
      headers: { cookie: first.cookie },
      remoteAddress: "10.9.9.9",
      payload: { email, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).not.toContain(first.cookie.split("=")[1]);
    expect((await me(first.cookie)).statusCode).toBe(401);
  });
});
