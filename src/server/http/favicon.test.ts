import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestContext, type TestContext } from "../test/harness.js";

// Issue 10: /favicon.ico answered 404 on every page load. The icons live in src/web/public (Vite copies
// them into dist/web) and the server answers them whether or not the web apps are built.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const file = (name: string) => readFileSync(new URL(`../../web/public/${name}`, import.meta.url));

test("/favicon.ico answers the repository's icon, cacheable, without a session", async () => {
  const res = await ctx.app.inject({ url: "/favicon.ico" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("image/x-icon");
  expect(res.headers["cache-control"]).toMatch(/max-age=\d+/);
  expect(res.rawPayload.equals(file("favicon.ico"))).toBe(true);
  // An ICO header: reserved 0, type 1 (icon), at least one image.
  expect([...res.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});

test("/favicon.svg answers the vector icon the apps link to", async () => {
  const res = await ctx.app.inject({ url: "/favicon.svg" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(res.body).toBe(file("favicon.svg").toString("utf8"));
});

test("both apps' pages link the icons", () => {
  for (const app of ["admin", "portal"]) {
    const html = readFileSync(new URL(`../../web/${app}/index.html`, import.meta.url), "utf8");
    expect(html, app).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
    expect(html, app).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32" />');
  }
});
