import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ConfigError, DEV_APP_SECRET, loadConfig } from "./config.js";
import { DEMO } from "./seed.js";
import { startBanner } from "./start-banner.js";

const GOOD_SECRET = "a-production-secret-of-forty-characters!";
const GOOD_KEY = `k1:${Buffer.alloc(32, 7).toString("base64")}`;
const prod = (env: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: "production",
    APP_SECRET: GOOD_SECRET,
    PUBLIC_URL: "https://portal.example",
    PORTICO_ENCRYPTION_KEY: GOOD_KEY,
    ...env,
  });

const NO_KEY =
  "PORTICO_ENCRYPTION_KEY is not set: set kid:base64 of 32 random bytes (openssl rand -base64 32) to encrypt gateway credentials";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

test("production refuses a missing, default or short APP_SECRET, a missing PUBLIC_URL and an http:// one", () => {
  expect(problemsOf({ NODE_ENV: "production" })).toEqual([
    "APP_SECRET is not set: set a random value of at least 32 characters",
    "PUBLIC_URL is not set: set the https:// address people use to reach Portico",
    NO_KEY,
  ]);
  expect(
    problemsOf({ NODE_ENV: "production", APP_SECRET: DEV_APP_SECRET, PUBLIC_URL: "http://p.example" }),
  ).toEqual([
    "APP_SECRET is the development default: set your own random value",
    "PUBLIC_URL is http://: use https://, or set ALLOW_INSECURE_HTTP=1 to accept it",
    NO_KEY,
  ]);
  expect(
    problemsOf({
      NODE_ENV: "production",
      APP_SECRET: "x".repeat(31),
      PUBLIC_URL: "https://p.example",
      PORTICO_ENCRYPTION_KEY: GOOD_KEY,
    }),
  ).toEqual(["APP_SECRET is shorter than 32 characters"]);
  // The allowance, and a good configuration.
  expect(prod({ PUBLIC_URL: "http://10.0.0.5:3000", ALLOW_INSECURE_HTTP: "1" }).publicUrl).toBe(
    "http://10.0.0.5:3000",
  );
  const ok = prod();
  expect(ok).toMatchObject({ isProduction: true, appSecret: GOOD_SECRET, secureCookies: true });
});

test("outside production the development defaults still serve the demo", () => {
  const dev = loadConfig({});
  expect(dev).toMatchObject({
    isProduction: false,
    appSecret: DEV_APP_SECRET,
    publicUrl: "http://localhost:3000",
    demo: true,
    sandboxGateway: true,
    trustProxy: false,
    secureCookies: false,
  });
  expect(loadConfig({ PORTICO_DEMO: "0" })).toMatchObject({ demo: false, sandboxGateway: true });
});

test("production has no demo and no sandbox gateway unless PORTICO_DEMO=1", () => {
  expect(prod()).toMatchObject({ demo: false, sandboxGateway: false });
  expect(prod({ PORTICO_DEMO: "1" })).toMatchObject({ demo: true, sandboxGateway: true });
  expect(prod({ PORTICO_DEMO: "0" })).toMatchObject({ demo: false, sandboxGateway: false });
  expect(problemsOf({ PORTICO_DEMO: "yes" })[0]).toMatch(/^PORTICO_DEMO: /);
});

test("TRUST_PROXY is off by default, a hop count or a list of addresses and CIDRs; anything else is refused", () => {
  expect(loadConfig({}).trustProxy).toBe(false);
  expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
  expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
  expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8" }).trustProxy).toEqual([
    "127.0.0.1",
    "10.0.0.0/8",
    "::1",
    "fd00::/8",
  ]);
  for (const bad of ["true", "yes", "10.0.0.0/33", "proxy.local", "127.0.0.1,", "1.2.3"]) {
    const [problem] = problemsOf({ TRUST_PROXY: bad });
    expect(problem, bad).toMatch(/^TRUST_PROXY: /);
  }
});

test("the production start banner prints no password and no sign-in link, even with the demo on", () => {
  const facts = {
    databaseKind: "pglite" as const,
    seeded: true,
    portalLink: "https://x/p/l/tok",
    mailMode: "outbox" as const,
  };
  const banner = startBanner(prod({ PORTICO_DEMO: "1" }), facts);
  for (const secret of [DEMO.password, DEMO.contactPassword, "https://x/p/l/tok", "/login"])
    expect(banner).not.toContain(secret);
  const dev = startBanner(loadConfig({}), facts);
  expect(dev).toContain(DEMO.password);
  expect(dev).toContain("https://x/p/l/tok");
});

