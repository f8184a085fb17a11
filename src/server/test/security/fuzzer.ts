import type { InjectOptions } from "fastify";
import type { TestContext } from "../harness.js";
import { buildRequest, keyOf, type Route, SELF_ONLY, SIGNED, STREAM, victimId } from "./crawler.js";
import type { TenantWorld } from "./fixtures.js";
import { exampleOf } from "./openapi-examples.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON schema of the OpenAPI document is untyped here.
type Schema = any;

/**
 * A fixed corpus of bad input (no randomness, so a failure reproduces): every JSON route of the OpenAPI
 * document is called by someone allowed to call it, with a request that is valid but for one thing.
 * Whatever the answer, it is never a 5xx, and an error answer is problem+json with a `code`.
 */
const BIG = "x".repeat(1024 * 1024);
const NUL = "a\u0000b";
const STRING_VALUES: unknown[] = [NUL, BIG, 12345, null];
const NUMBER_VALUES: unknown[] = [1e15, -1e15, 1.5, -1, 1e300, 2 ** 53, "12", null, Number.MAX_SAFE_INTEGER];
const DATE_VALUES: unknown[] = ["0000-01-01", "9999-12-31", "2026-02-30", "1899-12-31", "2200-01-01", NUL];
const CURRENCY_VALUES: unknown[] = ["ZZZ", "XXX", "BTC", "XAU", "eur", NUL];
const UUID_VALUES: unknown[] = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", NUL, 7];
const PATH_IDS = ["not-a-uuid", "%00", "%E0%A4%A", "a".repeat(5000), "00000000-0000-0000-0000-000000000000"];
const QUERY_VALUES = [
  "a%00b",
  "%E0%A4%A",
  "x".repeat(4000),
  "-1",
  "1.5",
  "0000-01-01",
  "9999-12-31",
  "0000-01",
  "9999-12",
  "ZZZ",
];

export interface FuzzCase {
  key: string;
  what: string;
  req: InjectOptions;
}

const nonNull = (schema: Schema): Schema => {
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (variants) return nonNull(variants.find((v: Schema) => v.type !== "null") ?? variants[0]);
  return schema;
};
const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema?.type) ? schema.type.find((t: string) => t !== "null") : schema?.type;

function badValuesFor(schema: Schema): unknown[] {
  const s = nonNull(schema);
  const type = typeOf(s);
  if (s?.enum) return ["not-in-enum", NUL, 3];
  if (type === "string") {
    if (s.format === "date" || s.format === "date-time") return DATE_VALUES;
    if (s.format === "uuid") return UUID_VALUES;
    if (s.pattern === "^[A-Z]{3}$") return CURRENCY_VALUES;
    return STRING_VALUES;
  }
  if (type === "integer" || type === "number") return NUMBER_VALUES;
  if (type === "boolean") return ["yes", NUL];
  if (type === "array") return ["x", [null], Array.from({ length: 10_000 }, () => 1)];
  if (type === "object") return ["x", [], null];
  return [NUL, BIG];
}

type Path = (string | number)[];

/** Every property of a body schema, nested objects and the first item of arrays included (3 levels). */
function leaves(
  schema: Schema,
  path: Path = [],
  depth = 0,
): { path: Path; schema: Schema; required: boolean }[] {
  const s = nonNull(schema);
  const out: { path: Path; schema: Schema; required: boolean }[] = [];
  if (depth > 3 || !s) return out;
  if (typeOf(s) === "object" && s.properties) {
    for (const [name, prop] of Object.entries(s.properties)) {
      const p = [...path, name];
      out.push({ path: p, schema: prop, required: (s.required ?? []).includes(name) });
      out.push(...leaves(prop, p, depth + 1));
    }
  } else if (typeOf(s) === "array" && s.items) {
    out.push(...leaves(s.items, [...path, 0], depth + 1));
  }
  return out;
}

/** A copy of `base` with `value` at `path` (or the property removed), building what is missing. */
function withValue(base: unknown, bodySchema: Schema, path: Path, value: unknown, remove = false): unknown {
  const root = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  let schema = nonNull(bodySchema);
  for (const [i, step] of path.entries()) {
    const child = nonNull(typeOf(schema) === "array" ? schema.items : schema?.properties?.[step]);
    if (i === path.length - 1) {
      if (remove) delete node[step];
      else node[step] = value;
      break;
    }
    if (node[step] === null || typeof node[step] !== "object")
      node[step] = exampleOf(child, () => "00000000-0000-4000-8000-000000000000", String(step));
    node = node[step] as Record<string | number, unknown>;
    schema = child;
  }
  return root;
}

