import jsQR from "jsqr";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { buildCustomer, buildInvoice, putOrganisationProfile, recordPayment } from "../../test/factories.js";
import { pdfText } from "../../test/pdf.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";

const { ctx, org } = setUpTestApp("Transfer QR Org");
let customer: Customer;
let other: Customer;
let cookie: string;
let invoice: InvoiceDetail;
let othersInvoice: InvoiceDetail;

beforeAll(async () => {
  const saved = await putOrganisationProfile(ctx, org, {
    legalName: "Pórtico Ñandú, S.L.",
    iban: "ES91 2100 0418 4502 0005 1332",
    bic: "CAIXESBBXXX",
  });
  expect(saved.statusCode, saved.body).toBe(200);
  customer = await buildCustomer(ctx, org, "Payer");
  other = await buildCustomer(ctx, org, "Someone Else");
  cookie = await contactSessionCookie(ctx, org, customer, "link");
  invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  othersInvoice = await buildInvoice(ctx, org, other.id, { issue: true });
});

const portal = (path: string) =>
  ctx.app.inject({ method: "GET", url: `/api/portal/${org.slug}${path}`, headers: { cookie } });

/** The SVG's dark runs (`M x y h w v1 …z`, quiet zone included) back to an RGBA bitmap for jsqr. */
function decodeSvg(svg: string): string {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const scale = 4;
  const side = size * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
    for (let dy = 0; dy < scale; dy++) {
      const at = ((Number(y) * scale + dy) * side + Number(x) * scale) * 4;
      for (let dx = 0; dx < Number(w) * scale; dx++) data.fill(0, at + 4 * dx, at + 4 * dx + 3);
    }
  const found = jsQR(data, side, side, { inversionAttempts: "dontInvert" });
  if (!found) throw new Error("no QR code in the SVG");
  return Buffer.from(found.binaryData).toString("utf8");
}

describe("bank transfer in the portal (issue 13)", () => {
  test("the invoice shows the transfer details and serves the EPC QR code of what is still due", async () => {
    const detail = (await portal(`/invoices/${invoice.id}`)).json();
    expect(detail.bankTransfer).toEqual({
      iban: "ES9121000418450200051332",
      bic: "CAIXESBBXXX",
      beneficiary: "Pórtico Ñandú, S.L.",
      qrCode: true,
    });
    const lines = (payload: string) => payload.split("\n");
    // 2 × 100.00 and the organisation's default 21 % VAT.
    expect(invoice.totalMinor).toBe(24200);
    const res = await portal(`/invoices/${invoice.id}/transfer-qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(lines(decodeSvg(res.body))).toEqual([
      "BCD",
      "002",
      "1",
      "SCT",
      "CAIXESBBXXX",
      "Pórtico Ñandú, S.L.",
      "ES9121000418450200051332",
      "EUR242.00",
      "",
      "",
      invoice.number,
    ]);

    const paid = await recordPayment(
      ctx,
      { cookie: org.cookie },
      { customerId: customer.id, invoiceId: invoice.id, amountMinor: 5000 },
    );
    expect(paid.statusCode, paid.body).toBe(201);
    const after = await portal(`/invoices/${invoice.id}/transfer-qr.svg`);
    expect(lines(decodeSvg(after.body))[7]).toBe("EUR192.00");
  });

  test("another customer's invoice, a draft or a missing one answers 404", async () => {
    const draft = await buildInvoice(ctx, org, customer.id);
    for (const id of [othersInvoice.id, draft.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await portal(`/invoices/${id}/transfer-qr.svg`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("NOT_FOUND");
    }
  });

  test("an invoice in another currency shows the details but has no QR code", async () => {
    const dollars = await buildInvoice(ctx, org, customer.id, { issue: true, currency: "USD" });
    const detail = (await portal(`/invoices/${dollars.id}`)).json();
    expect(detail.bankTransfer).toMatchObject({ iban: "ES9121000418450200051332", qrCode: false });
    expect((await portal(`/invoices/${dollars.id}/transfer-qr.svg`)).statusCode).toBe(404);
  });

  test("the invoice PDF read back shows the IBAN, the reference and the amount due", async () => {
    const res = await portal(`/invoices/${invoice.id}/pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      "Pay by bank transfer to",
      "IBAN: ES91 2100 0418 4502 0005 1332",
      `Reference: ${invoice.number}`,
      "Amount: €192.00",
      "Scan the code with your banking app",
    ])
      expect(text).toContain(expected);
  });
  // Last: it leaves the organisation with the transfer as its only gateway.
  test("the transfer enabled as the only gateway offers no Pay now, only its details", async () => {
    const enabled = await ctx.app.inject({
      method: "PUT",
      url: "/api/payment-gateways",
      headers: { cookie: org.cookie },
      payload: { enabled: ["transfer"] },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    const fresh = await buildInvoice(ctx, org, customer.id, { issue: true });
    const detail = (await portal(`/invoices/${fresh.id}`)).json();
    expect(detail).toMatchObject({ canPay: false, gateways: [], bankTransfer: { qrCode: true } });
    expect((await portal("/home")).json().allows.payAll).toBe(false);
    const pay = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${fresh.id}/pay`,
      headers: { cookie },
      payload: { idempotencyKey: "transfer-0001" },
    });
    expect([pay.statusCode, pay.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
  });
});
