import { sql } from "drizzle-orm";
import type { TestContext } from "../harness.js";
import type { TenantWorld } from "./fixtures.js";
import { exampleOf } from "./openapi-examples.js";

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is plain JSON.
type Json = any;
export interface Route {
  method: string;
  path: string;
  op: Json;
}

// Routes that act on the caller's own session, or are verified by signature rather than by scope.
export const SELF_ONLY = new Set([
  "POST /api/auth/logout",
  "POST /api/portal/{slug}/logout",
  "POST /api/auth/login",
  // Creates an organisation and moves the caller's session into it (tested in modules/signup).
  "POST /api/organisations",
]);
export const SIGNED = /^\S+ \/api\/gateways\//;
/**
 * Live streams (G4) never end, so a crawl cannot wait for them; their scope (another customer's or
 * organisation's stream receives nothing) is tested over a real socket in src/server/realtime.
 */
export const STREAM = /^GET \S+\/events$/;
/**
 * Open to anyone by design: public branding, and the routes a person without a session uses, which
 * are verified by a token or answer the same whatever the email (their refusals are tested in
 * modules/portal-auth). The crawls still call them and the fingerprints prove they changed nothing.
 */
export const PUBLIC = new Set([
  "GET /api/portal/{slug}",
  "GET /api/portal/{slug}/logo",
  "POST /api/portal/{slug}/login",
  "POST /api/portal/{slug}/password/forgot",
  "POST /api/portal/{slug}/password/reset",
  "GET /api/portal/{slug}/invitation/{token}",
  "POST /api/portal/{slug}/invitation/accept",
  "POST /api/auth/password/forgot",
  "POST /api/auth/password/reset",
  // Sign-up (issue 12): what the sign-in page may offer, the sign-up itself and its live slug check.
  "GET /api/auth/options",
  "POST /api/signup",
  "GET /api/signup/slug",
  "GET /api/auth/invitation/{token}",
  "POST /api/auth/invitation/accept",
  // Unsubscribe links of staff notifications (decision 044): the signed token is the credential.
  "GET /api/unsubscribe",
  "POST /api/unsubscribe",
  "POST /api/unsubscribe/undo",
]);

export async function loadRoutes(ctx: TestContext): Promise<Route[]> {
  const doc = (await ctx.app.inject({ url: "/api/openapi.json" })).json() as Json;
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), path, op });
  }
  return out;
}

export const keyOf = (r: Route) => `${r.method} ${r.path}`;
/** A path parameter other than the portal's slug names an object: the request aims at that object. */
const hasIdParam = (r: Route) => /\{(?!slug\})\w+\}/.test(r.path);

/** Ids of the victim, chosen by what the path or the property names. */
export function victimId(victim: TenantWorld, name: string, path: string): string {
  if (/contact/i.test(name)) return victim.customers[0].contacts[0]?.id ?? "";
  if (/tax/i.test(name)) return victim.taxId;
  if (name === "attachmentId") return victim.messageAttachments[0];
  if (path.startsWith("/api/messages")) return victim.messageThreads[0];
  if (/customer/i.test(name) || path.startsWith("/api/customers")) return victim.customers[0].id;
  if (path.startsWith("/api/outbox")) return victim.emailId;
  if (path.startsWith("/api/quotes")) return victim.quotes[0].id;
  if (path.startsWith("/api/sales-orders")) return victim.salesOrders[0].id;
  if (name === "taskId") return victim.projectTaskId;
  if (/^projectId$/.test(name) || path.startsWith("/api/projects")) return victim.projects[0].id;
  if (path.startsWith("/api/time-entries")) return victim.timeEntryId;
  return victim.invoices[0].id;
}

export function buildRequest(route: Route, slug: string, idFor: (name: string) => string) {
  // Every path parameter by its name ({id}, {customerId}, {contactId}…), so new routes need no edit here.
  const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === "slug" ? slug : name === "index" ? "0" : encodeURIComponent(idFor(name)),
  );
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of route.op.parameters ?? []) {
    if (p.in === "query" && p.required) query[p.name] = String(exampleOf(p.schema, idFor, p.name));
    if (p.in === "header") headers[p.name] = String(exampleOf(p.schema, idFor, p.name));
  }
  const bodySchema = route.op.requestBody?.content?.["application/json"]?.schema;
  const qs = new URLSearchParams(query).toString();
  return {
    method: route.method as "GET",
    url: qs ? `${url}?${qs}` : url,
    headers,
    payload: bodySchema ? (exampleOf(bodySchema, idFor) as object) : route.method === "GET" ? undefined : {},
  };
}

const secretsOf = (v: TenantWorld) => [
  v.org.orgId,
  v.customers[0].id,
  v.customers[1].id,
  v.invoices[0].id,
  v.quotes[0].id,
  v.salesOrders[0].id,
  v.projects[0].id,
  v.timeEntryId,
  v.messageThreads[0],
  v.customers[0].name,
];

function checkNoLeak(key: string, body: string, victim: TenantWorld, failures: string[]) {
  for (const secret of secretsOf(victim)) if (body.includes(secret)) failures.push(`${key} leaks ${secret}`);
}

