import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SignupInput } from "../../../shared/contracts/index.js";
import { buildCustomer, buildOrg, cookieHeader, loginStaff, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

/** Public sign-up (issue 12, A1), the live slug check, SIGNUP=closed and several organisations per person. */
let ctx: TestContext;
let existing: TestOrg;
let n = 0;
const freshIp = () => `198.51.100.${++n}`;
const unique = () => randomBytes(4).toString("hex");

beforeAll(async () => {
  ctx = await createTestContext();
  existing = await buildOrg(ctx, "Existing Org");
});
afterAll(() => ctx.close());

const validBody = (over: Partial<SignupInput> = {}): SignupInput => ({
  organisationName: "Carpintería Luna",
  slug: `luna-${unique()}`,
  country: "ES",
  currency: "EUR",
  language: "es",
  timeZone: "Europe/Madrid",
  name: "Lucía Luna",
  email: `lucia-${unique()}@example.com`,
  password: "granite-meadow-kettle-58",
  ...over,
});
/** "Add an organisation" from the header, as the person of `cookie`. */
const addOrganisation = (app: TestContext["app"], cookie: string, over: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: "/api/organisations",
    headers: { cookie },
    remoteAddress: freshIp(),
    payload: {
      organisationName: "Second Org",
      slug: `second-${unique()}`,
      country: "ES",
      currency: "EUR",
      language: "es",
      timeZone: "Europe/Madrid",
      ...over,
    },
  });
const signUp = (payload: object, ip = freshIp()) =>
  ctx.app.inject({ method: "POST", url: "/api/signup", payload, remoteAddress: ip });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map(
    (e) => `${e.field}:${e.code}`,
  );

describe("public sign-up", () => {
  test("creates the organisation and its owner, and signs the owner in", async () => {
    const body = validBody({ language: "en", currency: "USD", country: "US", timeZone: "America/New_York" });
    const res = await signUp(body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email: body.email, name: body.name },
      org: { name: body.organisationName, portalSlug: body.slug, language: "en", baseCurrency: "USD" },
      role: "owner",
    });
    const cookie = cookieHeader(res.headers["set-cookie"]);
    expect(String(res.headers["set-cookie"])).toMatch(/^__Host-portico_staff=.*HttpOnly/);
    const me = await ctx.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.json().org.portalSlug).toBe(body.slug);
    const profile = await ctx.app.inject({ url: "/api/organisation", headers: { cookie } });
    expect(profile.json()).toMatchObject({ country: "US", timeZone: "America/New_York" });
    // The owner can sign in again with the chosen password.
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: body.email, password: body.password },
      remoteAddress: freshIp(),
    });
    expect(login.statusCode).toBe(200);
  });

  test.each([
    ["organisationName", { organisationName: " " }, "body.organisationName:too_small"],
    ["slug (shape)", { slug: "Not a slug!" }, "body.slug:invalid_format"],
    ["slug (length)", { slug: "ab" }, "body.slug:too_small"],
    ["country", { country: "Spain" }, "body.country:invalid_format"],
    ["currency", { currency: "XYZ" }, "body.currency:unsupported_currency"],
    ["language", { language: "fr" }, "body.language:invalid_value"],
    ["time zone", { timeZone: "Mars/Olympus_Mons" }, "body.timeZone:unknown_time_zone"],
    ["name", { name: "" }, "body.name:too_small"],
    ["email", { email: "not-an-email" }, "body.email:invalid_format"],
    ["password (short)", { password: "short" }, "body.password:too_short"],
    ["password (breached)", { password: "123456789012" }, "body.password:breached_password"],
  ])("refuses a bad %s with a field error and creates nothing", async (_what, over, expected) => {
    const body = validBody(over as Partial<SignupInput>);
    const res = await signUp(body);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(fieldsOf(res)).toContain(expected);
    expect(res.headers["set-cookie"]).toBeUndefined();
    const check = await ctx.app.inject({
      url: `/api/signup/slug?slug=${validBody().slug}`,
      remoteAddress: freshIp(),
    });
    expect(check.json().available).toBe(true);
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: body.email, password: body.password },
      remoteAddress: freshIp(),
    });
    expect(login.statusCode).toBe(_what === "email" ? 400 : 401);
  });

  test("a slug in use, used before, or reserved is refused on the slug field", async () => {
    const taken = await signUp(validBody({ slug: existing.slug }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe("SLUG_TAKEN");
    expect(fieldsOf(taken)).toEqual(["body.slug:slug_taken"]);

    // An organisation that changed its address keeps the old one (its links redirect).
    const mover = await buildOrg(ctx, "Mover");
    const settings = (
      await ctx.app.inject({ url: "/api/portal-settings", headers: { cookie: mover.cookie } })
    ).json();
    const moved = await ctx.app.inject({
      method: "PUT",
      url: "/api/portal-settings",
      headers: { cookie: mover.cookie },
      payload: { ...settings, portalSlug: `moved-${unique()}`, portalUrl: undefined },
    });
    expect(moved.statusCode).toBe(200);
    const old = await signUp(validBody({ slug: mover.slug }));
    expect(old.statusCode).toBe(409);
    expect(fieldsOf(old)).toEqual(["body.slug:slug_taken"]);

    const reserved = await signUp(validBody({ slug: "admin" }));
    expect(reserved.statusCode).toBe(409);
    expect(reserved.json().code).toBe("SLUG_RESERVED");
    expect(fieldsOf(reserved)).toEqual(["body.slug:slug_reserved"]);
  });

  test("an email that already has an account is refused, and that person gains no organisation", async () => {
    const res = await signUp(validBody({ email: existing.email.toUpperCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("SIGNUP_EMAIL_HAS_ACCOUNT");
    expect(res.json().detail).toMatch(/sign in and add an organisation from the header/);
    expect(fieldsOf(res)).toEqual(["body.email:email_has_account"]);
    const orgs = await ctx.app.inject({
      url: "/api/auth/organisations",
      headers: { cookie: existing.cookie },
    });
    expect(orgs.json()).toHaveLength(1);
  });

  test("several problems are answered together, one per field", async () => {
    const res = await signUp(validBody({ slug: existing.slug, email: existing.email, password: "short" }));
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual([
      "body.slug:slug_taken",
      "body.email:email_has_account",
      "body.password:too_short",
    ]);
  });

  test("is rate-limited per address", async () => {
    const ip = "198.51.100.250";
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await signUp(validBody({ slug: "x" }), ip)).statusCode);
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes[5]).toBe(429);
  });
});

