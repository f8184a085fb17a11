import { randomInt } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { auditEvents, contacts, emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { hashPassword } from "../../http/passwords.js";
import { cookieHeader, type TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";
import { issuePortalToken, type PortalTokenPurpose } from "../portal-access/portal-tokens.service.js";

/** Test helpers of the portal sign-in tests (not a test file itself). */

export const GOOD_PASSWORD = "velvet-harbour-lantern-92";
export const OTHER_PASSWORD = "quiet-orchard-compass-17";

/** A different client address per request, so the per-address rate limits stay out of the way. */
export const anyIp = () => `10.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 255)}`;

export function post(ctx: TestContext, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers,
    remoteAddress: anyIp(),
  });
}

export async function setPassword(
  ctx: TestContext,
  org: TestOrg,
  contactId: string,
  password: string | null,
) {
  const passwordHash = password ? await hashPassword(password) : null;
  await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(contacts).set({ passwordHash }).where(eq(contacts.id, contactId)),
  );
}

export function updateContact(
  ctx: TestContext,
  org: TestOrg,
  contactId: string,
  set: Partial<typeof contacts.$inferInsert>,
) {
  return withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(contacts).set(set).where(eq(contacts.id, contactId)),
  );
}

export async function login(ctx: TestContext, org: TestOrg, email: string, password: string) {
  const res = await post(ctx, `/api/portal/${org.slug}/login`, { email, password });
  return { res, cookie: cookieHeader(res.headers["set-cookie"]) };
}

export function issueToken(
  ctx: TestContext,
  org: TestOrg,
  owner: { customerId: string; contactId: string },
  purpose: PortalTokenPurpose,
) {
  return withOrg(ctx.database.db, org.orgId, (tx) =>
    issuePortalToken(tx, { orgId: org.orgId, ...owner }, purpose),
  );
}

/** Emails of one kind to one address, newest first, straight from the outbox table. */
export function emailsTo(ctx: TestContext, org: TestOrg, to: string, kind: string) {
  return withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, to), eq(emails.kind, kind)))
      .orderBy(desc(emails.createdAt)),
  );
}

export async function auditActions(ctx: TestContext, org: TestOrg, contactId: string): Promise<string[]> {
  const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.contactId, contactId))
      .orderBy(auditEvents.createdAt),
  );
  return rows.map((r) => r.action);
}
