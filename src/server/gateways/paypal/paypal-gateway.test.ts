import { afterEach, describe, expect, test } from "vitest";
import { advanceClock, resetClock } from "../../clock.js";
import { AppError } from "../../errors/errors.js";
import {
  capturedCheckout,
  checkoutInput,
  merchant,
  otherMerchant,
  setUpPaypalFake,
} from "../../test/fakes/paypal-fake-setup.js";
import type { CheckoutInput } from "../gateway.js";
import { capturePaypalOrder } from "./paypal-capture.js";
import { paypalGateway } from "./paypal-gateway.js";

const rig = setUpPaypalFake();
afterEach(() => resetClock());

/** Every error a test saw, checked at the end for credentials. */
const seen: AppError[] = [];

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw err;
  seen.push(err);
  return err;
}

const start = (input: CheckoutInput, creds = merchant) => paypalGateway.startCheckout(creds, rig.env, input);

const paidCheckout = async (amountMinor?: number) => (await capturedCheckout(rig, amountMinor)).captureId;

describe("starting a checkout", () => {
  test("creates an order (intent CAPTURE, amount as a decimal string, checkout id, request id) and redirects to PayPal", async () => {
    const input = checkoutInput({ amountMinor: 12_345 });
    const started = await start(input);
    expect(started).toEqual({
      kind: "redirect",
      url: `${rig.fake.url}/checkoutnow?token=${started.providerRef}`,
      providerRef: started.providerRef,
    });
    const [sent] = rig.fake.requestsTo("/v2/checkout/orders");
    expect(sent?.headers["paypal-request-id"]).toBe(input.idempotencyKey);
    expect(sent?.headers.authorization).toMatch(/^Bearer A21AA/);
    expect(sent?.body).toMatchObject({
      intent: "CAPTURE",
      purchase_units: [
        {
          custom_id: input.checkoutId,
          invoice_id: input.checkoutId,
          description: "Invoice F2026-0001 · Acme",
          amount: { currency_code: "EUR", value: "123.45" },
        },
      ],
      payment_source: {
        paypal: {
          experience_context: {
            return_url: `https://portico.test/api/gateways/paypal/return/${input.orgId}/${input.checkoutId}`,
            cancel_url: input.cancelUrl,
            locale: "es-ES",
          },
        },
      },
    });
  });

  test("amounts keep each currency's precision: yen whole, forints whole, cents zero-padded", async () => {
    const value = async (amountMinor: number, currency: string) => {
      const { providerRef } = await start(checkoutInput({ amountMinor, currency }));
      return rig.fake.order(providerRef).value;
    };
    expect(await value(1_000, "JPY")).toBe("1000");
    expect(await value(150_000, "HUF")).toBe("1500");
    expect(await value(5, "USD")).toBe("0.05");
    expect((await failure(start(checkoutInput({ amountMinor: 150_050, currency: "HUF" })))).code).toBe(
      "CP4003",
    );
  });

  test("a retried start with the same idempotency key opens no second order", async () => {
    const input = checkoutInput();
    const first = await start(input);
    const again = await start(input);
    expect(again.providerRef).toBe(first.providerRef);
    expect([...rig.fake.orders.values()].filter((o) => o.customId === input.checkoutId)).toHaveLength(1);
  });

  test("below the minimum (CP4001) and currencies PayPal or the merchant does not take (CP4003)", async () => {
    const before = rig.fake.requests.length;
    expect((await failure(start(checkoutInput({ amountMinor: 0 })))).code).toBe("CP4001");
    expect((await failure(start(checkoutInput({ currency: "KWD" })))).code).toBe("CP4003");
    expect(rig.fake.requests.length).toBe(before);
    const usd = await failure(start(checkoutInput({ currency: "USD" }), otherMerchant));
    expect([usd.code, usd.extensions.providerCode]).toEqual(["CP4003", "CURRENCY_NOT_SUPPORTED"]);
  });

  test("PayPal's refusals map to CP codes: fraud (CP3003), address (CP3004), duplicate (CP3005)", async () => {
    rig.fake.failNext("orders", 422, "TRANSACTION_REFUSED");
    expect((await failure(start(checkoutInput()))).code).toBe("CP3003");
    rig.fake.failNext("orders", 422, "BILLING_ADDRESS_INVALID");
    expect((await failure(start(checkoutInput()))).code).toBe("CP3004");

    // A checkout already paid, started again under another key: PayPal refuses its invoice_id.
    const input = checkoutInput({ amountMinor: 2_000 });
    const started = await start(input);
    rig.fake.approve(started.providerRef);
    await capturePaypalOrder(merchant, rig.env, { ...input, orderId: started.providerRef });
    const twice = await failure(start({ ...input, idempotencyKey: "another-key" }));
    expect([twice.code, twice.extensions.providerCode]).toEqual(["CP3005", "DUPLICATE_INVOICE_ID"]);
  });
});

