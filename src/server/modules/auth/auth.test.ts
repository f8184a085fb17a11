import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { advanceClock, resetClock } from "../../clock.js";
import { buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, TEST_PUBLIC_URL, type TestContext } from "../../test/harness.js";
import { STAFF_SESSION_IDLE_HOURS } from "./auth.service.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Auth Org");
});
afterAll(() => ctx.close());

const login = (email: string, password: string, ip = "10.0.0.1") =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });

describe("staff sign-in", () => {
  test("signs in with a session cookie that is HttpOnly and SameSite=Lax, and Secure over https", async () => {
    const res = await login(org.email, org.password, "10.0.1.1");
    expect(res.statusCode).toBe(200);
    expect(res.json().org.id).toBe(org.orgId);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^__Host-portico_staff=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const me = await ctx.app.inject({
      url: "/api/auth/me",
      headers: { cookie: cookie.split(";")[0] as string },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(org.email);
  });

  test("an unknown email and a wrong password get the very same answer", async () => {
    const unknown = await login("nobody-here@example.com", org.password, "10.0.2.1");
    const wrong = await login(org.email, "not the password", "10.0.2.2");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.json().code).toBe("INVALID_CREDENTIALS");
    expect(unknown.headers["set-cookie"]).toBeUndefined();
  });

  test("repeated attempts from one address are rate-limited", async () => {
    // Each on another account, so the per-account throttling (login-throttle.ts) is not what answers.
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await login(`nobody-${i}@example.com`, `wrong-${i}`, "10.0.3.1")).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const limited = await login(org.email, org.password, "10.0.3.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("RATE_LIMITED");
  });

  test("signing out ends the session on the server", async () => {
    const res = await login(org.email, org.password, "10.0.4.1");
    const cookie = String(res.headers["set-cookie"]).split(";")[0] as string;
    await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie }, payload: {} });
    expect((await ctx.app.inject({ url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  test("a forged or missing cookie is 401 with a problem+json body", async () => {
    const res = await ctx.app.inject({
      url: "/api/customers",
      headers: { cookie: "__Host-portico_staff=forged" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });
});

describe("cross-site request forgery", () => {
  test("a state-changing request from another origin is refused and changes nothing", async () => {
    const before = (await ctx.app.inject({ url: "/api/customers", headers: { cookie: org.cookie } })).json()
      .items.length;
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { cookie: org.cookie, origin: "https://evil.example" },
      payload: { name: "Forged" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("CSRF_REJECTED");
    expect(
      (await ctx.app.inject({ url: "/api/customers", headers: { cookie: org.cookie } })).json().items,
    ).toHaveLength(before);
  });

  test("a browser's cross-site or null-origin post is refused; its same-origin post is accepted", async () => {
    const post = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/customers",
        headers: { cookie: org.cookie, ...headers },
        payload: { name: "Via form" },
      });
    expect((await post({ "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
    expect((await post({ origin: "null" })).statusCode).toBe(403);
    expect((await post({ origin: "null", "sec-fetch-site": "same-origin" })).statusCode).toBe(201);
  });

  test("the app's own origin is accepted", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { cookie: org.cookie, origin: TEST_PUBLIC_URL },
      payload: { name: "Legit" },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe("errors", () => {
  test("invalid input names the field, answers in the caller's language and changes nothing", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { cookie: org.cookie, "accept-language": "es-ES,es;q=0.9" },
      payload: { name: "", email: "not-an-email" },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.detail).toBe("Algunos campos no son válidos.");
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["body.name", "body.email"]),
    );
    const list = await ctx.app.inject({ url: "/api/customers", headers: { cookie: org.cookie } });
    expect(list.json().items.some((c: { name: string }) => c.name === "")).toBe(false);
  });

  test("an unknown route is a problem+json 404", async () => {
    const res = await ctx.app.inject({ url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
  });
});

describe("staff session idle timeout", () => {
  afterEach(() => resetClock());

  test(`a session unused for ${STAFF_SESSION_IDLE_HOURS} hours ends; one in use lives on`, async () => {
    const cookieOf = async (ip: string) =>
      String((await login(org.email, org.password, ip)).headers["set-cookie"]).split(";")[0] as string;
    const idle = await cookieOf("10.0.5.1");
    const busy = await cookieOf("10.0.5.2");
    const me = (cookie: string) => ctx.app.inject({ url: "/api/auth/me", headers: { cookie } });
    advanceClock((STAFF_SESSION_IDLE_HOURS - 1) * 3600_000);
    expect((await me(busy)).statusCode).toBe(200);
    advanceClock(2 * 3600_000);
    const res = await me(idle);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("UNAUTHENTICATED");
    expect((await me(busy)).statusCode).toBe(200);
  });
});
