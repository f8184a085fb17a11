import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { ConfigError, loadConfig } from "../../config.js";
import { apiKeys } from "../../db/schema/index.js";
import { hashToken } from "../../http/tokens.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, recordPayment, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { canManageApiKeys } from "./api-key-policy.js";
import { listApiKeys, resolveApiKey } from "./api-keys.service.js";
import { bearer, buildApiKey, signInMember } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Keys");
});
afterAll(() => ctx.close());
afterEach(() => clock.resetClock());

const storedKey = async (id: string) => {
  const [row] = await ctx.database.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
};

describe("creating and listing keys", () => {
  test("the secret is shown once, in the answer to creating it; only its SHA-256 is stored", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/api-keys",
      headers: { cookie: org.cookie },
      payload: { name: "Books export", scope: "read" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers["cache-control"]).toBe("no-store");
    const key = res.json();
    expect(key.secret).toMatch(/^pk_live_[0-9A-Za-z]{43}$/);
    expect(key).toMatchObject({ name: "Books export", scope: "read", expiresAt: null, revokedAt: null });
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key.prefix).toHaveLength("pk_live_".length + 6);

    const row = await storedKey(key.id);
    expect(row?.secretHash).toBe(hashToken(key.secret));
    const everything = await ctx.database.db.execute(sql`select a::text as t from api_keys a`);
    expect(JSON.stringify(everything.rows)).not.toContain(key.secret);

    const list = await ctx.app.inject({ url: "/api/api-keys", headers: { cookie: org.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key.secret);
    const listed = list.json().find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ name: "Books export", prefix: key.prefix, scope: "read" });
    expect(listed.createdByName).toBe("Keys Owner");
    expect(Object.keys(listed).sort()).toEqual(
      [
        "createdAt",
        "createdByName",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
        "prefix",
        "revokedAt",
        "scope",
      ].sort(),
    );
  });

  test("two keys never share a secret, and an expiry must lie ahead", async () => {
    const a = await buildApiKey(ctx, org);
    const b = await buildApiKey(ctx, org);
    expect(a.secret).not.toBe(b.secret);
    const past = await ctx.app.inject({
      method: "POST",
      url: "/api/api-keys",
      headers: { cookie: org.cookie },
      payload: { name: "Old", scope: "read", expiresAt: new Date(clock.nowMs() - 1000).toISOString() },
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe("API_KEY_EXPIRY_PAST");
  });
});

