import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  Customer,
  Notification,
  PortalQuoteDetail,
  PortalQuoteSummary,
  QuoteDetail,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { auditEvents, organisations, quoteAcceptances, quotes } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, buildQuote, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { dataUrl, signaturePng } from "../../test/png.js";
import { contactSessionCookie } from "../../test/scenarios.js";
import { MAX_SIGNATURE_BYTES } from "./quote-signature.js";
import { acceptAsContact, contactCookieFor, portalGet, portalPost } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;

const madridToday = () => testToday();

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Portal Quotes Org");
});
afterAll(() => ctx.close());

const staff = (method: "GET" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: { cookie: org.cookie }, ...(payload ? { payload } : {}) });

interface Opened {
  customer: Customer;
  quote: QuoteDetail;
  cookie: string;
}

/** A customer with a quote sent to it, and its primary contact signed in through the emailed link. */
async function openedQuote(
  name: string,
  opts: { requireSignature?: boolean; notes?: string; description?: string } = {},
): Promise<Opened> {
  const customer = await buildCustomer(ctx, org, name);
  const draft = await buildQuote(ctx, org, customer.id, {
    requireSignature: opts.requireSignature,
    notes: opts.notes,
    lines: opts.description
      ? [{ description: opts.description, quantityMilli: 1000, unitPriceMinor: 10000 }]
      : undefined,
  });
  const { cookie, location } = await contactCookieFor(ctx, org, customer, draft.id);
  expect(location).toBe(`/p/${org.slug}/quotes/${draft.id}`);
  const quote: QuoteDetail = (await staff("GET", `/api/quotes/${draft.id}`)).json();
  return { customer, quote, cookie };
}

