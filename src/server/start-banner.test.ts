import { expect, test } from "vitest";
import { loadConfig } from "./config.js";
import { DEMO } from "./seed.js";
import { startBanner } from "./start-banner.js";

const facts = (seeded: boolean) => ({
  databaseKind: "pglite" as const,
  seeded,
  portalLink: seeded ? "http://localhost:3000/p/estudio-nube/l/tok" : null,
  mailMode: "outbox" as const,
});

test("the first start (demo just seeded) prints the demo sign-ins and the portal link", () => {
  const banner = startBanner(loadConfig({}), facts(true));
  expect(banner).toContain(`${DEMO.email} / ${DEMO.password}`);
  expect(banner).toContain(`${DEMO.contactEmail} / ${DEMO.contactPassword}`);
  expect(banner).toContain("/p/estudio-nube/l/tok");
  expect(banner).toContain("/app");
});

test("a later start prints the addresses, no password and no link, and points to the README", () => {
  const config = loadConfig({});
  // Even when a caller hands a link, a start that did not seed prints none (it may have been changed since).
  const banner = startBanner(config, { ...facts(false), portalLink: "http://x/p/estudio-nube/l/tok" });
  for (const secret of [DEMO.password, DEMO.contactPassword, "/l/tok"]) expect(banner).not.toContain(secret);
  expect(banner).toContain(`${config.publicUrl}/app`);
  expect(banner).toContain(`${config.publicUrl}/p/${DEMO.slug}/login`);
  expect(banner).toContain(`${config.publicUrl}/api/docs`);
  expect(banner).toMatch(/README/);
});
