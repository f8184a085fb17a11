import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildOrg, type TestOrg } from "../test/factories.js";
import { createTestContext, type TestContext } from "../test/harness.js";
import { contactCookieName } from "./cookies.js";

/** Over https the session cookies are `__Host-` prefixed and Secure, and only those names are read (issue 9). */
const signIn = (ctx: TestContext, org: TestOrg) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: org.email, password: org.password },
    remoteAddress: "10.1.2.3",
  });
const tokenOf = (setCookie: string) => setCookie.split(";")[0]?.split("=")[1] ?? "";

describe("PUBLIC_URL https (the test harness)", () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext();
    org = await buildOrg(ctx, "Secure Cookie Org");
  });
  afterAll(() => ctx.close());

  test("the staff cookie is __Host-portico_staff, Secure, path /, no Domain; the plain name is not read", async () => {
    const res = await signIn(ctx, org);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(
      /^__Host-portico_staff=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const token = tokenOf(setCookie);
    const me = (cookie: string) => ctx.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect((await me(`__Host-portico_staff=${token}`)).statusCode).toBe(200);
    // A cookie planted without the prefix (by a sibling subdomain or an http:// page) is ignored.
    expect((await me(`portico_staff=${token}`)).statusCode).toBe(401);
    const out = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: `__Host-portico_staff=${token}` },
      payload: {},
    });
    expect(String(out.headers["set-cookie"])).toMatch(/^__Host-portico_staff=; .*Path=\/.*Secure/);
  });

  test("the contact cookie of an organisation is __Host- prefixed too", () => {
    expect(contactCookieName(ctx.config, org.orgId)).toBe(
      `__Host-portico_portal_${org.orgId.replaceAll("-", "")}`,
    );
  });
});

describe("PUBLIC_URL http (the local demo)", () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext({ PUBLIC_URL: "http://localhost:3000" });
    org = await buildOrg(ctx, "Plain Cookie Org");
  });
  afterAll(() => ctx.close());

  test("keeps the plain names without Secure (a browser would drop a Secure cookie on http)", async () => {
    const setCookie = String((await signIn(ctx, org)).headers["set-cookie"]);
    expect(setCookie).toMatch(/^portico_staff=/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(contactCookieName(ctx.config, org.orgId)).toBe(`portico_portal_${org.orgId.replaceAll("-", "")}`);
  });
});
