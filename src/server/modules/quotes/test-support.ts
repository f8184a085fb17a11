import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Customer, PortalQuoteDetail } from "../../../shared/contracts/index.js";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { openLink, type TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/** Sends (or resends) a quote; returns the response and the personal links emailed, by address. */
export async function sendQuoteLinks(ctx: TestContext, org: TestOrg, quoteId: string) {
  const before = new Set(
    (
      await withOrg(ctx.database.db, org.orgId, (tx) =>
        tx.select({ id: emails.id }).from(emails).where(eq(emails.kind, "quote_sent")),
      )
    ).map((e) => e.id),
  );
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/quotes/${quoteId}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });
  const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(emails).where(eq(emails.kind, "quote_sent")),
  );
  const links = new Map<string, string>();
  for (const e of rows.filter((r) => !before.has(r.id))) {
    const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(e.textBody)?.[0];
    if (link) links.set(e.toAddress, link);
  }
  return { res, links, emails: rows.filter((r) => !before.has(r.id)) };
}

/** Sends the quote and signs its customer's primary contact in through the emailed link. */
export async function contactCookieFor(
  ctx: TestContext,
  org: TestOrg,
  customer: Customer,
  quoteId: string,
): Promise<{ cookie: string; location: string }> {
  const { res, links } = await sendQuoteLinks(ctx, org, quoteId);
  expect(res.statusCode).toBe(200);
  const primary = customer.contacts.find((c) => c.isPrimary) ?? customer.contacts[0];
  const link = links.get(primary?.email ?? "");
  if (!link) throw new Error("no link for the primary contact");
  const opened = await openLink(ctx, link);
  expect(opened.status).toBe(303);
  return { cookie: opened.cookie, location: opened.location };
}

export const portalGet = (ctx: TestContext, org: TestOrg, cookie: string, path: string) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie } });

export const portalPost = (ctx: TestContext, org: TestOrg, cookie: string, path: string, payload: unknown) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}${path}`,
    headers: { cookie, "user-agent": "QuoteTest/1.0 (Vitest)" },
    payload: payload as object,
  });

/** Opens the quote as the contact (as a browser would before accepting) and accepts what it showed. */
export async function acceptAsContact(
  ctx: TestContext,
  org: TestOrg,
  cookie: string,
  quoteId: string,
  extra: { signerName?: string; signatureImage?: string } = {},
) {
  const shown: PortalQuoteDetail = (await portalGet(ctx, org, cookie, `/quotes/${quoteId}`)).json();
  return portalPost(ctx, org, cookie, `/quotes/${quoteId}/accept`, {
    signerName: extra.signerName ?? "Ana Firmante",
    documentHash: shown.documentHash,
    ...(extra.signatureImage ? { signatureImage: extra.signatureImage } : {}),
  });
}