/** Staff of `attacker` (its owner's cookie, or `credentials` such as an API key) call every back-office route with the victim's ids. */
export async function crawlAsStaff(
  ctx: TestContext,
  routes: Route[],
  attacker: TenantWorld,
  victim: TenantWorld,
  credentials: Record<string, string> = { cookie: attacker.org.cookie },
) {
  const failures: string[] = [];
  for (const route of routes) {
    const key = keyOf(route);
    if (
      SELF_ONLY.has(key) ||
      SIGNED.test(key) ||
      STREAM.test(key) ||
      route.path.startsWith("/api/portal/") ||
      route.path.startsWith("/api/openapi")
    )
      continue;
    const req = buildRequest(route, victim.org.slug, (n) => victimId(victim, n, route.path));
    const res = await ctx.app.inject({ ...req, headers: { ...req.headers, ...credentials } });
    // A public route's path parameter is a token, not an object of the victim: only its answer is checked.
    const aimsAtVictim =
      !PUBLIC.has(key) &&
      (hasIdParam(route) || secretsOf(victim).some((s) => JSON.stringify(req.payload ?? {}).includes(s)));
    if (aimsAtVictim && ![403, 404].includes(res.statusCode))
      failures.push(`${key} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    if (res.statusCode < 300) checkNoLeak(key, res.body, victim, failures);
  }
  return failures;
}

/** A contact of the attacker's first customer calls every portal route aimed at other customers' data. */
export async function crawlAsContact(
  ctx: TestContext,
  routes: Route[],
  attacker: TenantWorld,
  victim: TenantWorld,
) {
  const failures: string[] = [];
  // Each target names the document a route aims at by the kind of document in its path.
  const targets = [
    {
      slug: attacker.org.slug,
      id: attacker.invoices[1].id,
      quoteId: attacker.quotes[1].id,
      salesOrderId: attacker.salesOrders[1].id,
      threadId: attacker.messageThreads[1],
      attachmentId: attacker.messageAttachments[1],
      who: "same org, other customer",
    },
    {
      slug: attacker.org.slug,
      id: victim.invoices[0].id,
      quoteId: victim.quotes[0].id,
      salesOrderId: victim.salesOrders[0].id,
      threadId: victim.messageThreads[0],
      attachmentId: victim.messageAttachments[0],
      who: "other org, through own portal",
    },
    {
      slug: victim.org.slug,
      id: victim.invoices[0].id,
      quoteId: victim.quotes[0].id,
      salesOrderId: victim.salesOrders[0].id,
      threadId: victim.messageThreads[0],
      attachmentId: victim.messageAttachments[0],
      who: "other org's portal",
    },
  ];
  for (const route of routes.filter((r) => r.path.startsWith("/api/portal/"))) {
    const key = keyOf(route);
    if (SELF_ONLY.has(key)) continue;
    for (const t of targets) {
      // Another portal's stream is refused before it opens; the own one would never end.
      if (STREAM.test(key) && t.slug === attacker.org.slug) continue;
      const req = buildRequest(route, t.slug, (name) =>
        name === "attachmentId"
          ? t.attachmentId
          : route.path.includes("/messages")
            ? t.threadId
            : route.path.includes("/quotes")
              ? t.quoteId
              : route.path.includes("/sales-orders")
                ? t.salesOrderId
                : t.id,
      );
      const res = await ctx.app.inject({
        ...req,
        headers: { ...req.headers, cookie: attacker.contactCookie },
      });
      if (PUBLIC.has(key)) {
        checkNoLeak(key, res.body, victim, failures);
        continue;
      }
      const ownPortalList = !hasIdParam(route) && t.slug === attacker.org.slug;
      if (ownPortalList) {
        // e.g. /me or the invoice list: the contact's own data, never the sibling customer's or the victim's.
        checkNoLeak(key, res.body, victim, failures);
        if (res.body.includes(attacker.invoices[1].id))
          failures.push(`${key} leaks the sibling customer's invoice`);
        if (res.body.includes(attacker.quotes[1].id))
          failures.push(`${key} leaks the sibling customer's quote`);
        if (res.body.includes(attacker.salesOrders[1].id))
          failures.push(`${key} leaks the sibling customer's sales order`);
        if (res.body.includes(attacker.messageThreads[1]))
          failures.push(`${key} leaks the sibling customer's message thread`);
      } else if (![401, 403, 404].includes(res.statusCode)) {
        failures.push(`${key} (${t.who}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
  }
  return failures;
}

/** No cookie at all: every route but the public ones answers 401, or 404 for what does not exist. */
export async function crawlAnonymously(ctx: TestContext, routes: Route[], victim: TenantWorld) {
  const failures: string[] = [];
  for (const route of routes) {
    const key = keyOf(route);
    if (SELF_ONLY.has(key) || SIGNED.test(key) || route.path.startsWith("/api/openapi")) continue;
    const res = await ctx.app.inject(
      buildRequest(route, victim.org.slug, (n) => victimId(victim, n, route.path)),
    );
    if (PUBLIC.has(key)) {
      // Public answers carry nothing of the organisation but its branding.
      if (res.statusCode < 300 && !key.endsWith("{slug}") && !key.endsWith("/logo"))
        checkNoLeak(key, res.body, victim, failures);
      continue;
    }
    if (![401, 404].includes(res.statusCode))
      failures.push(`${key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
  }
  return failures;
}

/** A fingerprint of every row of one organisation, read as the owner, to prove nothing changed. */
export async function fingerprint(ctx: TestContext, orgId: string): Promise<string> {
  const tables = await ctx.database.db.execute(sql`
    select table_name as t from information_schema.columns
     where column_name = 'org_id' and table_schema = 'public' order by 1`);
  const parts: string[] = [];
  for (const { t } of tables.rows as { t: string }[]) {
    const r = await ctx.database.db.execute(
      sql`select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${sql.identifier(t)} x where org_id = ${orgId}`,
    );
    parts.push(`${t}:${(r.rows[0] as { h: string }).h}`);
  }
  const org = await ctx.database.db.execute(
    sql`select md5(o::text) as h from organisations o where id = ${orgId}`,
  );
  return `${parts.join(",")};org:${(org.rows[0] as { h: string }).h}`;
}