test("the real server refuses a bad production configuration on stderr, before opening the database", () => {
  const dir = mkdtempSync(join(tmpdir(), "portico-prod-"));
  const dataDir = join(dir, "data");
  try {
    const run = spawnSync("node_modules/.bin/tsx", ["src/server/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        APP_SECRET: DEV_APP_SECRET,
        PUBLIC_URL: "http://portal.example",
        TRUST_PROXY: "true",
        DATA_DIR: dataDir,
        PORT: "0",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "Portico refuses to start in production:",
      "  APP_SECRET is the development default: set your own random value",
      "  PUBLIC_URL is http://: use https://, or set ALLOW_INSECURE_HTTP=1 to accept it",
      `  ${NO_KEY}`,
      '  TRUST_PROXY: "true" is not a hop count or a list of proxy addresses/CIDRs (e.g. 1, or 127.0.0.1,10.0.0.0/8)',
    ]);
    expect(run.stdout).toBe("");
    expect(existsSync(dataDir)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("SIGNUP is open unless set to closed; anything else is refused", () => {
  expect(loadConfig({}).signupOpen).toBe(true);
  expect(loadConfig({ SIGNUP: "open" }).signupOpen).toBe(true);
  expect(loadConfig({ SIGNUP: "closed" }).signupOpen).toBe(false);
  expect(problemsOf({ SIGNUP: "off" })[0]).toMatch(/^SIGNUP: /);
});

test("gateway credentials' keyring: production needs PORTICO_ENCRYPTION_KEY; a bad one is refused; dev derives one", () => {
  const second = `old:${Buffer.alloc(32, 9).toString("base64")}`;
  const ring = prod({ PORTICO_ENCRYPTION_KEY: `${GOOD_KEY},${second}` }).encryptionKeys;
  expect(ring.map((k) => [k.id, k.key.length])).toEqual([
    ["k1", 32],
    ["old", 32],
  ]);
  expect(problemsOf({ PORTICO_ENCRYPTION_KEY: "k1:c2hvcnQ=" })).toEqual([
    'PORTICO_ENCRYPTION_KEY: key "k1" is not 32 bytes of base64',
  ]);
  expect(problemsOf({ PORTICO_ENCRYPTION_KEY: "nokey" })).toHaveLength(1);
  expect(problemsOf({ PORTICO_ENCRYPTION_KEY: `${GOOD_KEY},${GOOD_KEY}` })).toEqual([
    'PORTICO_ENCRYPTION_KEY: key id "k1" appears twice',
  ]);
  const dev = loadConfig({}).encryptionKeys;
  expect(dev.map((k) => [k.id, k.key.length])).toEqual([["dev", 32]]);
  expect(loadConfig({}).gateways).toEqual({
    stripeApiBase: "https://api.stripe.com",
    paypalApiBase: "https://api-m.paypal.com",
    redsysBase: "https://sis.redsys.es",
    timeoutMs: 10_000,
  });
});

test("the end-to-end tests' clock is off by default, on with PORTICO_TEST_CLOCK=1, refused in production", () => {
  expect(loadConfig({}).testClock).toBe(false);
  expect(loadConfig({ PORTICO_TEST_CLOCK: "1" }).testClock).toBe(true);
  expect(prod().testClock).toBe(false);
  expect(() => prod({ PORTICO_TEST_CLOCK: "1" })).toThrow(ConfigError);
  expect(
    problemsOf({
      NODE_ENV: "production",
      APP_SECRET: GOOD_SECRET,
      PUBLIC_URL: "https://portal.example",
      PORTICO_ENCRYPTION_KEY: GOOD_KEY,
      PORTICO_TEST_CLOCK: "1",
    }),
  ).toEqual([expect.stringMatching(/^PORTICO_TEST_CLOCK=1 .*never production$/)]);
});

test("WORKERS: one process by default, 1..64 whole processes, more than one only on PostgreSQL", () => {
  const pg = { DATABASE_URL: "postgres://portico@db.example/portico" };
  expect(loadConfig({}).workers).toBe(1);
  expect(loadConfig({ ...pg, WORKERS: "4" }).workers).toBe(4);
  expect(loadConfig({ WORKERS: "1" }).workers).toBe(1);
  const range = "WORKERS: WORKERS must be a whole number of processes from 1 to 64";
  expect(problemsOf({ ...pg, WORKERS: "0" })).toEqual([range]);
  expect(problemsOf({ ...pg, WORKERS: "65" })).toEqual([range]);
  expect(problemsOf({ ...pg, WORKERS: "1.5" })).toEqual([range]);
  expect(problemsOf({ ...pg, WORKERS: "many" })).toHaveLength(1);
  // The embedded database (PGlite) lives in one process: a clear one-line refusal, before anything starts.
  expect(problemsOf({ WORKERS: "2" })).toEqual([
    "WORKERS=2 needs PostgreSQL (DATABASE_URL): the embedded database serves one process only",
  ]);
});

test("a worker that keeps dying young is re-forked after 1 s, 2 s, 4 s … at most 30 s; one that served, at once", async () => {
  const { refork } = await import("./cluster.js");
  expect([0, 1, 2, 3, 4, 5, 6, 10].map(refork)).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
});