describe("the live slug check", () => {
  const check = (slug: string) =>
    ctx.app.inject({ url: `/api/signup/slug?slug=${encodeURIComponent(slug)}`, remoteAddress: freshIp() });

  test("answers available, invalid, reserved and taken", async () => {
    expect((await check(`free-${unique()}`)).json()).toEqual({ available: true, reason: null });
    expect((await check("No Good")).json()).toEqual({ available: false, reason: "invalid" });
    expect((await check("api")).json()).toEqual({ available: false, reason: "reserved" });
    expect((await check(existing.slug.toUpperCase())).json()).toEqual({ available: false, reason: "taken" });
  });

  test("is bounded: a long value is a 400, not a query", async () => {
    const res = await check("a".repeat(101));
    expect(res.statusCode).toBe(400);
  });

  test("is rate-limited per address", async () => {
    let last = 0;
    for (let i = 0; i < 61; i++)
      last = (await ctx.app.inject({ url: "/api/signup/slug?slug=abc", remoteAddress: "198.51.100.251" }))
        .statusCode;
    expect(last).toBe(429);
  });
});

describe("SIGNUP=closed", () => {
  let closed: TestContext;
  beforeAll(async () => {
    closed = await createTestContext({ SIGNUP: "closed" });
  });
  afterAll(() => closed.close());

  test("refuses sign-up, the slug check and adding an organisation with SIGNUP_CLOSED, and says so", async () => {
    const res = await closed.app.inject({ method: "POST", url: "/api/signup", payload: validBody() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("SIGNUP_CLOSED");
    const slug = await closed.app.inject({ url: "/api/signup/slug?slug=free-one" });
    expect(slug.statusCode).toBe(403);
    expect(slug.json().code).toBe("SIGNUP_CLOSED");
    const org = await buildOrg(closed, "Closed Org");
    const add = await addOrganisation(closed.app, org.cookie);
    expect(add.statusCode).toBe(403);
    expect((await closed.app.inject({ url: "/api/auth/options" })).json()).toEqual({ signupOpen: false });
    expect((await ctx.app.inject({ url: "/api/auth/options" })).json()).toEqual({ signupOpen: true });
  });
});

describe("several organisations per person", () => {
  test("a signed-in person adds an organisation, owns it and is moved into it; switching back and forth shows each org's data only", async () => {
    const person = await buildOrg(ctx, "First Org");
    const customerA = await buildCustomer(ctx, person, "Only In A");
    const slug = `second-${unique()}`;
    const add = await addOrganisation(ctx.app, person.cookie, {
      slug,
      country: "PT",
      language: "en",
      timeZone: "Europe/Lisbon",
    });
    expect(add.statusCode).toBe(200);
    expect(add.json()).toMatchObject({ org: { name: "Second Org", portalSlug: slug }, role: "owner" });
    const inB = cookieHeader(add.headers["set-cookie"]);
    // The session of A ended with the move.
    expect(
      (await ctx.app.inject({ url: "/api/auth/me", headers: { cookie: person.cookie } })).statusCode,
    ).toBe(401);

    const orgs = (await ctx.app.inject({ url: "/api/auth/organisations", headers: { cookie: inB } })).json();
    expect(
      orgs.map((o: { name: string; current: boolean; role: string }) => [o.name, o.current, o.role]),
    ).toEqual([
      ["First Org", false, "owner"],
      ["Second Org", true, "owner"],
    ]);
    const customersB = (await ctx.app.inject({ url: "/api/customers", headers: { cookie: inB } })).json();
    expect(JSON.stringify(customersB)).not.toContain(customerA.id);

    const back = await switchOrganisation(inB, person.orgId);
    expect(back.statusCode).toBe(200);
    expect(back.json().org.id).toBe(person.orgId);
    const inA = cookieHeader(back.headers["set-cookie"]);
    expect((await ctx.app.inject({ url: "/api/auth/me", headers: { cookie: inB } })).statusCode).toBe(401);
    const customersA = (await ctx.app.inject({ url: "/api/customers", headers: { cookie: inA } })).json();
    expect(JSON.stringify(customersA)).toContain(customerA.id);

    const again = await switchOrganisation(inA, orgs[1].id);
    const inBAgain = cookieHeader(again.headers["set-cookie"]);
    const list = (await ctx.app.inject({ url: "/api/customers", headers: { cookie: inBAgain } })).json();
    expect(JSON.stringify(list)).not.toContain(customerA.id);
  });

  test("signing in again lands in the organisation the person last switched to", async () => {
    const person = await buildOrg(ctx, "Home Org");
    const add = await addOrganisation(ctx.app, person.cookie, { slug: `away-${unique()}` });
    expect(add.statusCode).toBe(200);
    const awayId = add.json().org.id;
    expect((await loginAgain(person)).org.id).toBe(awayId);
    const inAway = cookieHeader(add.headers["set-cookie"]);
    const back = await switchOrganisation(inAway, person.orgId);
    expect(back.statusCode).toBe(200);
    expect((await loginAgain(person)).org.id).toBe(person.orgId);
  });

  test("switching to an organisation one is not a member of is 404 and changes nothing", async () => {
    const person = await buildOrg(ctx, "Member Org");
    const res = await switchOrganisation(person.cookie, existing.orgId);
    expect(res.statusCode).toBe(404);
    expect(res.headers["set-cookie"]).toBeUndefined();
    const me = await ctx.app.inject({ url: "/api/auth/me", headers: { cookie: person.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().org.id).toBe(person.orgId);
  });

  test("adding an organisation with a taken slug is refused on the slug field and keeps the session", async () => {
    const person = await buildOrg(ctx, "Keeper Org");
    const res = await addOrganisation(ctx.app, person.cookie, {
      organisationName: "Dup",
      slug: existing.slug,
    });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual(["body.slug:slug_taken"]);
    expect(
      (await ctx.app.inject({ url: "/api/auth/me", headers: { cookie: person.cookie } })).statusCode,
    ).toBe(200);
  });
});

async function loginAgain(person: { email: string; password: string }) {
  const cookie = await loginStaff(ctx, person.email, person.password);
  return (await ctx.app.inject({ url: "/api/auth/me", headers: { cookie } })).json();
}

/** `POST /api/auth/switch` with this session cookie. */
function switchOrganisation(cookie: string, orgId: string) {
  return ctx.app.inject({ method: "POST", url: "/api/auth/switch", headers: { cookie }, payload: { orgId } });
}
