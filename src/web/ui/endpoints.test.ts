import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const SEGMENTS = ["invoices", "quotes", "sales-orders", "timesheets"];
const SEGMENT = /\$\{segment\}/;

/**
 * "METHOD /path" of every route the server's route files register, read as text: a `${name}` prefix is
 * the file's string constant of that name, and `${segment}` stands for each document kind's segment.
 */
function serverRoutes(): Set<string> {
  const routes = new Set<string>();
  const dir = join(ROOT, "src/server/modules");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".routes.ts"),
  );
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    const constants = new Map(
      [...text.matchAll(/const (\w+) = "([^"]+)";/g)].map(([, name, value]) => [name ?? "", value ?? ""]),
    );
    for (const [, method, path] of text.matchAll(/\br\.(get|post|put|delete)\(\s*["`]([^"`]+)["`]/g)) {
      const resolved = (path ?? "").replace(
        /\$\{(\w+)\}/g,
        (whole, name: string) => constants.get(name) ?? whole,
      );
      const expanded = SEGMENT.test(resolved)
        ? SEGMENTS.map((segment) => resolved.replace(SEGMENT, segment))
        : [resolved];
      for (const one of expanded) routes.add(`${method?.toUpperCase()} ${one}`);
    }
  }
  return routes;
}

describe("the endpoint table", () => {
  test("names only routes the server registers, with the server's parameter names", () => {
    const table = readFileSync(join(import.meta.dirname, "endpoints.ts"), "utf8");
    const listed = [...table.matchAll(/"((?:GET|POST|PUT|DELETE) \/api[^"]*)"/g)].map(([, route]) => route);
    expect(listed.length).toBeGreaterThan(60);
    const registered = serverRoutes();
    expect(listed.filter((route) => !registered.has(route ?? ""))).toEqual([]);
  });
});
