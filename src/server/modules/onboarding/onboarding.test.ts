import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildCustomer, buildInvoice, cookieHeader, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { signaturePng } from "../../test/png.js";

/** The first-run checklist (issue 12, G1) ticks itself from the organisation's data. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

test("a new organisation's checklist ticks each item as it is done, and is complete at the end", async () => {
  const slug = `onboard-${randomBytes(4).toString("hex")}`;
  const email = `onboard-${randomBytes(4).toString("hex")}@example.com`;
  const signup = await ctx.app.inject({
    method: "POST",
    url: "/api/signup",
    remoteAddress: "192.0.2.10",
    payload: {
      organisationName: "Onboard Ltd",
      slug,
      country: "GB",
      currency: "GBP",
      language: "en",
      timeZone: "Europe/London",
      name: "Olive Board",
      email,
      password: "granite-meadow-kettle-58",
    },
  });
  expect(signup.statusCode).toBe(200);
  const cookie = cookieHeader(signup.headers["set-cookie"]);
  const org: TestOrg = { orgId: signup.json().org.id, slug, email, password: "", cookie };
  const done = async () => {
    const res = await ctx.app.inject({ url: "/api/onboarding", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { key: string; done: boolean }[]; complete: boolean };
    return { keys: body.items.filter((i) => i.done).map((i) => i.key), complete: body.complete };
  };

  // A new organisation starts with its default tax and its portal on.
  expect(await done()).toEqual({ keys: ["defaultTax", "portal"], complete: false });

  const profile = (await ctx.app.inject({ url: "/api/organisation", headers: { cookie } })).json();
  const { id: _id, logoUrl: _logo, ...fields } = profile;
  await ctx.app.inject({
    method: "PUT",
    url: "/api/organisation",
    headers: { cookie },
    payload: {
      ...fields,
      taxId: "GB123456789",
      addressLine1: "1 High Street",
      iban: "GB82WEST12345698765432",
    },
  });
  expect((await done()).keys).toEqual(["defaultTax", "paymentDetails", "portal"]);
  const logo = await ctx.app.inject({
    method: "PUT",
    url: "/api/organisation/logo",
    headers: { cookie, "content-type": "image/png" },
    payload: signaturePng(),
  });
  expect(logo.statusCode).toBe(200);
  expect((await done()).keys).toEqual(["profile", "defaultTax", "paymentDetails", "portal"]);

  const customer = await buildCustomer(ctx, org, "First Customer");
  expect((await done()).keys).toContain("firstCustomer");
  const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  expect((await done()).complete).toBe(false);
  const sent = await ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${invoice.id}/send`,
    headers: { cookie },
    payload: {},
  });
  expect(sent.statusCode).toBe(200);
  expect(await done()).toEqual({
    keys: ["profile", "defaultTax", "paymentDetails", "portal", "firstCustomer", "firstInvoiceSent"],
    complete: true,
  });
});

test("is for staff only", async () => {
  expect((await ctx.app.inject({ url: "/api/onboarding" })).statusCode).toBe(401);
});
