import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PortalQuoteDetail } from "../../shared/contracts/index.js";
import { auditEvents, quoteAcceptances } from "../db/schema/index.js";
import { withOrg } from "../db/scope.js";
import { contactCookieFor } from "../modules/quotes/test-support.js";
import { buildCustomer, buildOrg, buildQuote, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";

/**
 * X-Forwarded-For names the client only when TRUST_PROXY says who may set it (issue 9): without it a client
 * could pick a new address for every request, slip past the per-address limits and forge the evidence.
 */
const PROXY = "127.0.0.1";
const FORGED = "203.0.113.77";

async function loginTries(ctx: TestContext, n: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: PROXY,
      headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
      // A new unknown account each time, so only the per-address limit can refuse.
      payload: { email: `nobody-${randomUUID()}@example.com`, password: "wrong-password-123" },
    });
    codes.push(res.statusCode);
  }
  return codes;
}

/** A quote accepted through the portal with a forged X-Forwarded-For; its evidence and audit addresses. */
async function acceptWithForwardedFor(ctx: TestContext, org: TestOrg, name: string) {
  const customer = await buildCustomer(ctx, org, name);
  const quote = await buildQuote(ctx, org, customer.id);
  const { cookie } = await contactCookieFor(ctx, org, customer, quote.id);
  const client = { remoteAddress: PROXY, headers: { cookie, "x-forwarded-for": FORGED } };
  const shown: PortalQuoteDetail = (
    await ctx.app.inject({ url: `/api/portal/${org.slug}/quotes/${quote.id}`, ...client })
  ).json();
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/quotes/${quote.id}/accept`,
    ...client,
    payload: { signerName: "Ana Firmante", documentHash: shown.documentHash },
  });
  expect(res.statusCode).toBe(200);
  return withOrg(ctx.database.db, org.orgId, async (tx) => ({
    evidence: (await tx.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quote.id))).map(
      (a) => a.ip,
    ),
    // In the order they happened (created_at, then action for events of one instant): ids are random.
    audit: (
      await tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.documentId, quote.id))
        .orderBy(auditEvents.createdAt, auditEvents.action)
    ).map((a) => [a.action, a.ip]),
  }));
}

describe("without TRUST_PROXY (the default)", () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext();
    org = await buildOrg(ctx, "No Proxy Org");
  });
  afterAll(() => ctx.close());

  test("a new X-Forwarded-For per try does not get past the per-address sign-in limit", async () => {
    const codes = await loginTries(ctx, 12);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  test("quote acceptance evidence and the audit trail keep the socket's address, not the forged one", async () => {
    const { evidence, audit } = await acceptWithForwardedFor(ctx, org, "Forger Customer");
    expect(evidence).toEqual([PROXY]);
    expect(audit).toEqual([
      ["document_viewed", PROXY],
      ["quote_accepted", PROXY],
    ]);
  });
});

describe("with TRUST_PROXY naming the proxy", () => {
  for (const setting of ["127.0.0.1", "1"]) {
    describe(`TRUST_PROXY=${setting}`, () => {
      let ctx: TestContext;
      let org: TestOrg;
      beforeAll(async () => {
        ctx = await createTestContext({ TRUST_PROXY: setting });
        org = await buildOrg(ctx, "Proxied Org");
      });
      afterAll(() => ctx.close());

      test("each forwarded client has its own sign-in limit", async () => {
        expect(await loginTries(ctx, 12)).toEqual(Array(12).fill(401));
      });

      test("evidence and audit record the client the proxy names", async () => {
        const { evidence, audit } = await acceptWithForwardedFor(ctx, org, "Proxied Customer");
        expect(evidence).toEqual([FORGED]);
        expect(audit).toEqual([
          ["document_viewed", FORGED],
          ["quote_accepted", FORGED],
        ]);
      });
    });
  }
});