describe("credentials and tokens", () => {
  test("testConnection asks for a token; wrong credentials are CP3002", async () => {
    await expect(paypalGateway.testConnection(merchant, rig.env)).resolves.toBeUndefined();
    const wrong = await failure(paypalGateway.testConnection({ ...merchant, clientSecret: "nope" }, rig.env));
    expect([wrong.code, wrong.extensions.providerCode]).toEqual(["CP3002", "invalid_client"]);
  });

  test("a token is reused until a minute before it expires, and replaced once when PayPal revokes it", async () => {
    const tokenCalls = () => rig.fake.requestsTo("/v1/oauth2/token").length;
    const before = tokenCalls();
    await start(checkoutInput());
    await start(checkoutInput());
    expect(tokenCalls()).toBe(before + 1);
    advanceClock((rig.fake.tokenLifetimeS - 59) * 1000);
    await start(checkoutInput());
    expect(tokenCalls()).toBe(before + 2);
    rig.fake.revokeTokens();
    await start(checkoutInput());
    expect(tokenCalls()).toBe(before + 3);
  });

  test("the credentials are validated and shown masked", () => {
    expect(paypalGateway.credentials.safeParse({ clientId: "x", clientSecret: "" }).success).toBe(false);
    const masked = paypalGateway.mask(merchant);
    expect(masked).toEqual({ clientId: "AZfake…0001", clientSecret: "••••9876", webhookId: "8PT5…CATA" });
  });
});

describe("PayPal down or slow", () => {
  test("503 (after one retry), a timeout and a closed port are GATEWAY_UNAVAILABLE", async () => {
    await start(checkoutInput()); // a token in the cache
    rig.fake.down = true;
    const [hits, orders] = [rig.fake.hits, rig.fake.orders.size];
    expect((await failure(start(checkoutInput()))).code).toBe("GATEWAY_UNAVAILABLE");
    rig.fake.down = false;
    expect([rig.fake.hits - hits, rig.fake.orders.size]).toEqual([2, orders]);

    rig.fake.delayMs = 1_500;
    const t0 = Date.now();
    const slow = paypalGateway.startCheckout(merchant, { ...rig.env, timeoutMs: 300 }, checkoutInput());
    expect((await failure(slow)).code).toBe("GATEWAY_UNAVAILABLE");
    expect(Date.now() - t0).toBeLessThan(1_400);
    rig.fake.delayMs = 0;

    const closed = { ...rig.env, paypalApiBase: "http://127.0.0.1:9" };
    const refused = paypalGateway.startCheckout(merchant, closed, checkoutInput());
    expect((await failure(refused)).code).toBe("GATEWAY_UNAVAILABLE");
  });

  test("an error PayPal answers that Portico does not know is GATEWAY_UNAVAILABLE", async () => {
    rig.fake.failNext("orders", 400, "SOMETHING_NEW");
    const err = await failure(start(checkoutInput()));
    expect([err.code, err.extensions.providerCode]).toEqual(["GATEWAY_UNAVAILABLE", "SOMETHING_NEW"]);
  });
});

describe("refunds", () => {
  const refund = (paymentReference: string, amountMinor: number, idempotencyKey: string) =>
    paypalGateway.refund?.(merchant, rig.env, {
      paymentReference,
      amountMinor,
      currency: "EUR",
      idempotencyKey,
    }) ?? Promise.reject(new Error("no refunds"));

  test("partial then the rest, with the request id PayPal dedupes on; beyond what is left is refused", async () => {
    const captureId = await paidCheckout(10_000);
    const first = await refund(captureId, 2_500, "refund-1");
    expect(first).toEqual({ reference: expect.any(String), status: "succeeded" });
    const sent = rig.fake.requestsTo(`/v2/payments/captures/${captureId}/refund`);
    expect(sent[0]?.headers["paypal-request-id"]).toBe("refund-1");
    expect(sent[0]?.body).toEqual({ amount: { currency_code: "EUR", value: "25.00" } });
    expect(await refund(captureId, 2_500, "refund-1")).toEqual(first);
    expect((await failure(refund(captureId, 7_501, "refund-2"))).code).toBe("REFUND_EXCEEDS_REFUNDABLE");
    expect((await refund(captureId, 7_500, "refund-3")).status).toBe("succeeded");
    expect(rig.fake.captures.get(captureId)?.status).toBe("REFUNDED");
    expect((await failure(refund(captureId, 1, "refund-4"))).code).toBe("REFUND_EXCEEDS_REFUNDABLE");
  });

  test("two full refunds at once: PayPal refunds one", async () => {
    const captureId = await paidCheckout(4_000);
    const both = await Promise.allSettled([refund(captureId, 4_000, "a"), refund(captureId, 4_000, "b")]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(rig.fake.captures.get(captureId)?.refundedMinor).toBe(4_000);
  });

  test("a capture of another merchant is not found", async () => {
    const captureId = await paidCheckout();
    const err = await failure(
      paypalGateway.refund?.(otherMerchant, rig.env, {
        paymentReference: captureId,
        amountMinor: 100,
        currency: "EUR",
        idempotencyKey: "x",
      }) ?? Promise.resolve(),
    );
    expect(err.code).toBe("NOT_FOUND");
  });
});

test("no error carries a credential or a token", () => {
  expect(seen.length).toBeGreaterThan(10);
  const tokens = rig.fake.requests.map((r) => String(r.headers.authorization ?? "").split(" ")[1] ?? "");
  const secrets = [
    merchant.clientId,
    merchant.clientSecret,
    otherMerchant.clientSecret,
    ...tokens.filter(Boolean),
  ];
  for (const err of seen) {
    const text = `${err.message} ${JSON.stringify(err)} ${JSON.stringify(err.extensions)}`;
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
});
