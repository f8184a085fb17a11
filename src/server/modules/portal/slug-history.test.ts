import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  cookieHeader,
  sendAndReadLinks,
  type TestOrg,
} from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let firstSlug: string;
let link: string;
let invoiceId: string;

const setSlug = (o: TestOrg, portalSlug: string) =>
  ctx.app.inject({
    method: "PUT",
    url: "/api/portal-settings",
    headers: { cookie: o.cookie },
    payload: { portalEnabled: true, portalSlug, deliveryMode: "both" },
  });

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Moving Org");
  other = await buildOrg(ctx, "Neighbour Org");
  firstSlug = org.slug;
  const customer = await buildCustomer(ctx, org, "Moving Customer");
  const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  invoiceId = invoice.id;
  // Emailed before the address changes.
  link = (await sendAndReadLinks(ctx, org, invoice.id))[0] as string;
  const res = await setSlug(org, `${firstSlug}-new`);
  expect(res.statusCode).toBe(200);
  expect(res.json().portalUrl).toBe(`https://portico.test/p/${firstSlug}-new`);
});
afterAll(() => ctx.close());

describe("C2: changing the portal address keeps old links working", () => {
  test("an emailed link sent before the change still signs the contact in", async () => {
    const path = link.replace("https://portico.test", "");
    const first = await ctx.app.inject({ url: path });
    expect(first.statusCode).toBe(308);
    expect(first.headers.location).toBe(path.replace(`/p/${firstSlug}/`, `/p/${firstSlug}-new/`));
    const second = await ctx.app.inject({ url: String(first.headers.location) });
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(`/p/${firstSlug}-new/invoices/${invoiceId}`);
    const cookie = cookieHeader(second.headers["set-cookie"]);
    const me = await ctx.app.inject({ url: `/api/portal/${firstSlug}-new/me`, headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  test("portal pages under the old address redirect to the same path, query included", async () => {
    for (const path of ["", "/", `/invoices/${invoiceId}?paid=1`]) {
      const res = await ctx.app.inject({ url: `/p/${firstSlug}${path}` });
      expect(res.statusCode).toBe(308);
      expect(res.headers.location).toBe(`/p/${firstSlug}-new${path}`);
    }
  });

  test("the API under the old address answers 404 PORTAL_MOVED naming the new slug", async () => {
    const res = await ctx.app.inject({ url: `/api/portal/${firstSlug}` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: "PORTAL_MOVED",
      errors: [{ field: "newSlug", message: `${firstSlug}-new` }],
    });
    const me = await ctx.app.inject({ url: `/api/portal/${firstSlug}/me` });
    expect(me.json().code).toBe("PORTAL_MOVED");
  });

  test("an unknown address is still plain NOT_FOUND and is not redirected", async () => {
    expect((await ctx.app.inject({ url: "/api/portal/never-existed-xyz" })).json().code).toBe("NOT_FOUND");
    expect((await ctx.app.inject({ url: "/p/never-existed-xyz/" })).statusCode).not.toBe(308);
  });

  test("another organisation cannot take the old slug (SLUG_TAKEN), nor the current one", async () => {
    for (const slug of [firstSlug, `${firstSlug}-new`]) {
      const res = await setSlug(other, slug);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: "SLUG_TAKEN", errors: [{ field: "body.portalSlug" }] });
    }
    expect((await ctx.app.inject({ url: `/api/portal/${other.slug}` })).statusCode).toBe(200);
  });

  test("an invalid slug answers 400 naming the field and changes nothing", async () => {
    const res = await setSlug(org, "Not A Slug!");
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toContain("portalSlug");
    expect((await ctx.app.inject({ url: `/api/portal/${firstSlug}-new` })).statusCode).toBe(200);
  });

  test("the organisation may take back its own old slug; the one it leaves then redirects", async () => {
    const res = await setSlug(org, firstSlug);
    expect(res.statusCode).toBe(200);
    expect((await ctx.app.inject({ url: `/api/portal/${firstSlug}` })).statusCode).toBe(200);
    const moved = await ctx.app.inject({ url: `/p/${firstSlug}-new/` });
    expect(moved.statusCode).toBe(308);
    expect(moved.headers.location).toBe(`/p/${firstSlug}/`);
    // The original link works directly again.
    const opened = await ctx.app.inject({ url: link.replace("https://portico.test", "") });
    expect(opened.statusCode).toBe(303);
  });
});
