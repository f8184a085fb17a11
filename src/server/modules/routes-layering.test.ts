import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Issue 11: a route parses, authorises and calls one service, and the service owns the transaction. A
 * route that opened its own would put a rule where no service test sees it, so none may.
 */
describe("route files", () => {
  const server = new URL("..", import.meta.url).pathname;
  const routeFiles = (readdirSync(server, { recursive: true }) as string[]).filter((f) =>
    f.endsWith(".routes.ts"),
  );

  test("are found (the scan would otherwise pass by seeing nothing)", () => {
    expect(routeFiles.length).toBeGreaterThan(20);
    expect(routeFiles).toContain(join("realtime", "events.routes.ts"));
  });

  test("open no transaction: no withOrg, withContact, withSystem or .transaction(", () => {
    const offenders = routeFiles.flatMap((f) => {
      const text = readFileSync(join(server, f), "utf8");
      const found = [...text.matchAll(/\b(withOrg|withContact|withSystem)\b|\.transaction\(/g)].map(
        (m) => m[0],
      );
      return found.length > 0 ? [`${f}: ${[...new Set(found)].join(", ")}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