const detail = async (o: Opened, id = o.quote.id): Promise<PortalQuoteDetail> => {
  const res = await portalGet(ctx, org, o.cookie, `/quotes/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

const expectRefused = (res: { statusCode: number; json(): { code: string } }, status: number, code: string) =>
  expect([res.statusCode, res.json().code]).toEqual([status, code]);

async function notifications(type: string): Promise<Notification[]> {
  const res = await staff("GET", "/api/notifications");
  return (res.json().items as Notification[]).filter((n) => n.type === type);
}

describe("reading quotes in the portal", () => {
  test("the emailed link opens the quote; the first open marks it viewed and notifies staff once", async () => {
    const o = await openedQuote("Viewer Customer");
    const first = await detail(o);
    expect(first).toMatchObject({
      id: o.quote.id,
      status: "viewed",
      displayNumber: o.quote.displayNumber,
      canAnswer: true,
      acceptance: null,
    });
    expect(first.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toHaveProperty("customerId");
    await detail(o);
    const viewed = (await notifications("quote_viewed")).filter((n) => n.data.quoteId === o.quote.id);
    expect(viewed).toHaveLength(1);
    expect(viewed[0]?.data).toMatchObject({ number: o.quote.displayNumber, customerName: "Viewer Customer" });
    expect((await staff("GET", `/api/quotes/${o.quote.id}`)).json().viewedAt).not.toBeNull();
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.documentId, o.quote.id)),
    );
    expect(audit.map((a) => [a.action, a.documentType])).toEqual([["document_viewed", "quote"]]);
  });

  test("a staff preview sees the quote, records nothing and cannot answer", async () => {
    const customer = await buildCustomer(ctx, org, "Preview Customer");
    const q = await buildQuote(ctx, org, customer.id, { send: true });
    const cookie = await contactSessionCookie(ctx, org, customer, "preview");
    const seen = await portalGet(ctx, org, cookie, `/quotes/${q.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: "sent", canAnswer: false });
    const after: QuoteDetail = (await staff("GET", `/api/quotes/${q.id}`)).json();
    expect(after.viewedAt).toBeNull();
    expect((await notifications("quote_viewed")).some((n) => n.data.quoteId === q.id)).toBe(false);
    const accept = await portalPost(ctx, org, cookie, `/quotes/${q.id}/accept`, {
      signerName: "Staff",
      documentHash: seen.json().documentHash,
    });
    expectRefused(accept, 403, "PREVIEW_READ_ONLY");
  });

  test("the list shows the customer's current quotes, filters by status and searches the content", async () => {
    const tag = `Kiwi${Date.now().toString(36)}`;
    const o = await openedQuote("List Customer", { description: `${tag} branding` });
    const other = await buildQuote(ctx, org, o.customer.id, { send: true, notes: `about ${tag}` });
    const expired = await buildQuote(ctx, org, o.customer.id, { send: true });
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(quotes)
        .set({ expiryDate: addDays(madridToday(), -1) })
        .where(eq(quotes.id, expired.id)),
    );
    const draft = await buildQuote(ctx, org, o.customer.id);
    const declined = await buildQuote(ctx, org, o.customer.id, { send: true });
    expect(
      (await portalPost(ctx, org, o.cookie, `/quotes/${declined.id}/decline`, { reason: "Too dear" }))
        .statusCode,
    ).toBe(200);
    // Another customer's quote of the same organisation is never listed.
    const stranger = await buildCustomer(ctx, org, "Stranger");
    const theirs = await buildQuote(ctx, org, stranger.id, { send: true, notes: tag });

    const ids = async (query = "") =>
      ((await portalGet(ctx, org, o.cookie, `/quotes${query}`)).json() as PortalQuoteSummary[])
        .map((q) => q.id)
        .sort();
    const all = await ids();
    expect(all).toEqual([o.quote.id, other.id, expired.id, declined.id].sort());
    expect(all).not.toContain(draft.id);
    expect(all).not.toContain(theirs.id);
    expect(await ids("?status=open")).toEqual([o.quote.id, other.id].sort());
    expect(await ids("?status=expired")).toEqual([expired.id]);
    expect(await ids("?status=declined")).toEqual([declined.id]);
    expect(await ids("?status=accepted")).toEqual([]);
    expect(await ids(`?q=${tag}`)).toEqual([o.quote.id, other.id].sort());
    expect(await ids(`?q=${encodeURIComponent(expired.number as string)}`)).toEqual([expired.id]);
    const bad = await portalGet(ctx, org, o.cookie, "/quotes?status=draft");
    expect(bad.statusCode).toBe(400);
  });

  test("drafts do not exist for the contact; another customer's quote is not found", async () => {
    const o = await openedQuote("Draft Viewer");
    const draft = await buildQuote(ctx, org, o.customer.id);
    expect((await portalGet(ctx, org, o.cookie, `/quotes/${draft.id}`)).statusCode).toBe(404);
    expect((await portalGet(ctx, org, o.cookie, `/quotes/${draft.id}/pdf`)).statusCode).toBe(404);
    const stranger = await buildCustomer(ctx, org, "Other Stranger");
    const theirs = await buildQuote(ctx, org, stranger.id, { send: true });
    expect((await portalGet(ctx, org, o.cookie, `/quotes/${theirs.id}`)).statusCode).toBe(404);
  });

  test("the contact sees the newest revision and the earlier ones as history", async () => {
    const o = await openedQuote("History Customer");
    const r2: QuoteDetail = (await staff("POST", `/api/quotes/${o.quote.id}/revise`)).json();
    // Until R2 is sent, the contact only sees R1.
    expect((await detail(o)).versions.map((v) => v.revision)).toEqual([1]);
    expect((await staff("POST", `/api/quotes/${r2.id}/send`, {})).statusCode).toBe(200);
    const old = await detail(o);
    expect(old).toMatchObject({ status: "superseded", latestId: r2.id, canAnswer: false });
    expect(old.versions.map((v) => [v.displayNumber, v.status])).toEqual([
      [o.quote.displayNumber, "superseded"],
      [`${o.quote.displayNumber}-R2`, "sent"],
    ]);
    const list = (await portalGet(ctx, org, o.cookie, "/quotes")).json() as PortalQuoteSummary[];
    expect(list.map((q) => q.id)).toEqual([r2.id]);
    const refused = await acceptAsContact(ctx, org, o.cookie, o.quote.id);
    expectRefused(refused, 409, "QUOTE_SUPERSEDED");
    expect((await acceptAsContact(ctx, org, o.cookie, r2.id)).statusCode).toBe(200);
  });

  test("the PDF downloads", async () => {
    const o = await openedQuote("Pdf Portal Customer");
    const res = await ctx.app.inject({
      url: `/api/portal/${org.slug}/quotes/${o.quote.id}/pdf`,
      headers: { cookie: o.cookie, "accept-language": "es" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain("Presupuesto");
    expect(text).toContain(o.quote.displayNumber as string);
    expect(text).toContain("Válido hasta");
  });
});

describe("accepting", () => {
  test("one click without a signature when none is required; evidence stored and staff notified", async () => {
    const o = await openedQuote("Accept Customer");
    const res = await acceptAsContact(ctx, org, o.cookie, o.quote.id, { signerName: "Marta Cliente" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "accepted",
      canAnswer: false,
      acceptance: { signerName: "Marta Cliente", hasSignature: false },
    });
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, o.quote.id)),
    );
    const primary = o.customer.contacts.find((c) => c.isPrimary);
    expect(row).toMatchObject({
      contactId: primary?.id,
      signerEmail: primary?.email,
      ip: "127.0.0.1",
      userAgent: "QuoteTest/1.0 (Vitest)",
      signaturePng: null,
      documentHash: res.json().documentHash,
      hashVersion: 1,
    });
    const accepted = (await notifications("quote_accepted")).find((n) => n.data.quoteId === o.quote.id);
    expect(accepted?.data).toMatchObject({ signerName: "Marta Cliente", customerName: "Accept Customer" });
    // Answered once: a second accept or a decline is refused.
    expectRefused(await acceptAsContact(ctx, org, o.cookie, o.quote.id), 409, "QUOTE_ALREADY_ANSWERED");
    expectRefused(
      await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/decline`, { reason: "changed my mind" }),
      409,
      "QUOTE_ALREADY_ANSWERED",
    );
  });

  test("a required signature must be there and be a real PNG within the size cap", async () => {
    const o = await openedQuote("Signature Customer", { requireSignature: true });
    const { documentHash } = await detail(o);
    const accept = (signatureImage?: string) =>
      portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/accept`, {
        signerName: "Firma",
        documentHash,
        ...(signatureImage === undefined ? {} : { signatureImage }),
      });
    expectRefused(await accept(), 422, "SIGNATURE_REQUIRED");
    expectRefused(await accept("data:image/jpeg;base64,/9j/4AAQ"), 422, "SIGNATURE_INVALID");
    expectRefused(
      await accept(`data:image/png;base64,${Buffer.from("GIF89a not a png").toString("base64")}`),
      422,
      "SIGNATURE_INVALID",
    );
    const truncated = signaturePng().subarray(0, 60);
    expectRefused(await accept(dataUrl(truncated)), 422, "SIGNATURE_INVALID");
    const huge = signaturePng(40, 16, Buffer.alloc(MAX_SIGNATURE_BYTES, 0x41));
    expectRefused(await accept(dataUrl(huge)), 413, "SIGNATURE_TOO_LARGE");
    expect((await staff("GET", `/api/quotes/${o.quote.id}`)).json().status).toBe("viewed");
    const ok = await accept(dataUrl(signaturePng()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().acceptance.hasSignature).toBe(true);
  });

  test("a typed signature satisfies a required one: stored as typed, printed in the certificate", async () => {
    const o = await openedQuote("Typed Signature Customer", { requireSignature: true });
    const { documentHash } = await detail(o);
    const accept = (extra: Record<string, unknown>) =>
      portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/accept`, {
        signerName: "Lucía Tecleada",
        documentHash,
        ...extra,
      });
    // Empty, blank, too long, with a NUL, or typed with a drawn image too: refused, nothing changes.
    for (const bad of [
      { signatureType: "typed" },
      { signatureType: "typed", signatureText: "" },
      { signatureType: "typed", signatureText: "   " },
      { signatureType: "typed", signatureText: "x".repeat(201) },
      { signatureType: "typed", signatureText: "Lucía\u0000" },
      { signatureType: "typed", signatureText: "Lucía", signatureImage: dataUrl(signaturePng()) },
      { signatureType: "drawn", signatureText: "Lucía" },
      { signatureType: "scribbled", signatureText: "Lucía" },
    ]) {
      expectRefused(await accept(bad), 400, "VALIDATION_FAILED");
    }
    expect((await staff("GET", `/api/quotes/${o.quote.id}`)).json().status).toBe("viewed");

    const ok = await accept({ signatureType: "typed", signatureText: "  Lucía Tecleada " });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().acceptance).toMatchObject({
      signerName: "Lucía Tecleada",
      hasSignature: true,
      signatureKind: "typed",
      signatureText: "Lucía Tecleada",
    });
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, o.quote.id)),
    );
    expect(row).toMatchObject({
      signatureKind: "typed",
      signatureText: "Lucía Tecleada",
      signaturePng: null,
    });
    const evidence = (await staff("GET", `/api/quotes/${o.quote.id}`)).json().acceptance;
    expect(evidence).toMatchObject({
      hasSignature: true,
      signatureKind: "typed",
      signatureText: "Lucía Tecleada",
    });
    // The evidence still verifies: the hash covers the quote as shown, not how it was signed.
    expect((await staff("GET", `/api/quotes/${o.quote.id}/evidence/verify`)).json().intact).toBe(true);

    for (const [lang, says] of [
      ["es", "Firmado escribiendo el nombre"],
      ["en", "Signed by typing the name"],
    ] as const) {
      const pdf = await ctx.app.inject({
        url: `/api/portal/${org.slug}/quotes/${o.quote.id}/pdf`,
        headers: { cookie: o.cookie, "accept-language": lang },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.toString("latin1")).not.toMatch(/\/Subtype \/Image/);
      const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
      const { text } = await parser.getText();
      await parser.destroy();
      expect(text).toContain(says);
      expect(text.split("Lucía Tecleada").length - 1).toBeGreaterThanOrEqual(3);
    }
  });

  test("a drawn signature is recorded as drawn", async () => {
    const o = await openedQuote("Drawn Kind Customer", { requireSignature: true });
    const { documentHash } = await detail(o);
    const ok = await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/accept`, {
      signerName: "Pablo Dibujo",
      documentHash,
      signatureType: "drawn",
      signatureImage: dataUrl(signaturePng()),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().acceptance).toMatchObject({
      hasSignature: true,
      signatureKind: "drawn",
      signatureText: null,
    });
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, o.quote.id)),
    );
    expect(row?.signatureKind).toBe("drawn");
    expect(row?.signaturePng).not.toBeNull();
  });

  test("a stale page (hash of another version of the quote) is refused with 409", async () => {
    const o = await openedQuote("Stale Customer");
    const { documentHash } = await detail(o);
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.update(quotes).set({ notes: "changed behind the page" }).where(eq(quotes.id, o.quote.id)),
    );
    const res = await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/accept`, {
      signerName: "Late",
      documentHash,
    });
    expectRefused(res, 409, "QUOTE_CHANGED");
    const malformed = await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/accept`, {
      signerName: "Late",
      documentHash: "not-a-hash",
    });
    expect(malformed.statusCode).toBe(400);
  });

  test("an expired quote can be neither accepted nor declined", async () => {
    const o = await openedQuote("Expired Customer");
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(quotes)
        .set({ expiryDate: addDays(madridToday(), -1) })
        .where(eq(quotes.id, o.quote.id)),
    );
    const shown = await detail(o);
    expect(shown).toMatchObject({ status: "expired", canAnswer: false });
    expectRefused(await acceptAsContact(ctx, org, o.cookie, o.quote.id), 409, "QUOTE_EXPIRED");
    expectRefused(
      await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/decline`, { reason: "late" }),
      409,
      "QUOTE_EXPIRED",
    );
  });

  test("a quote that was not sent yet (a revision in draft) cannot be answered", async () => {
    const o = await openedQuote("Unsent Revision Customer");
    const r2: QuoteDetail = (await staff("POST", `/api/quotes/${o.quote.id}/revise`)).json();
    const res = await portalPost(ctx, org, o.cookie, `/quotes/${r2.id}/accept`, {
      signerName: "Early",
      documentHash: "0".repeat(64),
    });
    expectRefused(res, 409, "QUOTE_NOT_SENT");
  });

  test("with quote acceptance turned off, answering is refused with FEATURE_DISABLED", async () => {
    const o = await openedQuote("Feature Customer");
    const setOption = (allowQuoteAcceptance: boolean) =>
      withOrg(ctx.database.db, org.orgId, (tx) =>
        tx
          .update(organisations)
          .set({ portalOptions: { allowQuoteAcceptance } })
          .where(eq(organisations.id, org.orgId)),
      );
    await setOption(false);
    try {
      expect((await detail(o)).canAnswer).toBe(false);
      expectRefused(await acceptAsContact(ctx, org, o.cookie, o.quote.id), 403, "FEATURE_DISABLED");
      expectRefused(
        await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/decline`, { reason: "no" }),
        403,
        "FEATURE_DISABLED",
      );
    } finally {
      await setOption(true);
    }
    expect((await acceptAsContact(ctx, org, o.cookie, o.quote.id)).statusCode).toBe(200);
  });
});

