import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { auditEvents, signingCertificates } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  loginStaff,
  putOrganisationProfile,
  type TestOrg,
} from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { makeTestPkcs12 } from "./test-certificate.js";
import { FACTURAE_POLICY, verifyFacturae } from "./xades-sign.js";

/**
 * Issue 17 §3 (decision 053): the organisation's PKCS#12 certificate in Settings, and the Facturae 3.2.2
 * file of an issued invoice signed with it (XAdES-EPES), verified round trip with a self-signed certificate.
 */
const { ctx, org, otherOrg } = setUpTestApp("Facturae Org", "Other Facturae Org");
const DAY = 86_400_000;
const PASSWORD = "s3cret pässword";
const now = () => clock.nowMs();
const p12 = (opts: Partial<Parameters<typeof makeTestPkcs12>[0]> = {}) =>
  makeTestPkcs12({
    password: PASSWORD,
    notBefore: new Date(now() - 30 * DAY),
    notAfter: new Date(now() + 365 * DAY),
    ...opts,
  });

const api = (o: Pick<TestOrg, "cookie">, method: "GET" | "PUT" | "DELETE", url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, ...(payload ? { payload } : {}) });
const upload = (o: TestOrg, file: Buffer | string, password = PASSWORD) =>
  api(o, "PUT", "/api/organisation/signing-certificate", {
    file: typeof file === "string" ? file : file.toString("base64"),
    password,
  });
const certificateOf = async (o: TestOrg) =>
  (await api(o, "GET", "/api/organisation/signing-certificate")).json().certificate;

const spanishProfile = {
  legalName: "Facturae Org SL",
  taxId: "B12345678",
  addressLine1: "Calle Mayor 1",
  city: "Madrid",
  postalCode: "28013",
  region: "Madrid",
  country: "ES",
};
const administration = {
  kind: "company",
  legalName: "Ayuntamiento de Prueba",
  taxId: "P2800000A",
  addressLine1: "Plaza de la Villa 1",
  city: "Madrid",
  postalCode: "28005",
  region: "Madrid",
  country: "ES",
  dir3AccountingOffice: "l01280796",
  dir3ManagingBody: "L01280796",
  dir3ProcessingUnit: "L01280796",
};

let customer: Customer;
let invoice: InvoiceDetail;
const taxLines = async (o: TestOrg) => {
  const taxes = (await api(o, "GET", "/api/taxes")).json() as { id: string; rateBp: number }[];
  const iva = taxes.find((t) => t.rateBp === 2100);
  return [
    {
      description: "Consultoría",
      quantityMilli: 2500,
      unitPriceMinor: 12000,
      discountBp: 1000,
      ...(iva ? { taxIds: [iva.id] } : {}),
    },
  ];
};

beforeAll(async () => {
  expect((await putOrganisationProfile(ctx, org, spanishProfile)).statusCode).toBe(200);
  customer = await buildCustomer(ctx, org, "Ayuntamiento", undefined, administration);
  invoice = await buildInvoice(ctx, org, customer.id, { issue: true, lines: await taxLines(org) });
});

