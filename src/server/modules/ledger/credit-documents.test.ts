import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, expect, test } from "vitest";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Credit Documents");
});
afterAll(() => ctx.close());

const pdfText = async (id: string) => {
  const res = await ctx.app.inject({
    url: `/api/invoices/${id}/pdf`,
    headers: { cookie: org.cookie, "accept-language": "es" },
  });
  expect(res.statusCode).toBe(200);
  return (await new PDFParse({ data: res.rawPayload }).getText()).text;
};

test("a credit note reads as one on paper and by email, naming the invoice it corrects", async () => {
  const c = await buildCustomer(ctx, org, "Paper");
  const invoice = await buildInvoice(ctx, org, c.id, { issue: true });
  const credit = await buildInvoice(ctx, org, c.id, {
    issue: true,
    kind: "credit_note",
    correctsInvoiceId: invoice.id,
  });
  const text = await pdfText(credit.id);
  expect(text).toContain("Factura rectificativa");
  expect(text).toContain(`Rectifica la factura ${invoice.number}`);
  expect(text).not.toMatch(/Pendiente|Importe pendiente/);
  const sent = await ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${credit.id}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });
  expect(sent.statusCode).toBe(200);
  const mails = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(emails).where(eq(emails.kind, "invoice_sent")),
  );
  expect(mails[0]?.subject).toBe(`Factura rectificativa ${credit.number} de Credit Documents`);
  expect(mails[0]?.textBody).toContain("saldo a tu favor");
});

test("a retainer invoice is titled as one", async () => {
  const c = await buildCustomer(ctx, org, "Advance");
  const retainer = await buildInvoice(ctx, org, c.id, { issue: true, kind: "retainer" });
  expect(await pdfText(retainer.id)).toContain("Factura de anticipo");
});
