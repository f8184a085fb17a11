import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvoiceDetail, QuoteDetail, QuoteSummary, Tax } from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { quoteLines, quotes } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday, testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, buildQuote, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { dataUrl, signaturePng } from "../../test/png.js";
import { acceptAsContact, contactCookieFor, sendQuoteLinks } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let vat21: Tax;
let irpf: Tax;

const madridToday = () => testToday();
const year = () => madridToday().slice(0, 4);

const api = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown, o: TestOrg = org) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: o.cookie },
    ...(method === "GET" ? {} : { payload: (payload ?? {}) as object }),
  });

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Quotes Org");
  const all: Tax[] = (await api("GET", "/api/taxes")).json();
  vat21 = all.find((t) => t.rateBp === 2100) as Tax;
  irpf = all.find((t) => t.rateBp === -1500) as Tax;
});
afterAll(() => ctx.close());

async function setExpiry(quoteId: string, expiryDate: string) {
  await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(quotes).set({ expiryDate }).where(eq(quotes.id, quoteId)),
  );
}

describe("drafts", () => {
  test("a draft prices lines like an invoice, defaults its expiry and reads back", async () => {
    const customer = await buildCustomer(ctx, org, "Draft Customer");
    const res = await api("POST", "/api/quotes", {
      customerId: customer.id,
      requireSignature: true,
      notes: "Two rounds of changes",
      lines: [
        { description: "Design work", quantityMilli: 3000, unitPriceMinor: 12345, discountBp: 1000 },
        { description: "Consulting", quantityMilli: 1500, unitPriceMinor: 8000, taxIds: [vat21.id, irpf.id] },
      ],
    });
    expect(res.statusCode).toBe(201);
    const q: QuoteDetail = res.json();
    expect(q).toMatchObject({
      status: "draft",
      number: null,
      displayNumber: null,
      revision: 1,
      rootId: q.id,
      requireSignature: true,
      notes: "Two rounds of changes",
      subtotalMinor: 49035,
      discountMinor: 3704,
      netMinor: 45331,
      totalMinor: 53051,
      latestId: q.id,
      acceptance: null,
    });
    expect(q.expiryDate).toBe(addDays(q.issueDate, 30));
    expect(q.taxBreakdown).toEqual([
      { taxId: vat21.id, name: vat21.name, rateBp: 2100, baseMinor: 45331, amountMinor: 9520 },
      { taxId: irpf.id, name: irpf.name, rateBp: -1500, baseMinor: 12000, amountMinor: -1800 },
    ]);
    expect(q.versions).toEqual([
      { id: q.id, revision: 1, displayNumber: null, status: "draft", totalMinor: 53051, sentAt: null },
    ]);
    expect((await api("GET", `/api/quotes/${q.id}`)).json()).toEqual(q);
  });

  test("PUT replaces lines and totals; expiry may be null (no expiry) but not before the issue date", async () => {
    const customer = await buildCustomer(ctx, org, "Edit Customer");
    const q = await buildQuote(ctx, org, customer.id);
    const body = {
      customerId: customer.id,
      expiryDate: null,
      lines: [{ description: "Only", quantityMilli: 1000, unitPriceMinor: 5000, taxIds: [] }],
    };
    const res = await api("PUT", `/api/quotes/${q.id}`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      totalMinor: 5000,
      expiryDate: null,
      lines: [{ description: "Only" }],
    });
    const bad = await api("PUT", `/api/quotes/${q.id}`, {
      ...body,
      issueDate: daysFromToday(10),
      expiryDate: daysFromToday(9),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ field: "body.expiryDate" }] });
  });

  test("property: a quote's totals are the sums of its lines, and total = net + taxes", async () => {
    const customer = await buildCustomer(ctx, org, "Property Customer");
    const line = fc.record({
      description: fc.constant("Item"),
      quantityMilli: fc.integer({ min: -50_000, max: 50_000 }),
      unitPriceMinor: fc.integer({ min: -5_000_000, max: 5_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 }),
      taxIds: fc.subarray([vat21.id, irpf.id]),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 0, maxLength: 6 }), async (lines) => {
        const res = await api("POST", "/api/quotes", { customerId: customer.id, lines });
        expect(res.statusCode).toBe(201);
        const q: QuoteDetail = res.json();
        const sum = (pick: (l: QuoteDetail["lines"][number]) => number) =>
          q.lines.reduce((s, l) => s + pick(l), 0);
        expect(q.subtotalMinor).toBe(sum((l) => l.grossMinor));
        expect(q.discountMinor).toBe(sum((l) => l.discountMinor));
        expect(q.netMinor).toBe(sum((l) => l.netMinor));
        expect(q.taxMinor).toBe(sum((l) => l.taxMinor));
        expect(q.totalMinor).toBe(sum((l) => l.totalMinor));
        expect(q.totalMinor).toBe(q.netMinor + q.taxMinor);
        for (const l of q.lines) expect(l.totalMinor).toBe(l.netMinor + l.taxMinor);
      }),
      { numRuns: 25 },
    );
  });
});

