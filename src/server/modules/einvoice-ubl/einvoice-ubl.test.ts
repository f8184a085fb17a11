import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { auditEvents } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildInvoice, putOrganisationProfile } from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { peppolProblems } from "./ubl-peppol-checks.js";
import { at, readUbl, textAt } from "./ubl-xml-reader.js";

const { ctx, org, otherOrg } = setUpTestApp("Ubl Org", "Other Ubl Org");
let buyer: Customer;
let otherBuyer: Customer;
let invoice: InvoiceDetail;
let taxIds: Record<number, string>;

const staffGet = (id: string, cookie = org.cookie) =>
  ctx.app.inject({ url: `/api/invoices/${id}/ubl`, headers: { cookie } });
const portalGet = (id: string, cookie: string) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}/invoices/${id}/ubl`, headers: { cookie } });

beforeAll(async () => {
  const profile = await putOrganisationProfile(ctx, org, {
    legalName: "Ubl Org S.L.",
    taxId: "B12345678",
    country: "ES",
    email: "billing@ubl-org.example",
    iban: "ES9121000418450200051332",
    bic: "CAIXESBBXXX",
  });
  expect(profile.statusCode).toBe(200);
  buyer = await buildCustomer(ctx, org, "Ubl Buyer", undefined, { taxId: "A87654321", country: "ES" });
  otherBuyer = await buildCustomer(ctx, org, "Other Buyer");
  const taxes = (await ctx.app.inject({ url: "/api/taxes", headers: { cookie: org.cookie } })).json() as {
    id: string;
    rateBp: number;
  }[];
  taxIds = Object.fromEntries(taxes.map((t) => [t.rateBp, t.id]));
  invoice = await buildInvoice(ctx, org, buyer.id, {
    issue: true,
    lines: [
      { description: "Consulting", quantityMilli: 2500, unitPriceMinor: 8000, discountBp: 500 },
      { description: "Books", quantityMilli: 3000, unitPriceMinor: 1999, taxIds: [taxIds[400] as string] },
    ],
  });
}, 300_000);

describe("GET /api/invoices/:id/ubl (staff)", () => {
  test("an issued invoice: a Peppol BIS UBL file named by its number, totals as the invoice's", async () => {
    const res = await staffGet(invoice.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/xml/);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${invoice.number}.xml"`);
    expect(peppolProblems(res.body)).toEqual([]);
    const { root, isCreditNote } = readUbl(res.body);
    expect(isCreditNote).toBe(false);
    expect(textAt(root, "cbc:ID")).toBe(invoice.number);
    expect(textAt(root, "cbc:BuyerReference")).toBe(invoice.number);
    const seller = at(root, "cac:AccountingSupplierParty/cac:Party/cbc:EndpointID");
    expect([seller?.textContent, seller?.getAttribute("schemeID")]).toEqual(["ESB12345678", "9920"]);
    const buyerEndpoint = at(root, "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID");
    expect([buyerEndpoint?.textContent, buyerEndpoint?.getAttribute("schemeID")]).toEqual([
      "ESA87654321",
      "9920",
    ]);
    expect(textAt(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID")).toBe(
      "ES9121000418450200051332",
    );
    const total = (invoice.totalMinor / 100).toFixed(2);
    expect(textAt(root, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")).toBe(total);
    expect(textAt(root, "cac:LegalMonetaryTotal/cbc:PayableAmount")).toBe(total);
  });

  test("a credit note is a UBL CreditNote that refers to the invoice it corrects", async () => {
    const credit = await buildInvoice(ctx, org, buyer.id, {
      issue: true,
      kind: "credit_note",
      correctsInvoiceId: invoice.id,
      lines: [{ description: "Refund", quantityMilli: 1000, unitPriceMinor: 5000 }],
    });
    const res = await staffGet(credit.id);
    expect(res.statusCode).toBe(200);
    expect(peppolProblems(res.body)).toEqual([]);
    const { root, isCreditNote } = readUbl(res.body);
    expect(isCreditNote).toBe(true);
    expect(textAt(root, "cbc:CreditNoteTypeCode")).toBe("381");
    expect(textAt(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID")).toBe(invoice.number);
  });

  test("a draft is not an e-invoice yet; another organisation's invoice is not found", async () => {
    const draft = await buildInvoice(ctx, org, buyer.id);
    expect((await staffGet(draft.id)).json().code).toBe("INVOICE_NOT_ISSUED");
    expect((await staffGet(invoice.id, otherOrg.cookie)).statusCode).toBe(404);
  });

  test("a customer with neither NIF nor email is addressed by its contact's email", async () => {
    const issued = await buildInvoice(ctx, org, otherBuyer.id, { issue: true });
    const res = await staffGet(issued.id);
    expect(res.statusCode).toBe(200);
    const endpoint = at(readUbl(res.body).root, "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID");
    expect(endpoint?.getAttribute("schemeID")).toBe("EM");
    expect(endpoint?.textContent).toBe(otherBuyer.contacts.find((c) => c.isPrimary)?.email);
  });

  test("a withholding (IRPF) cannot be said in UBL: refused with its code, nothing written", async () => {
    const withIrpf = await buildInvoice(ctx, org, buyer.id, {
      issue: true,
      lines: [
        {
          description: "Design",
          quantityMilli: 1000,
          unitPriceMinor: 10000,
          taxIds: [taxIds[2100] as string, taxIds[-1500] as string],
        },
      ],
    });
    const res = await staffGet(withIrpf.id);
    expect([res.statusCode, res.json().code]).toEqual([422, "EINVOICE_UBL_TAXES"]);
  });
});

describe("GET /api/portal/:slug/invoices/:id/ubl (contact)", () => {
  test("the customer's contact downloads the same file staff do", async () => {
    const cookie = await contactSessionCookie(ctx, org, buyer, "link");
    const res = await portalGet(invoice.id, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${invoice.number}.xml"`);
    expect(res.body).toBe((await staffGet(invoice.id)).body);
    // Recorded like the PDF's download; a staff preview of the portal records nothing.
    const downloads = () =>
      withOrg(ctx.database.db, org.orgId, (tx) =>
        tx
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.documentId, invoice.id), eq(auditEvents.action, "document_downloaded"))),
      );
    expect(await downloads()).toHaveLength(1);
    const preview = await contactSessionCookie(ctx, org, buyer, "preview");
    expect((await portalGet(invoice.id, preview)).statusCode).toBe(200);
    expect(await downloads()).toHaveLength(1);
  });

  test("another customer's invoice and a draft are not found", async () => {
    const cookie = await contactSessionCookie(ctx, org, otherBuyer, "link");
    expect((await portalGet(invoice.id, cookie)).statusCode).toBe(404);
    const draft = await buildInvoice(ctx, org, otherBuyer.id);
    expect((await portalGet(draft.id, cookie)).statusCode).toBe(404);
  });
});