describe("requests with a key", () => {
  test("a write key lists invoices and creates a customer in its organisation", async () => {
    const customer = await buildCustomer(ctx, org, "Listed");
    const invoice = await buildInvoice(ctx, org, customer.id);
    const key = await buildApiKey(ctx, org, { scope: "write" });
    const list = await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(invoice.id);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: bearer(key),
      payload: {
        name: "Made by a script",
        contacts: [{ name: "Ana", email: "ana@script.example", isPrimary: true }],
      },
    });
    expect(created.statusCode).toBe(201);
    const seen = await ctx.app.inject({
      url: `/api/customers/${created.json().id}`,
      headers: { cookie: org.cookie },
    });
    expect(seen.json().name).toBe("Made by a script");
  });

  test("a read key reads, and gets 403 API_KEY_READ_ONLY on any write", async () => {
    const key = await buildApiKey(ctx, org, { scope: "read" });
    expect((await ctx.app.inject({ url: "/api/customers", headers: bearer(key) })).statusCode).toBe(200);
    const customer = await buildCustomer(ctx, org, "Read only");
    for (const [method, url] of [
      ["POST", "/api/customers"],
      ["PUT", `/api/customers/${customer.id}`],
      ["DELETE", `/api/customers/${customer.id}`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, headers: bearer(key), payload: {} });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().code, method).toBe("API_KEY_READ_ONLY");
    }
    const still = await ctx.app.inject({ url: `/api/customers/${customer.id}`, headers: bearer(key) });
    expect(still.json().name).toBe("Read only");
  });

  test("unknown and malformed keys answer 401", async () => {
    for (const secret of [`pk_live_${"0".repeat(43)}`, "not-a-key", `pk_live_${"!".repeat(43)}`]) {
      const res = await ctx.app.inject({ url: "/api/invoices", headers: bearer({ secret }) });
      expect(res.statusCode, secret).toBe(401);
      expect(res.json().code).toBe("API_KEY_INVALID");
    }
  });

  test("revoking works at once", async () => {
    const key = await buildApiKey(ctx, org);
    expect((await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) })).statusCode).toBe(200);
    const revoked = await ctx.app.inject({
      method: "POST",
      url: `/api/api-keys/${key.id}/revoke`,
      headers: { cookie: org.cookie },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const res = await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("API_KEY_INVALID");
  });

  test("an expired key is refused (the server clock moved past its expiry)", async () => {
    const key = await buildApiKey(ctx, org, { expiresAt: new Date(clock.nowMs() + 3600_000).toISOString() });
    expect((await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) })).statusCode).toBe(200);
    clock.advanceClock(2 * 3600_000);
    const res = await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("API_KEY_INVALID");
  });

  test("last used is written, at most once a minute", async () => {
    const key = await buildApiKey(ctx, org);
    expect((await storedKey(key.id))?.lastUsedAt).toBeNull();
    await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    const first = (await storedKey(key.id))?.lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    clock.advanceClock(30_000);
    await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect((await storedKey(key.id))?.lastUsedAt).toEqual(first);
    clock.advanceClock(31_000);
    await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect((await storedKey(key.id))?.lastUsedAt?.getTime()).toBeGreaterThan(
      (first?.getTime() ?? 0) + 60_000,
    );
  });

  test("answers carry RateLimit-* headers counted per key", async () => {
    const key = await buildApiKey(ctx, org);
    const first = await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    const second = await ctx.app.inject({ url: "/api/invoices", headers: bearer(key) });
    expect(first.headers["ratelimit-limit"]).toBe(String(ctx.config.apiKeyRateLimit));
    expect(Number(first.headers["ratelimit-remaining"])).toBe(ctx.config.apiKeyRateLimit - 1);
    expect(Number(second.headers["ratelimit-remaining"])).toBe(ctx.config.apiKeyRateLimit - 2);
    expect(Number(first.headers["ratelimit-reset"])).toBeGreaterThan(0);
    // A session request is not counted against any key.
    const session = await ctx.app.inject({ url: "/api/invoices", headers: { cookie: org.cookie } });
    expect(session.headers["ratelimit-limit"]).toBeUndefined();
  });

  test("a key cannot act on a person's account", async () => {
    const key = await buildApiKey(ctx, org);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password/change",
      headers: bearer(key),
      payload: { currentPassword: "x", newPassword: "another long passphrase" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("API_KEY_NOT_ALLOWED");
  });

  test("a comment written with a key is attributed to the key", async () => {
    const customer = await buildCustomer(ctx, org, "Commented");
    const invoice = await buildInvoice(ctx, org, customer.id);
    const key = await buildApiKey(ctx, org, { name: "CRM bridge" });
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/invoices/${invoice.id}/comments`,
      headers: bearer(key),
      payload: { body: "Synced from the CRM", visibleInPortal: false },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().authorName).toBe("API key CRM bridge");
    const stored = await ctx.database.db.execute(
      sql`select api_key_id from comments where id = ${res.json().id}`,
    );
    expect(stored.rows[0]).toEqual({ api_key_id: key.id });
  });

  test("money recorded with a key names the key; its creator stays the person on record", async () => {
    const customer = await buildCustomer(ctx, org, "Paying");
    const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
    const key = await buildApiKey(ctx, org, { name: "Bank feed" });
    const paid = await recordPayment(ctx, bearer(key), {
      customerId: customer.id,
      invoiceId: invoice.id,
      amountMinor: 1000,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const refunded = await ctx.app.inject({
      method: "POST",
      url: `/api/payments/${paid.json().id}/refunds`,
      headers: bearer(key),
      payload: { amountMinor: 400, method: "transfer", refundedOn: testToday(), expectedRefundedMinor: 0 },
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    const rows = await ctx.database.db.execute(sql`
      select 'payment' as t, p.api_key_id, p.recorded_by as person from payments p where p.id = ${paid.json().id}
      union all select 'allocation', a.api_key_id, a.created_by from allocations a where a.payment_id = ${paid.json().id}
      union all select 'refund', r.api_key_id, r.created_by from refunds r where r.payment_id = ${paid.json().id}`);
    const creator = (await storedKey(key.id))?.createdBy;
    const stored = rows.rows as { t: string; api_key_id: string | null; person: string | null }[];
    // The payment, its allocation, the refund and the allocation the refund took back.
    expect(stored.map((r) => r.t).sort()).toEqual(["allocation", "allocation", "payment", "refund"]);
    for (const row of stored) expect(row).toMatchObject({ api_key_id: key.id, person: creator });
  });
});

describe("who manages keys", () => {
  test("owners and admins may; the staff role may not", () => {
    expect(canManageApiKeys("owner")).toBe(true);
    expect(canManageApiKeys("admin")).toBe(true);
    expect(canManageApiKeys("staff")).toBe(false);
  });

  test("an admin manages keys; a staff member gets 403 FORBIDDEN_ROLE on each key route", async () => {
    const admin = await signInMember(ctx, org, "admin");
    expect((await ctx.app.inject({ url: "/api/api-keys", headers: { cookie: admin } })).statusCode).toBe(200);
    const staff = await signInMember(ctx, org, "staff");
    const key = await buildApiKey(ctx, org);
    for (const req of [
      { method: "GET" as const, url: "/api/api-keys" },
      { method: "POST" as const, url: "/api/api-keys", payload: { name: "Mine", scope: "write" } },
      { method: "POST" as const, url: `/api/api-keys/${key.id}/revoke` },
    ]) {
      const res = await ctx.app.inject({ ...req, headers: { cookie: staff } });
      expect(res.statusCode, req.url).toBe(403);
      expect(res.json().code).toBe("FORBIDDEN_ROLE");
    }
    expect((await storedKey(key.id))?.revokedAt).toBeNull();
  });

  test("a key cannot list, create or revoke keys (a stolen key mints nothing)", async () => {
    const key = await buildApiKey(ctx, org, { scope: "write" });
    const count = async () =>
      (await ctx.database.db.execute(sql`select count(*)::int as n from api_keys`)).rows[0];
    const before = await count();
    for (const req of [
      { method: "GET" as const, url: "/api/api-keys" },
      { method: "POST" as const, url: "/api/api-keys", payload: { name: "More", scope: "write" } },
      { method: "POST" as const, url: `/api/api-keys/${key.id}/revoke` },
    ]) {
      const res = await ctx.app.inject({ ...req, headers: bearer(key) });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().code).toBe("API_KEY_NOT_ALLOWED");
    }
    expect(await count()).toEqual(before);
    expect((await storedKey(key.id))?.revokedAt).toBeNull();
  });

  test("a key cannot read or change the team (a stolen key invites no member)", async () => {
    const key = await buildApiKey(ctx, org, { scope: "write" });
    for (const req of [
      { method: "GET" as const, url: "/api/team" },
      {
        method: "POST" as const,
        url: "/api/team/invitations",
        payload: { email: "mallory@example.test", role: "admin" },
      },
    ]) {
      const res = await ctx.app.inject({ ...req, headers: bearer(key) });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().code).toBe("API_KEY_NOT_ALLOWED");
    }
    const invited = await ctx.database.db.execute(
      sql`select count(*)::int as n from staff_invitations where email = 'mallory@example.test'`,
    );
    expect(invited.rows[0]).toEqual({ n: 0 });
  });

  test("a key cannot read or change the payment gateways (a stolen key reroutes no payment)", async () => {
    const key = await buildApiKey(ctx, org, { scope: "write" });
    for (const req of [
      { method: "GET" as const, url: "/api/payment-gateways" },
      { method: "PUT" as const, url: "/api/payment-gateways", payload: { enabled: [] } },
      {
        method: "PUT" as const,
        url: "/api/payment-gateways/stripe/credentials",
        payload: { secretKey: "sk_live_attacker000", webhookSecret: "whsec_attacker" },
      },
    ]) {
      const res = await ctx.app.inject({ ...req, headers: bearer(key) });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().code).toBe("API_KEY_NOT_ALLOWED");
    }
  });

  test("the service refuses a key principal too, whatever route calls it (second net)", async () => {
    const key = await buildApiKey(ctx, org);
    const principal = await resolveApiKey(ctx.database.db, key.secret);
    expect(principal?.apiKey?.id).toBe(key.id);
    if (!principal) throw new Error("no principal");
    await expect(listApiKeys(ctx.database.db, principal)).rejects.toMatchObject({
      code: "API_KEY_NOT_ALLOWED",
    });
  });

  test("revoking another organisation's key answers 404 and changes nothing", async () => {
    const other = await buildOrg(ctx, "Other keys");
    const theirs = await buildApiKey(ctx, other);
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/api-keys/${theirs.id}/revoke`,
      headers: { cookie: org.cookie },
    });
    expect(res.statusCode).toBe(404);
    expect((await storedKey(theirs.id))?.revokedAt).toBeNull();
  });
});

