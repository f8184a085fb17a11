import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestContext, type TestContext } from "./harness.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("API description and health", () => {
  test("GET /api/openapi.json is an OpenAPI 3 document with the main paths", async () => {
    const res = await ctx.app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: "Portico API" });
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/invoices",
        "/api/invoices/{id}",
        "/api/invoices/{id}/issue",
        "/api/invoices/{id}/send",
        "/api/invoices/{id}/pdf",
        "/api/customers",
        "/api/outbox",
        "/api/notifications",
        "/api/portal-settings",
        "/api/portal/{slug}/invoices",
        "/api/portal/{slug}/invoices/{id}",
        "/api/portal/{slug}/invoices/{id}/pay",
        "/api/gateways/sandbox/webhook",
      ]),
    );
    // Hidden routes stay out of the public description
    expect(paths).not.toContain("/api/openapi.json");
    expect(paths.some((p) => p.startsWith("/sandbox/") || p.startsWith("/p/"))).toBe(false);

    // Request bodies are described from the same zod schemas that validate them
    const create = doc.paths["/api/invoices"].post;
    const body = create.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["customerId", "lines"]));
    expect(Object.keys(body.properties.lines.items.properties)).toEqual(
      expect.arrayContaining(["description", "quantityMilli", "unitPriceMinor", "discountBp", "taxIds"]),
    );
    const pay = doc.paths["/api/portal/{slug}/invoices/{id}/pay"].post;
    expect(pay.requestBody.content["application/json"].schema.required).toContain("idempotencyKey");
    expect(pay.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual([
      "path:id",
      "path:slug",
    ]);
  });

  test("GET /api/docs serves the interactive documentation", async () => {
    let res = await ctx.app.inject({ url: "/api/docs" });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      res = await ctx.app.inject({
        url: new URL(String(res.headers.location), "http://localhost/api/docs").pathname,
      });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });

  test("GET /healthz answers 200", async () => {
    const res = await ctx.app.inject({ url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });
});
