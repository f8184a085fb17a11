import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { users } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  buildQuote,
  signInContactByLink,
  type TestOrg,
} from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { buildSalesOrder } from "../sales-orders/test-support.js";
import { inviteToTeam, joinTeam, nextAddress } from "../team/test-support.js";
import { SECRET_COLUMNS, SESSION_TABLES, TENANT_TABLES, TOKEN_REMOVED } from "./tenant-tables.js";
import { readZip } from "./zip.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

interface Populated {
  org: TestOrg;
  apiKey: string;
  contactCookie: string;
  issued: number;
}

/** An organisation with a little of everything: customers, issued and draft documents, a key, a portal sign-in. */
async function populate(name: string): Promise<Populated> {
  const org = await buildOrg(ctx, name);
  const customer = await buildCustomer(ctx, org, `${name} Customer`);
  const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  await buildInvoice(ctx, org, customer.id, {
    issue: true,
    kind: "credit_note",
    correctsInvoiceId: invoice.id,
    lines: [{ description: "Refund", quantityMilli: 1000, unitPriceMinor: 5000 }],
  });
  await buildInvoice(ctx, org, customer.id);
  await buildQuote(ctx, org, customer.id, { send: true });
  await buildSalesOrder(ctx, org, customer.id, { confirm: true });
  const email = customer.contacts[0]?.email ?? "";
  const contactCookie = await signInContactByLink(ctx, org, invoice.id, email);
  const key = await ctx.app.inject({
    method: "POST",
    url: "/api/api-keys",
    headers: { cookie: org.cookie },
    payload: { name: "Books", scope: "read" },
  });
  return { org, apiKey: key.json().secret, contactCookie, issued: 4 };
}

/** Every row of the organisation in every tenant table, secrets and sessions included, as text. */
const dump = (orgId: string) =>
  withOrg(ctx.database.db, orgId, async (tx) => {
    const out: Record<string, unknown[]> = {};
    for (const t of TENANT_TABLES)
      out[t.name] = await tx.select().from(t.table).where(eq(t.orgColumn, orgId));
    return JSON.stringify(out);
  });

const get = (cookie: string, url: string) => ctx.app.inject({ method: "GET", url, headers: { cookie } });
const remove = (cookie: string, slug: string) =>
  ctx.app.inject({ method: "POST", url: "/api/organisation/delete", headers: { cookie }, payload: { slug } });