describe("the signing certificate in Settings", () => {
  test("refused files store nothing: not PKCS#12, wrong password, no key, not valid today, too large", async () => {
    const cases: [Buffer | string, string, string, string][] = [
      [Buffer.from("not a certificate at all"), PASSWORD, "body.file", "not_pkcs12"],
      [p12(), "wrong password", "body.password", "wrong_certificate_password"],
      [p12({ withKey: false }), PASSWORD, "body.file", "certificate_incomplete"],
      [
        p12({ notBefore: new Date(now() - 400 * DAY), notAfter: new Date(now() - DAY) }),
        PASSWORD,
        "body.file",
        "certificate_not_current",
      ],
      [Buffer.alloc(60 * 1024, 1), PASSWORD, "body.file", "certificate_too_large"],
    ];
    for (const [file, password, field, code] of cases) {
      const res = await upload(org, file, password);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe("VALIDATION_FAILED");
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await certificateOf(org)).toBeNull();
  });

  test("without a certificate the download is a 409 that says where to upload one", async () => {
    const res = await api(org, "GET", `/api/invoices/${invoice.id}/facturae`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("SIGNING_CERTIFICATE_MISSING");
    expect(res.json().detail).toContain("Settings");
  });

  test("a good file is stored; only its facts are answered, never the file or the password", async () => {
    const file = p12({ serial: "01ab" });
    const res = await upload(org, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().certificate).toMatchObject({
      subject: expect.stringContaining("CN=Portico Test Signer"),
      serialNumber: "01AB",
      nif: "B12345678",
      validTo: new Date(now() + 365 * DAY).toISOString().slice(0, 10),
    });
    for (const body of [res.body, (await api(org, "GET", "/api/organisation/signing-certificate")).body]) {
      expect(body).not.toContain(file.toString("base64").slice(0, 40));
      expect(body).not.toContain(PASSWORD);
    }
    // Stored sealed: neither the file nor the password is in the row in clear.
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(signingCertificates).where(eq(signingCertificates.orgId, org.orgId)),
    );
    expect(row?.keyId).toBeTruthy();
    expect(row?.ciphertext.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(row?.ciphertext.includes(file.subarray(0, 64))).toBe(false);
    // Another organisation has none.
    expect(await certificateOf(otherOrg)).toBeNull();
  });
});

describe("the signed Facturae download", () => {
  test("staff download an XAdES-EPES signed file that verifies; a changed amount does not", async () => {
    const res = await api(org, "GET", `/api/invoices/${invoice.id}/facturae`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("application/xml");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${invoice.number}.xsig"`);
    const xml = res.body;
    expect(xml).toContain("<SchemaVersion>3.2.2</SchemaVersion>");
    // 2.5 × 120.00 = 300.00, −10 % = 270.00, IVA 21 % = 56.70 (when the organisation has that tax).
    expect(xml).toContain("<TotalGrossAmount>270.00</TotalGrossAmount>");
    expect(xml).toContain("<CentreCode>L01280796</CentreCode>");
    expect(xml).toContain(FACTURAE_POLICY.sha1);
    expect(xml).toContain(FACTURAE_POLICY.url);
    expect(xml).toContain("<xades:ClaimedRole>emisor</xades:ClaimedRole>");
    expect(xml).toContain('<xades:DataObjectFormat ObjectReference="#Reference-Facturae">');
    expect(xml).toContain(`<xades:SigningTime>${clock.now().toISOString().slice(0, 16)}`);
    expect(await verifyFacturae(xml)).toBe(true);
    const tampered = xml.replace("<TotalGrossAmount>270.00<", "<TotalGrossAmount>27.00<");
    expect(tampered).not.toBe(xml);
    expect(await verifyFacturae(tampered)).toBe(false);
  });

  test("a credit note is a corrective invoice (OR) naming the invoice it corrects", async () => {
    const credit = await buildInvoice(ctx, org, customer.id, {
      issue: true,
      kind: "credit_note",
      correctsInvoiceId: invoice.id,
      lines: [{ description: "Abono", quantityMilli: 1000, unitPriceMinor: 5000, taxIds: [] }],
    });
    const res = await api(org, "GET", `/api/invoices/${credit.id}/facturae`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain("<InvoiceClass>OR</InvoiceClass>");
    expect(res.body).toContain(`<InvoiceNumber>${invoice.number}</InvoiceNumber>`);
    expect(res.body).toContain("<InvoiceTotal>-50.00</InvoiceTotal>");
    expect(await verifyFacturae(res.body)).toBe(true);
  });

  test("the PDF's scope: drafts, other organisations' and unknown invoices are 404", async () => {
    const draft = await buildInvoice(ctx, org, customer.id);
    expect((await api(org, "GET", `/api/invoices/${draft.id}/facturae`)).statusCode).toBe(404);
    expect((await api(otherOrg, "GET", `/api/invoices/${invoice.id}/facturae`)).statusCode).toBe(404);
  });

  test("missing tax ids or addresses are named, not signed", async () => {
    const bare = await buildCustomer(ctx, org, "No Address");
    const inv = await buildInvoice(ctx, org, bare.id, { issue: true });
    const res = await api(org, "GET", `/api/invoices/${inv.id}/facturae`);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe("FACTURAE_INCOMPLETE");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain("customer.taxId");
  });

  test("the contact downloads its own issued invoice; another customer's and drafts are 404", async () => {
    const cookie = await contactSessionCookie(ctx, org, customer, "link");
    const contact = { cookie };
    expect((await api(contact, "GET", `/api/portal/${org.slug}/facturae`)).json()).toEqual({
      available: true,
    });
    const own = await api(contact, "GET", `/api/portal/${org.slug}/invoices/${invoice.id}/facturae`);
    expect(own.statusCode, own.body).toBe(200);
    expect(await verifyFacturae(own.body)).toBe(true);
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.documentId, invoice.id)),
    );
    expect(audit.map((a) => a.action)).toContain("document_downloaded");
    const other = await buildCustomer(ctx, org, "Someone Else", undefined, administration);
    const theirs = await buildInvoice(ctx, org, other.id, { issue: true });
    const draft = await buildInvoice(ctx, org, customer.id);
    for (const id of [theirs.id, draft.id])
      expect((await api(contact, "GET", `/api/portal/${org.slug}/invoices/${id}/facturae`)).statusCode).toBe(
        404,
      );
  });

  test("replace and remove: a new file replaces the old; without one the portal hides the button", async () => {
    const res = await upload(org, p12({ serial: "02cd" }));
    expect(res.json().certificate.serialNumber).toBe("02CD");
    const signed = await api(org, "GET", `/api/invoices/${invoice.id}/facturae`);
    expect(await verifyFacturae(signed.body)).toBe(true);
    expect((await api(org, "DELETE", "/api/organisation/signing-certificate")).statusCode).toBe(204);
    expect(await certificateOf(org)).toBeNull();
    expect((await api(org, "GET", `/api/invoices/${invoice.id}/facturae`)).json().code).toBe(
      "SIGNING_CERTIFICATE_MISSING",
    );
    const cookie = await contactSessionCookie(ctx, org, customer, "link");
    expect((await api({ cookie }, "GET", `/api/portal/${org.slug}/facturae`)).json()).toEqual({
      available: false,
    });
  });

  test("a stored certificate that has since expired is refused at download", async () => {
    const o = await buildOrg(ctx, "Expiring Org");
    await putOrganisationProfile(ctx, o, spanishProfile);
    const c = await buildCustomer(ctx, o, "Ayuntamiento", undefined, administration);
    const inv = await buildInvoice(ctx, o, c.id, { issue: true });
    expect((await upload(o, p12({ notAfter: new Date(now() + 2 * DAY) }))).statusCode).toBe(200);
    clock.setClock(new Date(now() + 3 * DAY));
    try {
      // Three days on, the session has idled out: sign in again.
      const cookie = await loginStaff(ctx, o.email, o.password);
      const res = await api({ cookie }, "GET", `/api/invoices/${inv.id}/facturae`);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe("SIGNING_CERTIFICATE_EXPIRED");
    } finally {
      clock.resetClock();
    }
  });
});