function casesFor(route: Route, base: ReturnType<typeof buildRequest>, cookie: string): FuzzCase[] {
  const key = keyOf(route);
  const out: FuzzCase[] = [];
  const headers = { ...base.headers, cookie };
  const add = (what: string, req: Partial<InjectOptions>) =>
    out.push({
      key,
      what,
      req: { method: base.method, url: base.url, ...req, headers: { ...headers, ...req.headers } },
    });

  const bodySchema = route.op.requestBody?.content?.["application/json"]?.schema;
  if (bodySchema) {
    const json = { "content-type": "application/json" };
    add("malformed JSON", { payload: '{"a": ', headers: json });
    add("JSON with a NUL escape in a key", { payload: '{"\\u0000": 1}', headers: json });
    add("a text/plain body", { payload: "hello", headers: { "content-type": "text/plain" } });
    add("an unknown content type", { payload: "<x/>", headers: { "content-type": "application/xml" } });
    add("an array body", { payload: "[]", headers: json });
    add("a __proto__ key", { payload: '{"__proto__": {"isAdmin": true}}', headers: json });
    add("a JSON null body", { payload: "null", headers: json });
    add("an empty object", { payload: {} });
    add("a 3 MB body", { payload: { pad: "x".repeat(3 * 1024 * 1024) } });
    // Each number at the largest value its schema allows, all at once: computed totals must stay bounded.
    let atMax: unknown = base.payload;
    for (const leaf of leaves(bodySchema)) {
      const s = nonNull(leaf.schema);
      if (typeOf(s) === "integer" || typeOf(s) === "number")
        atMax = withValue(atMax, bodySchema, leaf.path, s.maximum ?? 1e15);
    }
    add("every number at its maximum", { payload: atMax as object });
    for (const leaf of leaves(bodySchema)) {
      const where = leaf.path.join(".");
      if (leaf.required)
        add(`without ${where}`, {
          payload: withValue(base.payload, bodySchema, leaf.path, undefined, true) as object,
        });
      for (const value of badValuesFor(leaf.schema)) {
        const shown =
          typeof value === "string" && value.length > 40 ? `${value.length} chars` : JSON.stringify(value);
        add(`${where} = ${shown}`, {
          payload: withValue(base.payload, bodySchema, leaf.path, value) as object,
        });
      }
    }
  }
  const [path, qs] = base.url.split("?");
  for (const p of route.op.parameters ?? []) {
    if (p.in !== "query") continue;
    for (const value of QUERY_VALUES) {
      const params = new URLSearchParams(qs ?? "");
      params.delete(p.name);
      const rest = params.toString();
      add(`?${p.name}=${value.slice(0, 20)}`, {
        url: `${path}?${rest ? `${rest}&` : ""}${p.name}=${value}`,
        payload: base.payload as object,
      });
    }
  }
  for (const p of route.op.parameters ?? []) {
    if (p.in !== "query") continue;
    const params = new URLSearchParams(qs ?? "");
    params.delete(p.name);
    params.append(p.name, "a");
    params.append(p.name, "b");
    add(`?${p.name} twice`, { url: `${path}?${params}`, payload: base.payload as object });
  }
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  for (const name of names.filter((n) => n !== "slug" && n !== "index")) {
    for (const bad of PATH_IDS) {
      // The same request with this one path parameter replaced.
      const segments = route.path.split("/");
      const real = (path ?? "").split("/");
      const url = segments.map((seg, i) => (seg === `{${name}}` ? bad : real[i])).join("/");
      add(`{${name}} = ${bad.slice(0, 20)}`, {
        url: qs ? `${url}?${qs}` : url,
        payload: base.payload as object,
      });
    }
  }
  return out;
}

/** Routes that would end the caller's session or that a crawl cannot call (streams, signed webhooks). */
const skip = (key: string) =>
  SELF_ONLY.has(key) || SIGNED.test(key) || STREAM.test(key) || key.includes("/api/openapi");

/** The fixed corpus for every route: staff for the back office, the world's contact for the portal. */
export function fuzzCases(routes: Route[], world: TenantWorld): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (const route of routes) {
    const key = keyOf(route);
    if (skip(key)) continue;
    if (route.path.startsWith("/api/portal/")) {
      const base = buildRequest(route, world.org.slug, () =>
        route.path.includes("/quotes")
          ? world.quotes[0].id
          : route.path.includes("/sales-orders")
            ? world.salesOrders[0].id
            : world.invoices[0].id,
      );
      out.push(...casesFor(route, base, world.contactCookie));
    } else {
      const base = buildRequest(route, world.org.slug, (n) => victimId(world, n, route.path));
      out.push(...casesFor(route, base, world.org.cookie));
    }
  }
  return out;
}

/** Runs the corpus; every answer ≥ 500, or an error answer that is not problem+json with a code, fails. */
export async function runFuzz(ctx: TestContext, cases: FuzzCase[]) {
  const failures: string[] = [];
  let serverErrors = 0;
  for (const c of cases) {
    const res = await ctx.app.inject(c.req);
    if (res.statusCode >= 500) serverErrors++;
    if (res.statusCode < 400) continue;
    const type = String(res.headers["content-type"] ?? "");
    let code: unknown;
    try {
      code = res.json().code;
    } catch {
      code = undefined;
    }
    if (res.statusCode >= 500 || !type.startsWith("application/problem+json") || typeof code !== "string")
      failures.push(`${c.key} [${c.what}] → ${res.statusCode} ${type} ${res.body.slice(0, 140)}`);
  }
  return { failures, serverErrors };
}