describe("sending and numbering", () => {
  test("the first send numbers it from the quote series (P), snapshots the customer and emails it", async () => {
    const customer = await buildCustomer(ctx, org, "Send Customer");
    const draft = await buildQuote(ctx, org, customer.id);
    const { res, emails } = await sendQuoteLinks(ctx, org, draft.id);
    expect(res.statusCode).toBe(200);
    const { quote, recipients, deliveryMode } = res.json();
    expect(quote.status).toBe("sent");
    expect(quote.number).toMatch(new RegExp(`^P${year()}-\\d{4}$`));
    expect(quote.displayNumber).toBe(quote.number);
    expect(quote.sentAt).not.toBeNull();
    expect(deliveryMode).toBe("both");
    expect(recipients).toHaveLength(2);
    expect(emails).toHaveLength(2);
    const email = emails[0];
    expect(email?.subject).toContain(quote.number);
    expect(email?.attachments[0]?.filename).toBe(`${quote.number}.pdf`);
    // Changing the customer afterwards does not change the sent quote.
    await api("PUT", `/api/customers/${customer.id}`, { ...customer, name: "Renamed Customer" });
    expect((await api("GET", `/api/quotes/${draft.id}`)).json().customerName).toBe("Send Customer");
    // Resending an open quote keeps its number.
    const again = await api("POST", `/api/quotes/${draft.id}/send`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().quote.number).toBe(quote.number);
  });

  test("an empty draft is refused and gives its number back", async () => {
    const customer = await buildCustomer(ctx, org, "Empty Customer");
    const empty = await api("POST", "/api/quotes", { customerId: customer.id, lines: [] });
    const first = await buildQuote(ctx, org, customer.id, { send: true });
    const refused = await api("POST", `/api/quotes/${empty.json().id}/send`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("QUOTE_EMPTY");
    const second = await buildQuote(ctx, org, customer.id, { send: true });
    const seq = (n: string | null) => Number(n?.split("-")[1]);
    expect(seq(second.number)).toBe(seq(first.number) + 1);
  });

  test("a draft whose expiry date has passed cannot be sent", async () => {
    const customer = await buildCustomer(ctx, org, "Late Customer");
    const q = await buildQuote(ctx, org, customer.id, { expiryDate: daysFromToday(-1) }).catch((e) => e);
    // Refused at creation already: the expiry is before today's issue date.
    expect(String(q)).toMatch(/VALIDATION_FAILED/);
  });
});

describe("listing", () => {
  test("filters by status (expired is derived) and customer, searches number and customer name", async () => {
    const tag = `Yak${Date.now().toString(36)}`;
    const a = await buildCustomer(ctx, org, `${tag} Alpha`);
    const b = await buildCustomer(ctx, org, `${tag} Beta`);
    const draft = await buildQuote(ctx, org, a.id);
    const open = await buildQuote(ctx, org, a.id, { send: true });
    const expired = await buildQuote(ctx, org, b.id, { send: true });
    await setExpiry(expired.id, addDays(madridToday(), -1));

    const ids = async (query: string) =>
      ((await api("GET", `/api/quotes${query}`)).json() as QuoteSummary[]).map((q) => q.id).sort();
    expect(await ids(`?q=${tag}`)).toEqual([draft.id, open.id, expired.id].sort());
    expect(await ids(`?q=${tag}&status=expired`)).toEqual([expired.id]);
    expect(await ids(`?q=${tag}&status=sent`)).toEqual([open.id]);
    expect(await ids(`?q=${tag}&status=draft`)).toEqual([draft.id]);
    expect(await ids(`?customerId=${b.id}`)).toEqual([expired.id]);
    expect(await ids(`?q=${encodeURIComponent(open.number as string)}`)).toEqual([open.id]);
    const detail: QuoteDetail = (await api("GET", `/api/quotes/${expired.id}`)).json();
    expect(detail.status).toBe("expired");
  });
});

describe("revisions", () => {
  test("revise → new draft R2 with the same number; sending it supersedes R1; history lists both", async () => {
    const customer = await buildCustomer(ctx, org, "Revise Customer");
    const r1 = await buildQuote(ctx, org, customer.id, { send: true });
    const revised = await api("POST", `/api/quotes/${r1.id}/revise`);
    expect(revised.statusCode).toBe(201);
    const r2: QuoteDetail = revised.json();
    expect(r2).toMatchObject({
      status: "draft",
      revision: 2,
      rootId: r1.id,
      number: r1.number,
      displayNumber: `${r1.number}-R2`,
      totalMinor: r1.totalMinor,
    });
    expect(r2.lines.map((l) => l.description)).toEqual(r1.lines.map((l) => l.description));
    // Only one draft revision at a time.
    const twice = await api("POST", `/api/quotes/${r1.id}/revise`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("QUOTE_REVISION_EXISTS");
    // R1 stays the current quote until R2 is sent.
    expect((await api("GET", `/api/quotes/${r1.id}`)).json().status).toBe("sent");

    const edited = await api("PUT", `/api/quotes/${r2.id}`, {
      customerId: customer.id,
      lines: [{ description: "Cheaper", quantityMilli: 1000, unitPriceMinor: 1000, taxIds: [] }],
    });
    expect(edited.statusCode).toBe(200);
    const other = await buildCustomer(ctx, org, "Another Customer");
    const moved = await api("PUT", `/api/quotes/${r2.id}`, { customerId: other.id, lines: [] });
    expect(moved.statusCode).toBe(400);

    const sent = await api("POST", `/api/quotes/${r2.id}/send`, {});
    expect(sent.statusCode).toBe(200);
    expect(sent.json().quote).toMatchObject({ status: "sent", displayNumber: `${r1.number}-R2` });
    const old: QuoteDetail = (await api("GET", `/api/quotes/${r1.id}`)).json();
    expect(old.status).toBe("superseded");
    expect(old.latestId).toBe(r2.id);
    expect(old.versions.map((v) => [v.revision, v.status])).toEqual([
      [1, "superseded"],
      [2, "sent"],
    ]);
    // A superseded revision is read-only.
    for (const [path, code] of [
      ["revise", "QUOTE_NOT_REVISABLE"],
      ["send", "QUOTE_NOT_SENDABLE"],
      ["convert", "QUOTE_NOT_ACCEPTED"],
    ] as const) {
      const res = await api("POST", `/api/quotes/${r1.id}/${path}`, {});
      expect([path, res.statusCode, res.json().code]).toEqual([path, 409, code]);
    }
    const put = await api("PUT", `/api/quotes/${r1.id}`, { customerId: customer.id, lines: [] });
    expect(put.json().code).toBe("QUOTE_NOT_DRAFT");
    // The staff list shows the current revision only, unless superseded ones are asked for.
    const listed = (await api("GET", `/api/quotes?customerId=${customer.id}`)).json().items as QuoteSummary[];
    expect(listed.map((q) => q.id)).toEqual([r2.id]);
    const history = (await api("GET", `/api/quotes?customerId=${customer.id}&status=superseded`)).json()
      .items;
    expect(history.map((q: QuoteSummary) => q.id)).toEqual([r1.id]);
  });

  test("a draft cannot be revised or converted before it is sent", async () => {
    const customer = await buildCustomer(ctx, org, "Unsent Customer");
    const draft = await buildQuote(ctx, org, customer.id);
    for (const path of ["revise", "convert"]) {
      const res = await api("POST", `/api/quotes/${draft.id}/${path}`);
      expect([path, res.statusCode, res.json().code]).toEqual([path, 409, "QUOTE_NOT_SENT"]);
    }
  });
});

describe("conversion and evidence", () => {
  test("an accepted quote converts once into a draft invoice with the same lines and totals", async () => {
    const customer = await buildCustomer(ctx, org, "Convert Customer");
    const q = await buildQuote(ctx, org, customer.id, {
      lines: [
        { description: "Design", quantityMilli: 2500, unitPriceMinor: 33333, discountBp: 750 },
        { description: "Hosting", quantityMilli: 1000, unitPriceMinor: 9900, taxIds: [vat21.id, irpf.id] },
      ],
    });
    const notYet = await api("POST", `/api/quotes/${q.id}/convert`);
    expect(notYet.json().code).toBe("QUOTE_NOT_SENT");
    const { cookie } = await contactCookieFor(ctx, org, customer, q.id);
    const sentNotAccepted = await api("POST", `/api/quotes/${q.id}/convert`);
    expect([sentNotAccepted.statusCode, sentNotAccepted.json().code]).toEqual([409, "QUOTE_NOT_ACCEPTED"]);
    expect((await acceptAsContact(ctx, org, cookie, q.id)).statusCode).toBe(200);

    const res = await api("POST", `/api/quotes/${q.id}/convert`);
    expect(res.statusCode).toBe(200);
    const { invoiceId, quote } = res.json();
    expect(quote).toMatchObject({ status: "invoiced", invoiceId });
    const invoice: InvoiceDetail = (await api("GET", `/api/invoices/${invoiceId}`)).json();
    expect(invoice).toMatchObject({
      status: "draft",
      quoteId: q.id,
      customerId: customer.id,
      totalMinor: q.totalMinor,
      netMinor: q.netMinor,
      taxMinor: q.taxMinor,
    });
    expect(invoice.lines.map(({ id: _i, ...l }) => l)).toEqual(q.lines.map(({ id: _i, ...l }) => l));
    const again = await api("POST", `/api/quotes/${q.id}/convert`);
    expect([again.statusCode, again.json().code]).toEqual([409, "QUOTE_ALREADY_INVOICED"]);
    // Invoiced quotes are neither revisable nor answerable; the evidence still verifies.
    expect((await api("POST", `/api/quotes/${q.id}/revise`)).json().code).toBe("QUOTE_NOT_REVISABLE");
    expect((await api("GET", `/api/quotes/${q.id}/evidence/verify`)).json().intact).toBe(true);
  });

  test("verify: intact after acceptance, not intact once a stored line amount is tampered with", async () => {
    const customer = await buildCustomer(ctx, org, "Evidence Customer");
    const q = await buildQuote(ctx, org, customer.id, { requireSignature: true });
    const none = await api("GET", `/api/quotes/${q.id}/evidence/verify`);
    expect([none.statusCode, none.json().code]).toEqual([409, "QUOTE_NOT_ACCEPTED"]);
    const { cookie } = await contactCookieFor(ctx, org, customer, q.id);
    const png = signaturePng();
    const accepted = await acceptAsContact(ctx, org, cookie, q.id, {
      signerName: "Ana Firmante",
      signatureImage: dataUrl(png),
    });
    expect(accepted.statusCode).toBe(200);

    const detail: QuoteDetail = (await api("GET", `/api/quotes/${q.id}`)).json();
    const primary = customer.contacts.find((c) => c.isPrimary);
    expect(detail.status).toBe("accepted");
    expect(detail.acceptance).toMatchObject({
      signerName: "Ana Firmante",
      signerEmail: primary?.email,
      ip: "127.0.0.1",
      userAgent: "QuoteTest/1.0 (Vitest)",
      hasSignature: true,
    });
    expect(detail.acceptance?.documentHash).toMatch(/^[0-9a-f]{64}$/);
    const sig = await api("GET", `/api/quotes/${q.id}/evidence/signature`);
    expect(sig.headers["content-type"]).toBe("image/png");
    expect(sig.rawPayload.equals(png)).toBe(true);

    const intact = await api("GET", `/api/quotes/${q.id}/evidence/verify`);
    expect(intact.json()).toEqual({
      intact: true,
      storedHash: detail.acceptance?.documentHash,
      currentHash: detail.acceptance?.documentHash,
    });
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(quoteLines)
        .set({ unitPriceMinor: sql`${quoteLines.unitPriceMinor} + 1` })
        .where(eq(quoteLines.quoteId, q.id)),
    );
    const tampered = (await api("GET", `/api/quotes/${q.id}/evidence/verify`)).json();
    expect(tampered.intact).toBe(false);
    expect(tampered.storedHash).toBe(detail.acceptance?.documentHash);
    expect(tampered.currentHash).not.toBe(tampered.storedHash);
  });

  test("the PDF of an accepted quote carries the signature and a certificate page read back with pdf-parse", async () => {
    const customer = await buildCustomer(ctx, org, "Pdf Customer");
    const q = await buildQuote(ctx, org, customer.id, { requireSignature: true });
    const { cookie } = await contactCookieFor(ctx, org, customer, q.id);
    const res = await acceptAsContact(ctx, org, cookie, q.id, {
      signerName: "Luis Pérez",
      signatureImage: dataUrl(signaturePng()),
    });
    expect(res.statusCode).toBe(200);
    const detail: QuoteDetail = (await api("GET", `/api/quotes/${q.id}`)).json();
    const acceptance = detail.acceptance as NonNullable<QuoteDetail["acceptance"]>;

    const pdf = await ctx.app.inject({
      url: `/api/quotes/${q.id}/pdf`,
      headers: { cookie: org.cookie, "accept-language": "en" },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${detail.displayNumber}.pdf"`);
    expect(pdf.rawPayload.toString("latin1")).toMatch(/\/Subtype \/Image/);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const read = await parser.getText();
    await parser.destroy();
    expect(read.total).toBe(2);
    // Read back exactly: every "." must map to "." in the ToUnicode table (see pdf/fonts.ts).
    const text = read.text;
    const when = new Date(acceptance.acceptedAt);
    for (const expected of [
      "Quote",
      detail.displayNumber as string,
      "Valid until",
      "Accepted",
      "Certificate of acceptance",
      acceptance.documentHash,
      "Luis Pérez",
      acceptance.signerEmail,
      `${when.toISOString().slice(0, 19).replace("T", " ")} UTC`,
      "Date and time (Europe/Madrid)",
      "127.0.0.1",
      "QuoteTest/1.0 (Vitest)",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Pay by bank transfer");
  });

  test("the PDF of a draft says so", async () => {
    const customer = await buildCustomer(ctx, org, "Draft Pdf Customer");
    const q = await buildQuote(ctx, org, customer.id);
    const pdf = await ctx.app.inject({
      url: `/api/quotes/${q.id}/pdf`,
      headers: { cookie: org.cookie, "accept-language": "es" },
    });
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain("Presupuesto");
    expect(text).toContain("Borrador");
    expect(text).not.toContain("Certificado de aceptación");
  });
});

describe("another organisation", () => {
  test("sees none of these quotes and numbers its own from 1", async () => {
    const other = await buildOrg(ctx, "Other Quotes Org");
    const customer = await buildCustomer(ctx, other, "Theirs");
    const mine = await buildQuote(ctx, org, (await buildCustomer(ctx, org, "Mine")).id, { send: true });
    expect((await api("GET", `/api/quotes/${mine.id}`, undefined, other)).statusCode).toBe(404);
    expect((await api("GET", "/api/quotes", undefined, other)).json().items).toEqual([]);
    const theirs = await buildQuote(ctx, other, customer.id, { send: true });
    expect(theirs.number).toBe(`P${year()}-0001`);
  });
});