describe("declining", () => {
  test("needs a reason of 1–2000 characters; stores it and notifies staff", async () => {
    const o = await openedQuote("Decline Customer");
    const decline = (reason: unknown) =>
      portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/decline`, { reason });
    expect((await decline("")).statusCode).toBe(400);
    expect((await decline("   ")).statusCode).toBe(400);
    expect((await decline("x".repeat(2001))).statusCode).toBe(400);
    expect((await portalPost(ctx, org, o.cookie, `/quotes/${o.quote.id}/decline`, {})).statusCode).toBe(400);
    const res = await decline("The budget was cut this quarter");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "declined",
      declineReason: "The budget was cut this quarter",
    });
    const n = (await notifications("quote_declined")).find((x) => x.data.quoteId === o.quote.id);
    expect(n?.data.reason).toBe("The budget was cut this quarter");
    const staffView: QuoteDetail = (await staff("GET", `/api/quotes/${o.quote.id}`)).json();
    expect(staffView).toMatchObject({ status: "declined", declineReason: "The budget was cut this quarter" });
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.documentId, o.quote.id), eq(auditEvents.action, "quote_declined"))),
    );
    expect(audit).toHaveLength(1);
    // A declined quote can be revised and resent; the new revision is answerable.
    const r2: QuoteDetail = (await staff("POST", `/api/quotes/${o.quote.id}/revise`)).json();
    expect((await staff("POST", `/api/quotes/${r2.id}/send`, {})).statusCode).toBe(200);
    expect((await detail(o, r2.id)).canAnswer).toBe(true);
  });
});