describe("CSRF and keys", () => {
  const post = (headers: Record<string, string>) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: { origin: "https://evil.example", ...headers },
      payload: { name: "Cross", contacts: [{ name: "C", email: "c@cross.example", isPrimary: true }] },
    });

  test("a key request without cookies is not an origin matter: it works from anywhere, or without Origin", async () => {
    const key = await buildApiKey(ctx, org);
    expect((await post(bearer(key))).statusCode).toBe(201);
    const noOrigin = await ctx.app.inject({
      method: "POST",
      url: "/api/customers",
      headers: bearer(key),
      payload: { name: "No origin", contacts: [{ name: "N", email: "n@cross.example", isPrimary: true }] },
    });
    expect(noOrigin.statusCode).toBe(201);
  });

  test("a cookie request from another origin is still refused, with or without a bearer header", async () => {
    const key = await buildApiKey(ctx, org);
    for (const headers of [{ cookie: org.cookie }, { cookie: org.cookie, ...bearer(key) }]) {
      const res = await post(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("CSRF_REJECTED");
    }
  });
});

describe("the OpenAPI document", () => {
  test("declares the bearer scheme on back-office routes and not on the portal's", async () => {
    const doc = (await ctx.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/invoices"].get.security).toContainEqual({ apiKey: [] });
    expect(doc.paths["/api/customers"].post.security).toContainEqual({ apiKey: [] });
    expect(doc.paths["/api/portal/{slug}/invoices"]?.get?.security).toBeUndefined();
    expect(doc.paths["/api/auth/login"].post.security).toBeUndefined();
    // Routes a key is refused on say so: a session only.
    expect(doc.paths["/api/api-keys"].post.security).toEqual([{ staffSession: [] }]);
    expect(doc.paths["/api/auth/me"].get.security).toEqual([{ staffSession: [] }]);
  });
});

describe("the per-key limit", () => {
  test("is bounded: API_KEY_RATE_LIMIT outside 1 to 10,000 is refused at start", () => {
    expect(loadConfig({}).apiKeyRateLimit).toBe(600);
    for (const value of ["0", "10001", "lots"])
      expect(() => loadConfig({ API_KEY_RATE_LIMIT: value }), value).toThrow(ConfigError);
  });

  test("is configurable; past it a key gets 429 with Retry-After, while another key is untouched", async () => {
    const small = await createTestContext({ API_KEY_RATE_LIMIT: "2" });
    try {
      const owner = await buildOrg(small, "Limited");
      const key = await buildApiKey(small, owner);
      const other = await buildApiKey(small, owner);
      const codes: number[] = [];
      for (let i = 0; i < 3; i++)
        codes.push((await small.app.inject({ url: "/api/taxes", headers: bearer(key) })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      const refused = await small.app.inject({ url: "/api/taxes", headers: bearer(key) });
      expect(refused.json().code).toBe("RATE_LIMITED");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(refused.headers["ratelimit-remaining"]).toBe("0");
      expect((await small.app.inject({ url: "/api/taxes", headers: bearer(other) })).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  }, 60_000);
});