describe("export and deletion of an organisation", () => {
  let a: Populated;
  let b: Populated;
  beforeAll(async () => {
    a = await populate("Alpha");
    b = await populate("Beta");
    // B's owner is also a member of A: a person of another organisation, kept when A goes.
    const token = await inviteToTeam(ctx, a.org, b.org.email, "staff");
    const joined = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/invitation/accept",
      remoteAddress: nextAddress(),
      payload: { token, password: b.org.password },
    });
    expect(joined.statusCode, joined.body).toBe(200);
  });

  test("staff and admins may neither export nor delete", async () => {
    for (const role of ["staff", "admin"]) {
      const member = await joinTeam(ctx, a.org, role);
      expect((await get(member.cookie, "/api/organisation/export")).json().code).toBe("FORBIDDEN_ROLE");
      const res = await remove(member.cookie, a.org.slug);
      expect([res.statusCode, res.json().code]).toEqual([403, "FORBIDDEN_ROLE"]);
    }
  });

  test("the export is one zip of A's rows of every tenant table, no secrets, and a PDF per issued document", async () => {
    const res = await get(a.org.cookie, "/api/organisation/export");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    const files = new Map(readZip(res.rawPayload).map((e) => [e.name, e.data]));
    expect(files.get("README.txt")?.toString()).toContain("password_hash");
    const exported = TENANT_TABLES.filter((t) => !SESSION_TABLES.includes(t.name));
    for (const t of SESSION_TABLES) expect(files.has(`data/${t}.json`)).toBe(false);
    const aIds = new Set<string>();
    const bText = await dump(b.org.orgId);
    for (const t of exported) {
      const text = files.get(`data/${t.name}.json`)?.toString();
      expect(text, t.name).toBeDefined();
      const rows = JSON.parse(text ?? "[]") as Record<string, unknown>[];
      const key = t.name === "organisations" ? "id" : "org_id";
      for (const row of rows) {
        expect(row[key], t.name).toBe(a.org.orgId);
        for (const secret of SECRET_COLUMNS) expect(row, t.name).not.toHaveProperty(secret);
        if (typeof row.id === "string") aIds.add(row.id);
      }
      const count = await withOrg(ctx.database.db, a.org.orgId, (tx) =>
        tx.select().from(t.table).where(eq(t.orgColumn, a.org.orgId)),
      );
      expect(rows.length, t.name).toBe(count.length);
    }
    // the emailed links are in the outbox's bodies: their tokens are not exported
    const mails = files.get("data/emails.json")?.toString() ?? "";
    expect(mails).toContain(TOKEN_REMOVED);
    expect(mails).not.toMatch(/\/l\/[A-Za-z0-9_-]{43}/);
    for (const t of ["customers", "invoices", "quotes", "sales_orders", "memberships", "api_keys"])
      expect(JSON.parse(files.get(`data/${t}.json`)?.toString() ?? "[]").length, t).toBeGreaterThan(0);
    // none of B: no id of A's export appears anywhere in B's rows, and B's org id is nowhere in the archive
    for (const id of aIds) expect(bText).not.toContain(id);
    expect(res.rawPayload.toString("latin1")).not.toContain(b.org.orgId);
    const pdfs = [...files.keys()].filter((n) => n.startsWith("pdf/"));
    expect(pdfs).toHaveLength(a.issued);
    for (const p of pdfs) expect(files.get(p)?.subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("a wrong slug changes nothing", async () => {
    const before = await dump(a.org.orgId);
    const res = await remove(a.org.cookie, `${a.org.slug}x`);
    expect([res.statusCode, res.json().code]).toEqual([422, "ORGANISATION_SLUG_MISMATCH"]);
    expect(res.json().errors?.[0]?.field ?? res.json().fields?.[0]?.field).toBe("slug");
    expect(await dump(a.org.orgId)).toBe(before);
  });

  test("deleting A removes its rows everywhere, ends its session, key and portal sign-in, and leaves B byte for byte", async () => {
    const bBefore = await dump(b.org.orgId);
    expect((await get(a.contactCookie, `/api/portal/${a.org.slug}/invoices`)).statusCode).toBeLessThan(400);
    const res = await remove(a.org.cookie, a.org.slug);
    expect(res.statusCode, res.body).toBe(204);
    expect(String(res.headers["set-cookie"])).toMatch(/portico_staff=;/);
    for (const t of TENANT_TABLES) {
      const rows = await withOrg(ctx.database.db, a.org.orgId, (tx) =>
        tx.select().from(t.table).where(eq(t.orgColumn, a.org.orgId)),
      );
      expect(rows, t.name).toEqual([]);
    }
    expect((await get(a.org.cookie, "/api/organisation")).statusCode).toBe(401);
    const byKey = await ctx.app.inject({
      url: "/api/invoices",
      headers: { authorization: `Bearer ${a.apiKey}` },
    });
    expect(byKey.statusCode).toBe(401);
    expect(
      (await get(a.contactCookie, `/api/portal/${a.org.slug}/invoices`)).statusCode,
    ).toBeGreaterThanOrEqual(400);
    expect(await dump(b.org.orgId)).toBe(bBefore);
    expect((await get(b.org.cookie, "/api/organisation")).statusCode).toBe(200);
    // A's owner belonged to A alone and is gone (free to sign up again); B's owner, also in A, is kept.
    const people = await withSystem(ctx.database.db, (tx) =>
      tx
        .select({ email: users.email })
        .from(users)
        .where(inArray(users.email, [a.org.email, b.org.email])),
    );
    expect(people).toEqual([{ email: b.org.email }]);
  });
});
