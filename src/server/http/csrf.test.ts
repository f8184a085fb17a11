import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestContext, type TestContext } from "../test/harness.js";

/**
 * The origin check compares whole origins (issue 9): scheme, host and port. A refused request answers
 * 403 CSRF_REJECTED before anything else; an accepted one reaches authentication (401 without a cookie).
 */
const codeOf = async (ctx: TestContext, headers: Record<string, string>) => {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/customers",
    headers,
    payload: { name: "X" },
  });
  return `${res.statusCode} ${res.json().code}`;
};
const REFUSED = "403 CSRF_REJECTED";
const PASSED = "401 UNAUTHENTICATED";

describe("an https site (PUBLIC_URL https://portico.test)", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  test("an http:// page of the same host is another origin", async () => {
    expect(await codeOf(ctx, { host: "portico.test", origin: "http://portico.test" })).toBe(REFUSED);
    expect(await codeOf(ctx, { host: "portico.test:443", origin: "http://portico.test:443" })).toBe(REFUSED);
  });

  test("its own origin, and the host the request was sent to on https, are accepted", async () => {
    expect(await codeOf(ctx, { host: "portico.test", origin: "https://portico.test" })).toBe(PASSED);
    expect(await codeOf(ctx, { host: "portico.test:8443", origin: "https://portico.test:8443" })).toBe(
      PASSED,
    );
    expect(await codeOf(ctx, { host: "portico.test", origin: "https://evil.example" })).toBe(REFUSED);
    expect(await codeOf(ctx, { host: "portico.test:8443", origin: "https://portico.test:9443" })).toBe(
      REFUSED,
    );
  });

  test("Sec-Fetch-Site same-origin is still trusted (a browser's Origin: null)", async () => {
    expect(await codeOf(ctx, { origin: "null", "sec-fetch-site": "same-origin" })).toBe(PASSED);
  });
});

describe("the demo on http://localhost:3000", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ PUBLIC_URL: "http://localhost:3000" });
  });
  afterAll(() => ctx.close());

  test("opened as 127.0.0.1 it still works; another scheme or port does not", async () => {
    expect(await codeOf(ctx, { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBe(PASSED);
    expect(await codeOf(ctx, { host: "127.0.0.1:3000", origin: "https://127.0.0.1:3000" })).toBe(REFUSED);
    expect(await codeOf(ctx, { host: "127.0.0.1:3000", origin: "http://127.0.0.1:4000" })).toBe(REFUSED);
  });
});
