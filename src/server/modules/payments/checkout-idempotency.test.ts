import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { contactCookieFor, issuedInvoice } from "../receipts/test-support.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Idempotent Checkout Org");
});
afterAll(() => ctx.close());

const post = (cookie: string, path: string, payload: object) =>
  ctx.app.inject({ method: "POST", url: `/api/portal/${org.slug}${path}`, headers: { cookie }, payload });

/** A customer (in EUR) with one open invoice that allows partial payments, and its contact's cookie. */
async function payer(name: string) {
  const customer = await buildCustomer(ctx, org, name);
  const invoice = await issuedInvoice(ctx, org, customer.id, { allowPartialPayments: true });
  return { invoice, cookie: await contactCookieFor(ctx, org, invoice) };
}

describe("a reused idempotency key must carry the same request (issue 9)", () => {
  test("'pay everything' with another currency is a conflict; the same body returns the first checkout", async () => {
    const { cookie } = await payer("All Twice");
    const first = await post(cookie, "/pay-all", { idempotencyKey: "all-key-0001" });
    expect(first.statusCode).toBe(200);

    const other = await post(cookie, "/pay-all", { idempotencyKey: "all-key-0001", currency: "USD" });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe("CONFLICT");

    for (const body of [{}, { currency: "EUR" }]) {
      const again = await post(cookie, "/pay-all", { idempotencyKey: "all-key-0001", ...body });
      expect(again.statusCode).toBe(200);
      expect(again.json().checkoutUrl).toBe(first.json().checkoutUrl);
    }
  });

  test("a single-invoice checkout's key is a conflict for 'pay everything', and the other way round", async () => {
    const { invoice, cookie } = await payer("Mixed Keys");
    expect(
      (await post(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "one-key-0001" })).statusCode,
    ).toBe(200);
    const all = await post(cookie, "/pay-all", { idempotencyKey: "one-key-0001" });
    expect(all.statusCode).toBe(409);
    expect(all.json().code).toBe("CONFLICT");

    expect((await post(cookie, "/pay-all", { idempotencyKey: "all-key-0002" })).statusCode).toBe(200);
    const one = await post(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "all-key-0002" });
    expect(one.statusCode).toBe(409);
    expect(one.json().code).toBe("CONFLICT");
  });

  test("a part's key reused with the amount omitted (or another amount) is a conflict", async () => {
    const { invoice, cookie } = await payer("Part Then All");
    const path = `/invoices/${invoice.id}/pay`;
    const part = await post(cookie, path, { idempotencyKey: "part-key-0001", amountMinor: 10000 });
    expect(part.statusCode).toBe(200);
    for (const body of [{}, { amountMinor: 12000 }]) {
      const res = await post(cookie, path, { idempotencyKey: "part-key-0001", ...body });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("CONFLICT");
    }
    const again = await post(cookie, path, { idempotencyKey: "part-key-0001", amountMinor: 10000 });
    expect(again.json().checkoutUrl).toBe(part.json().checkoutUrl);
  });
});
