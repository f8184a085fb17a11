// Several app processes on one PostgreSQL (issue 18): `npm run bench -- scale` or
// `npx tsx bench/scale.ts [seconds per run]` (10 by default; about 5 minutes in all).
//
// One fresh database (made on the server of DATABASE_URL / TEST_DATABASE_URL and dropped afterwards, else a
// throwaway cluster of scripts/pg-cluster.sh), seeded once with the demo organisation plus CUSTOMERS customers
// of INVOICES issued invoices each (through the API, vacuumed and analysed); then for 1, 2 and 4 processes the
// compiled server in production mode (`WORKERS=N node dist/server/main.js`, built first when stale) under
// autocannon, CONNECTIONS connections, each round of requests as another customer's contact:
//   (a) portal reads: /home, /invoices and one of its invoices in turn;
//   (b) online payments through the sandbox gateway: the contact opens a checkout of 5.00 € on one of its
//       invoices (`POST …/invoices/{id}/pay`), then the gateway's signed webhook confirms it
//       (`POST /api/gateways/sandbox/webhook`), which records the payment, its allocation and its receipt
//       number, the invoice's new paid amount and status, the audit and the receipt email, in one
//       transaction — the real write path, racing other payments of the same organisation.
// After each process count the money invariants (src/server/test/money-invariants.ts) are checked in SQL, and
// what the webhooks said they recorded is compared with the payments in the database. Each run also reads the
// CPU of PostgreSQL (its postmaster's process tree in /proc), of the app processes and of this load
// generator, against the machine's, and samples the sessions waiting on a lock, so the output can say where
// the limit is. Rows (req/s and p99 per count, ratio to 1 process) go to bench/results/scale.json.
//
// SCALE_SPREAD=ports starts N separate one-process servers on N ports instead of `WORKERS=N` (autocannon spreads
// its connections over them): what node:cluster does, without it. SCALE_PROCESSES=1,2 narrows the counts.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import autocannon, { type Result, type SequenceRequest } from "autocannon";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { organisations } from "../src/server/db/schema/index.js";
import { withOrg, withSystem } from "../src/server/db/scope.js";
import { Mailer } from "../src/server/email/mailer.js";
import { sandboxSignature } from "../src/server/gateways/sandbox/sandbox-signature.js";
import { contactCookieName } from "../src/server/http/cookies.js";
import { startContactSession } from "../src/server/modules/contact-sessions/contact-sessions.service.js";
import { createOrganisation } from "../src/server/modules/organisation/create-organisation.js";
import { DEMO, seedDemoIfEmpty } from "../src/server/seed.js";
import { cookieHeader } from "../src/server/test/factories.js";
import { checkMoneyInvariants, type Violation } from "../src/server/test/money-invariants.js";
import { type ResultRow, writeResult } from "./results.js";

const root = join(import.meta.dirname, "..");
const adminUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  // No server given: run this same bench again inside a throwaway cluster, as bench/http.ts does.
  const run = spawnSync(
    "bash",
    [join(root, "scripts/pg-cluster.sh"), "npx", "tsx", "bench/scale.ts", ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(run.status ?? 1);
}

const SECONDS = Number(process.argv[2] ?? 10);
const WARM_UP_SECONDS = 2;
const COUNTS = (process.env.SCALE_PROCESSES ?? "1,2,4").split(",").map(Number);
const SPREAD = process.env.SCALE_SPREAD === "ports" ? "ports" : "workers";
/** A multiple of 4, so that SCALE_SPREAD=ports gives every process as many connections. */
const CONNECTIONS = 32;
const CUSTOMERS = 40;
const INVOICES = 5;
/** Organisations besides the demo, and customers of each, for payments that do not share a receipt series. */
const OTHER_ORGS = 7;
const OTHER_CUSTOMERS = 5;
/** Invoices of each of their customers (enough: 242 payments of 5.00 € fit in each). */
const OTHER_INVOICES = 2;
/** Each online payment: 5.00 € of an invoice of 1,210.00 € that allows partial payments. */
const PAYMENT_MINOR = 500;
const TIMEOUT_MS = 10_000;

// ---- processes and their CPU, from /proc ----

const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime (ticks) and the parent of every process, read from /proc. */
function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name "(…)", which may itself hold spaces: state is field 3.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const n = (i: number) => Number(f[i - 3]);
      table.set(Number(entry), { ppid: n(4), ticks: n(14) + n(15) + n(16) + n(17) });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/**
 * CPU seconds of a process and everything below it: each live process's own time plus what it reaped of
 * children that ended (a backend that exited counts in its postmaster's cutime), so a delta over a run holds.
 */
function treeCpuSeconds(rootPid: number | undefined): number | null {
  if (rootPid === undefined) return null;
  const table = processTable();
  if (!table.has(rootPid)) return null;
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let ticks = 0;
  const todo = [rootPid];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    ticks += table.get(pid)?.ticks ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

/** Busy and total CPU seconds of the whole machine (/proc/stat), every core. */
function machineCpu(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

interface CpuSnapshot {
  at: number;
  pg: number | null;
  app: number;
  bench: number;
  machine: { busy: number; total: number };
}

/** Cores each part used between two snapshots (CPU seconds ÷ wall seconds). */
interface CpuShare {
  postgres: number | null;
  app: number;
  loadGenerator: number;
  /** Whatever else ran on the machine meanwhile (other agents, the bench's own bookkeeping). */
  other: number | null;
  machineBusy: number;
  cores: number;
}

// ---- the database ----

const adminQuery = (text: string) => adminQueryOn(adminUrl as string, text);

async function adminQueryOn(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** PostgreSQL's postmaster: the parent of this connection's backend, read while it lives (undefined when the
 * server is not on this machine). */
async function postmasterPid(): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query("select pg_backend_pid() as pid");
    return processTable().get(Number(rows[0]?.pid))?.ppid;
  } finally {
    await client.end();
  }
}

interface Payer {
  slug: string;
  customerId: string;
  cookie: string;
  invoiceIds: string[];
  next: number;
}

interface Seeded {
  /** The demo organisation's CUSTOMERS contacts. */
  payers: Payer[];
  /**
   * The same number of contacts spread over OTHER_ORGS + 1 organisations (the demo's first ones and
   * OTHER_CUSTOMERS of each other organisation), in turn: what payments do when they do not share a
   * receipt series.
   */
  spreadPayers: Payer[];
}

/**
 * The demo organisation (G1, the sandbox gateway enabled) plus CUSTOMERS customers with one contact and
 * INVOICES issued invoices each, and OTHER_ORGS more organisations (sandbox on) of OTHER_CUSTOMERS such
 * customers each, made through the API of an in-process app; a portal session for each contact (minted as
 * sign-in does: the sign-in route allows 10 a minute per address).
 */
async function seed(databaseUrl: string, appSecret: string, publicUrl: string): Promise<Seeded> {
  const database = await openDatabase({ databaseUrl });
  await migrateDatabase(database);
  const config = loadConfig({ PUBLIC_URL: "https://portico.test", APP_SECRET: appSecret });
  const mailer = new Mailer(config, database.db);
  const app = await buildApp({ database, config, mailer });
  await app.ready();
  // The servers' cookie names (PUBLIC_URL over plain http: no __Host- prefix).
  const secureCookies = publicUrl.startsWith("https://");
  let signIns = 0;
  const staffOf = async (email: string, password: string) => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
      // One address per sign-in: the per-address limit is not what is seeded.
      remoteAddress: `10.0.${Math.floor(++signIns / 250)}.${(signIns % 250) + 1}`,
    });
    if (login.statusCode !== 200) throw new Error(`staff sign-in: ${login.statusCode} ${login.body}`);
    return cookieHeader(login.headers["set-cookie"]);
  };
  /** `count` customers of the organisation, each with one contact, INVOICES issued invoices and a session. */
  const customersOf = async (
    org: { id: string; slug: string; staff: string },
    count: number,
    invoices: number,
  ) => {
    const post = async <T>(url: string, payload: object): Promise<T> => {
      const res = await app.inject({ method: "POST", url, headers: { cookie: org.staff }, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json() as T;
    };
    const payers: Payer[] = [];
    for (let c = 0; c < count; c++) {
      const customer = await post<{ id: string; contacts: { id: string }[] }>("/api/customers", {
        name: `Cliente ${String(c + 1).padStart(3, "0")} S.L.`,
        contacts: [
          { name: `Contacto ${c + 1}`, email: `contacto${c + 1}@${org.slug}.example`, isPrimary: true },
        ],
      });
      const contact = customer.contacts[0];
      if (!contact) throw new Error("customer without a contact");
      const invoiceIds: string[] = [];
      for (let i = 0; i < invoices; i++) {
        const draft = await post<{ id: string }>("/api/invoices", {
          customerId: customer.id,
          allowPartialPayments: true,
          lines: [
            { description: `Cuota mensual ${i + 1}`, quantityMilli: 1000, unitPriceMinor: 80_000 },
            { description: "Horas de soporte", quantityMilli: 4000, unitPriceMinor: 5_000 },
          ],
        });
        invoiceIds.push((await post<{ id: string }>(`/api/invoices/${draft.id}/issue`, {})).id);
      }
      const token = await startContactSession(database.db, {
        orgId: org.id,
        customerId: customer.id,
        contactId: contact.id,
        origin: "password",
        ip: "127.0.0.1",
        userAgent: "bench/scale.ts",
      });
      const cookie = `${contactCookieName({ secureCookies }, org.id)}=${token}`;
      payers.push({ slug: org.slug, customerId: customer.id, cookie, invoiceIds, next: 0 });
    }
    return payers;
  };
  try {
    await seedDemoIfEmpty(database.db, config, mailer);
    const [demo] = await withSystem(database.db, (tx) =>
      tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.portalSlug, DEMO.slug)),
    );
    if (!demo) throw new Error(`no organisation at /${DEMO.slug}`);
    const staff = await staffOf(DEMO.email, DEMO.password);
    const payers = await customersOf({ id: demo.id, slug: DEMO.slug, staff }, CUSTOMERS, INVOICES);
    const groups: Payer[][] = [payers.slice(0, OTHER_CUSTOMERS)];
    for (let o = 0; o < OTHER_ORGS; o++) {
      const slug = `estudio-${o + 2}`;
      const owner = { email: `owner@${slug}.example`, name: `Owner ${o + 2}`, password: randomUUID() };
      const { orgId } = await createOrganisation(database.db, { name: `Estudio ${o + 2} S.L.`, slug, owner });
      await withOrg(database.db, orgId, (tx) =>
        tx
          .update(organisations)
          .set({ enabledGateways: ["sandbox"] })
          .where(eq(organisations.id, orgId)),
      );
      const staffCookie = await staffOf(owner.email, owner.password);
      groups.push(
        await customersOf({ id: orgId, slug, staff: staffCookie }, OTHER_CUSTOMERS, OTHER_INVOICES),
      );
    }
    // In turn: one contact of each organisation, then the next of each.
    const spreadPayers = Array.from({ length: OTHER_CUSTOMERS }, (_, i) => groups.map((g) => g[i])).flat();
    // A database in use has been vacuumed and analysed (autovacuum): statistics and the visibility map.
    await database.db.execute(sql`vacuum analyze`);
    return { payers, spreadPayers: spreadPayers.filter((p): p is Payer => p !== undefined) };
  } finally {
    await app.close();
    mailer.close();
    await database.close();
  }
}

// ---- servers ----

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The newest modification time under `path` (as scripts/start.mjs decides a build is stale). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** dist/server/main.js, built again (the server only: the API needs no web apps) when older than its sources. */
function buildServerIfStale() {
  const built = join(root, "dist/server/main.js");
  const inputs = ["src/server", "src/shared", "package.json", "scripts/build-server.ts"].map((p) =>
    newest(join(root, p)),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs)) return;
  console.log("building dist/server (missing or older than its sources)…");
  const r = spawnSync("npx", ["tsx", "scripts/build-server.ts"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("server build failed");
}

/** The server's environment: production mode over plain http on the loopback, the sandbox gateway on. */
function serverEnv(port: number, databaseUrl: string, appSecret: string, workers: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, TEST_DATABASE_URL: undefined };
  return {
    ...env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ALLOW_INSECURE_HTTP: "1",
    APP_SECRET: appSecret,
    PORTICO_ENCRYPTION_KEY: `bench:${randomBytes(32).toString("base64")}`,
    // The sandbox gateway is a demo device: in production only with PORTICO_DEMO=1 (the database is seeded
    // already, so nothing else of the demo happens).
    PORTICO_DEMO: "1",
    DATABASE_URL: databaseUrl,
    WORKERS: String(workers),
  };
}

const children: ChildProcess[] = [];
/** Ends the process groups this bench started (each server is a group leader, its workers inside). */
function stopChildren(signal: NodeJS.Signals = "SIGTERM") {
  for (const child of children.splice(0)) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
  }
}
process.on("exit", () => stopChildren("SIGKILL"));
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

/** Waits for the children of `children` to exit (at most 15 s), so the next count starts on a quiet machine. */
async function stopAndWait() {
  const running = children.filter((c) => c.exitCode === null);
  stopChildren();
  const started = Date.now();
  while (running.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() - started < 15_000)
    await new Promise((r) => setTimeout(r, 100));
  for (const c of running) if (c.exitCode === null && c.pid) process.kill(-c.pid, "SIGKILL");
}

/** Node processes in the tree of `pid` (the cluster's primary and its workers). */
function nodeProcessesUnder(pid: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [p, row] of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), p]);
  let count = 0;
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop() as number;
    try {
      if (readFileSync(`/proc/${p}/comm`, "utf8").trim() === "node") count++;
    } catch {
      // gone
    }
    todo.push(...(children.get(p) ?? []));
  }
  return count;
}

async function startServer(env: NodeJS.ProcessEnv, base: string, processes: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/server/main.js"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      // Ready when it answers and (node:cluster) the primary plus its workers are all there.
      const expected = processes > 1 ? processes + 1 : 1;
      if ((await fetch(`${base}/healthz`)).ok && nodeProcessesUnder(child.pid as number) >= expected)
        return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${base} not ready after 120 s`);
}

// ---- load ----

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function figuresOf(r: Result): Figures {
  const answered = r["2xx"] + r.non2xx;
  const timedOut = r.timeouts > 0.01 * (answered + r.timeouts);
  return {
    rps: r.requests.average,
    p50: answered ? r.latency.p50 : Number.NaN,
    p99: !answered ? Number.NaN : timedOut ? Math.max(r.latency.p99, TIMEOUT_MS) : r.latency.p99,
    requests: answered,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** The payer whose turn it is: round robin over every customer, one round of requests each. */
function nextPayer(payers: Payer[], cursor: { i: number }): Payer {
  const p = payers[cursor.i++ % payers.length];
  if (!p) throw new Error("no payers");
  return p;
}

/** /home, /invoices and one invoice's detail, as a contact (another one each round). */
function readRequests(payers: Payer[]): SequenceRequest[] {
  const cursor = { i: 0 };
  const portal = (p: Payer) => `/api/portal/${p.slug}`;
  return [
    {
      method: "GET",
      setupRequest(req, context) {
        const p = nextPayer(payers, cursor);
        context.payer = p;
        return { ...req, path: `${portal(p)}/home`, headers: { ...req.headers, cookie: p.cookie } };
      },
    },
    {
      method: "GET",
      setupRequest(req, context) {
        const p = context.payer as Payer;
        return { ...req, path: `${portal(p)}/invoices`, headers: { ...req.headers, cookie: p.cookie } };
      },
    },
    {
      method: "GET",
      setupRequest(req, context) {
        const p = context.payer as Payer;
        const id = p.invoiceIds[p.next++ % p.invoiceIds.length];
        return { ...req, path: `${portal(p)}/invoices/${id}`, headers: { ...req.headers, cookie: p.cookie } };
      },
    },
  ];
}

interface PaymentTally {
  checkouts: number;
  checkoutRefusals: Record<string, number>;
  recorded: number;
  notRecorded: number;
  webhookRefusals: Record<string, number>;
  /**
   * Checkouts whose webhook was sent and not answered before autocannon stopped (the server may still have
   * recorded the payment): checkMoney counts those the database shows succeeded.
   */
  unanswered: Set<string>;
}

const newTally = (): PaymentTally => ({
  checkouts: 0,
  checkoutRefusals: {},
  recorded: 0,
  notRecorded: 0,
  webhookRefusals: {},
  unanswered: new Set(),
});

/** Opens a checkout of PAYMENT_MINOR on one of the contact's invoices, then confirms it by the signed webhook. */
function paymentRequests(payers: Payer[], appSecret: string, tally: PaymentTally): SequenceRequest[] {
  const cursor = { i: 0 };
  const json = { "content-type": "application/json" };
  return [
    {
      method: "POST",
      setupRequest(req, context) {
        const p = nextPayer(payers, cursor);
        const invoiceId = p.invoiceIds[p.next++ % p.invoiceIds.length];
        context.checkoutId = undefined;
        return {
          ...req,
          path: `/api/portal/${p.slug}/invoices/${invoiceId}/pay`,
          headers: { ...req.headers, ...json, cookie: p.cookie },
          body: JSON.stringify({
            idempotencyKey: randomUUID(),
            amountMinor: PAYMENT_MINOR,
            gateway: "sandbox",
          }),
        };
      },
      onResponse(status, body, context) {
        if (status !== 200) {
          tally.checkoutRefusals[status] = (tally.checkoutRefusals[status] ?? 0) + 1;
          return;
        }
        tally.checkouts++;
        const url = (JSON.parse(body) as { checkoutUrl: string }).checkoutUrl;
        context.checkoutId = new URL(url).pathname.split("/").pop();
      },
    },
    {
      method: "POST",
      setupRequest(req, context) {
        const session = context.checkoutId as string | undefined;
        // No checkout opened (refused, or the run ended meanwhile): start the round again.
        if (!session) return null;
        const fields = { session, status: "succeeded" as const, reference: `bench-${session}` };
        tally.unanswered.add(session);
        return {
          ...req,
          path: "/api/gateways/sandbox/webhook",
          headers: {
            ...req.headers,
            ...json,
            "x-sandbox-signature": sandboxSignature.sign({ appSecret }, fields),
          },
          body: JSON.stringify(fields),
        };
      },
      onResponse(status, body, context) {
        tally.unanswered.delete(context.checkoutId as string);
        if (status !== 200) {
          tally.webhookRefusals[status] = (tally.webhookRefusals[status] ?? 0) + 1;
          return;
        }
        if ((JSON.parse(body) as { recorded: boolean }).recorded) tally.recorded++;
        else tally.notRecorded++;
      },
    },
  ];
}

/**
 * Sessions of the bench's database, sampled every 250 ms while a run lasts: how many are active, and what the
 * active ones wait on (`Lock:transactionid` is a row lock held by another transaction, `LWLock:…` PostgreSQL's
 * own, `IO:…` the disk; none is CPU).
 */
function sampleSessions(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  let samples = 0;
  let active = 0;
  const waits: Record<string, number> = {};
  const lockPairs: Record<string, number> = {};
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      try {
        const rows = await sessionWaits(client);
        for (const b of await lockHolders(client)) {
          const key = `${b.waiting}  ⟵ held by ⟶  ${b.blocker ?? "?"}`;
          lockPairs[key] = (lockPairs[key] ?? 0) + 1;
        }
        samples++;
        for (const r of rows) {
          active += r.n;
          waits[r.wait] = (waits[r.wait] ?? 0) + r.n;
        }
      } catch (err) {
        // A sample is evidence, not the measure: one that fails is left out.
        console.warn(`  (a session sample failed: ${err instanceof Error ? err.message : err})`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await client.end();
  })();
  return async (): Promise<Sessions> => {
    stopped = true;
    await done;
    const per = (n: number) => Math.round((100 * n) / Math.max(samples, 1)) / 100;
    const waiting = Object.entries(waits)
      .filter(([w]) => w !== "CPU")
      .sort((x, y) => y[1] - x[1]);
    return {
      active: per(active),
      lockWaits: per(waiting.filter(([w]) => w.startsWith("Lock:")).reduce((sum, [, n]) => sum + n, 0)),
      waits: Object.fromEntries(waiting.slice(0, 4).map(([w, n]) => [w, per(n)])),
      lockedBy: Object.entries(lockPairs)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([pair, n]) => `${per(n)} × ${pair}`),
    };
  };
}

/** Active sessions of the database by what they wait on ("CPU" when on none). */
async function sessionWaits(client: pg.Client): Promise<{ wait: string; n: number }[]> {
  const { rows } = await client.query(
    `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, count(*)::int as n
     from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
     group by 1`,
  );
  return rows;
}

/** What waits on a lock, and what the first session it waits for is doing (its statement, or its last one). */
async function lockHolders(client: pg.Client): Promise<{ waiting: string; blocker: string | null }[]> {
  const { rows } = await client.query(
    `select left(regexp_replace(a.query, '\\s+', ' ', 'g'), 90) as waiting,
            (select b.state || ': ' || left(regexp_replace(b.query, '\\s+', ' ', 'g'), 90)
             from pg_stat_activity b where b.pid = (pg_blocking_pids(a.pid))[1] limit 1) as blocker
     from pg_stat_activity a
     where a.datname = current_database() and a.wait_event_type = 'Lock'`,
  );
  return rows;
}

interface Sessions {
  /** Mean active sessions of the database. */
  active: number;
  /** Mean active sessions waiting on a heavyweight lock (a row, a relation, a transaction). */
  lockWaits: number;
  /** The commonest waits, mean sessions in each. */
  waits: Record<string, number>;
  /** The commonest statements waiting on a lock, with what holds it (mean sessions). */
  lockedBy: string[];
}

/**
 * Waits until no session of the database is active (at most 30 s): what a run left in flight when autocannon
 * stopped (queued webhooks, their emails) is still being served, and would be measured as the next run's.
 */
async function quiesce(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    let quiet = 0;
    while (quiet < 2 && Date.now() - started < 30_000) {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`,
      );
      quiet = rows[0]?.n === 0 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

async function xactCommits(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

interface Results {
  reads: Run;
  /** Payments of the demo organisation's contacts: one receipt series. */
  payments: Run;
  tally: PaymentTally;
  /** The same load of payments spread over OTHER_ORGS + 1 organisations: as many receipt series. */
  spread: Run;
}

interface Run {
  figures: Figures;
  /** Payments the database recorded during the run (created between its first and last moment), per second. */
  paymentsPerSecond: number;
  cpu: CpuShare;
  sessions: Sessions;
  transactionsPerSecond: number;
}

async function measure(
  urls: string[],
  requests: SequenceRequest[],
  seconds: number,
  ctx: { databaseUrl: string; pgPid: number | undefined; appPids: number[] },
): Promise<Run> {
  const snapshot = (): CpuSnapshot => {
    const u = process.cpuUsage();
    return {
      at: performance.now(),
      pg: treeCpuSeconds(ctx.pgPid),
      app: ctx.appPids.reduce((a, pid) => a + (treeCpuSeconds(pid) ?? 0), 0),
      bench: (u.user + u.system) / 1e6,
      machine: machineCpu(),
    };
  };
  await quiesce(ctx.databaseUrl);
  const xactBefore = await xactCommits(ctx.databaseUrl);
  const [started] = await adminQueryOn(ctx.databaseUrl, "select clock_timestamp()::text as t");
  const stopSampling = sampleSessions(ctx.databaseUrl);
  const before = snapshot();
  const r = await autocannon({
    url: urls.length === 1 ? (urls[0] as string) : urls,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: TIMEOUT_MS / 1000,
    requests,
  });
  const after = snapshot();
  const sessions = await stopSampling();
  const xactAfter = await xactCommits(ctx.databaseUrl);
  // Payments whose transaction began within the run: what was recorded during it, wherever the run's end cut
  // off the answers (autocannon drops what is in flight when it stops).
  const [recorded] = await adminQueryOn(
    ctx.databaseUrl,
    `select count(*)::int as n from payments where created_at >= '${String(started?.t)}'::timestamptz
       and created_at < (select clock_timestamp() - interval '${(performance.now() - after.at) / 1000} seconds')`,
  );
  const wall = (after.at - before.at) / 1000;
  const cores = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / wall);
  const postgres = cores(before.pg, after.pg);
  const app = (after.app - before.app) / wall;
  const loadGenerator = (after.bench - before.bench) / wall;
  const machineBusy = (after.machine.busy - before.machine.busy) / wall;
  const cpu: CpuShare = {
    postgres,
    app,
    loadGenerator,
    other: postgres === null ? null : Math.max(0, machineBusy - postgres - app - loadGenerator),
    machineBusy,
    cores: (after.machine.total - before.machine.total) / wall,
  };
  const figures = figuresOf(r);
  if (figures.non2xx || figures.errors)
    console.warn(
      `  WARNING: ${r["2xx"]} answers, ${figures.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts)`,
    );
  return {
    figures,
    paymentsPerSecond: Number(recorded?.n ?? 0) / wall,
    cpu,
    sessions,
    transactionsPerSecond: (xactAfter - xactBefore) / wall,
  };
}

const f0 = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 0 });
const f2 = (n: number | null) => (n === null ? "n/a" : n.toFixed(2));

function show(label: string, run: Run) {
  const { figures: f, cpu } = run;
  console.log(
    `${label.padEnd(30)} ${f0(f.rps).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  ` +
      `p99 ${String(f.p99).padStart(5)} ms  | cores: PostgreSQL ${f2(cpu.postgres)}, app ${f2(cpu.app)}, ` +
      `autocannon ${f2(cpu.loadGenerator)}, other ${f2(cpu.other)}, machine ${f2(cpu.machineBusy)} of ` +
      `${cpu.cores.toFixed(1)} | ${f0(run.transactionsPerSecond)} tx/s, ` +
      `${run.sessions.active.toFixed(1)} active sessions; waits ${JSON.stringify(run.sessions.waits)}`,
  );
  if (process.env.SCALE_LOCKS === "1") for (const l of run.sessions.lockedBy) console.log(`    lock: ${l}`);
}

/**
 * The money invariants after a run, and the payments in the database against those the webhooks said they
 * recorded (plus those whose answer the end of a run cut off, when their checkout shows succeeded).
 */
async function checkMoney(databaseUrl: string, tallies: PaymentTally[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const cutOff = tallies.flatMap((t) => [...t.unanswered]);
    const { rows: late } = await client.query(
      "select count(*)::int as n from checkout_sessions where id = any($1::uuid[]) and status = 'succeeded'",
      [cutOff],
    );
    const expectedPayments = tallies.reduce((a, t) => a + t.recorded, 0) + Number(late[0]?.n ?? 0);
    const violations: Violation[] = await checkMoneyInvariants(
      async (text) => (await client.query(text)).rows,
    );
    const { rows } = await client.query(
      "select count(*)::int as n, coalesce(sum(amount_minor), 0)::bigint as total from payments where gateway = 'sandbox'",
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n !== expectedPayments)
      violations.push({
        check: "payments recorded differ from the webhooks that said 'recorded'",
        count: Math.abs(n - expectedPayments),
        examples: [{ inDatabase: n, confirmed: expectedPayments, cutOff: cutOff.length }],
      });
    return { violations, payments: n, collectedMinor: Number(rows[0]?.total ?? 0) };
  } finally {
    await client.end();
  }
}

// ---- main ----

/** CPU milliseconds per unit of work (a request, a payment) of the app, PostgreSQL and the load generator. */
function cpuPer(run: Run, perSecond: number) {
  const ms = (cores: number) => (perSecond > 0 ? (1000 * cores) / perSecond : Number.NaN);
  return {
    app: ms(run.cpu.app),
    postgres: run.cpu.postgres === null ? null : ms(run.cpu.postgres),
    loadGenerator: ms(run.cpu.loadGenerator),
  };
}

function printTable(table: string[][]) {
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length))) ?? [];
  for (const [i, row] of table.entries()) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join("  "),
    );
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/**
 * Where the limit is, said plainly: what each read and each payment costs in CPU, so the throughput 2 cores
 * allow (and the part PostgreSQL takes of it), whether other work shared the machine, and what the payments
 * waited on in PostgreSQL.
 */
function limits(results: Record<number, Results>): string {
  const out: string[] = [];
  const counts = COUNTS.filter((n) => results[n]);
  const last = results[counts[counts.length - 1] as number];
  const cores = cpus().length;
  if (!last) return "";
  const other = Math.max(
    ...counts.flatMap((n) => [results[n]?.reads.cpu.other ?? 0, results[n]?.payments.cpu.other ?? 0]),
  );
  if (other > 0.25 * cores)
    out.push(
      `Other work used up to ${other.toFixed(1)} of the ${cores} cores during the runs: more app processes also win more ` +
        "time slices from it, so the ratios between counts partly measure the scheduler. CPU per request does not " +
        "depend on that: read it for the limits below.",
    );
  for (const what of ["read", "payment (2 requests)"] as const) {
    // The count where the work cost least CPU: the least disturbed by the machine's other work.
    const costs = counts.flatMap((n) => {
      const r = results[n];
      if (!r) return [];
      const run = what === "read" ? r.reads : r.payments;
      const c = cpuPer(run, what === "read" ? run.figures.rps : run.paymentsPerSecond);
      return c.postgres === null || !Number.isFinite(c.app) ? [] : [{ n, ...c, postgres: c.postgres }];
    });
    const c = costs.sort(
      (a, b) => a.app + a.postgres + a.loadGenerator - (b.app + b.postgres + b.loadGenerator),
    )[0];
    if (!c) continue;
    const total = c.app + c.postgres + c.loadGenerator;
    out.push(
      `Each ${what} costs ${c.app.toFixed(1)} ms of app CPU, ${c.postgres.toFixed(1)} ms of PostgreSQL's and ` +
        `${c.loadGenerator.toFixed(1)} ms of autocannon's (at ${c.n} process${c.n > 1 ? "es" : ""}, where it cost ` +
        `least): ${cores} idle cores allow about ${f0((1000 * cores) / total)}/s with load generator, app and ` +
        `database on them, PostgreSQL's share being ${((100 * c.postgres) / total).toFixed(0)} %. Processes ` +
        "beyond what fills the cores add nothing; with the app on other machines PostgreSQL alone would become " +
        `the limit at about ${f0((1000 * cores) / c.postgres)}/s on these ${cores} cores.`,
    );
  }
  const waits = counts.map((n) => `${results[n]?.payments.sessions.lockWaits.toFixed(1)} at ${n}`).join(", ");
  const spreadWaits = counts
    .map((n) => `${results[n]?.spread.sessions.lockWaits.toFixed(1)} at ${n}`)
    .join(", ");
  const rate = (n: number, k: "payments" | "spread") => results[n]?.[k].paymentsPerSecond.toFixed(1);
  const counter = last.payments.sessions.lockedBy.some((l) => l.includes("number_counters"));
  out.push(
    `Payments waited on row locks in PostgreSQL: mean sessions waiting ${waits} process(es)` +
      (counter
        ? ". The lock most waited for is the receipt series' counter (number_counters): every payment of one " +
          "organisation takes the next gap-free receipt number in its transaction and holds that row until it " +
          "commits, so one organisation's payments are recorded one at a time however many processes serve them."
        : "."),
  );
  out.push(
    `Spread over ${OTHER_ORGS + 1} organisations (as many receipt series), the same load waited less: ` +
      `${spreadWaits} process(es), and recorded ${counts.map((n) => `${rate(n, "spread")}/s`).join(", ")} ` +
      `against ${counts.map((n) => `${rate(n, "payments")}/s`).join(", ")} for one organisation.`,
  );
  return out.join("\n");
}

/** Where the limit is, in words, from one count's runs (what bench/README.md's reader needs). */
function verdict(n: number, reads: Run, payments: Run): string {
  const lines: string[] = [];
  for (const [what, run] of [
    ["reads", reads],
    ["payments", payments],
  ] as const) {
    const c = run.cpu;
    const saturated = c.machineBusy >= 0.9 * c.cores;
    const pgShare = c.postgres === null ? null : c.postgres / Math.max(c.machineBusy, 1e-9);
    lines.push(
      `  ${n} process${n > 1 ? "es" : ""}, ${what}: the machine was ${((100 * c.machineBusy) / c.cores).toFixed(0)} % busy` +
        (pgShare === null ? "" : `, PostgreSQL ${(100 * pgShare).toFixed(0)} % of that`) +
        `, the app ${((100 * c.app) / Math.max(c.machineBusy, 1e-9)).toFixed(0)} %, autocannon ` +
        `${((100 * c.loadGenerator) / Math.max(c.machineBusy, 1e-9)).toFixed(0)} %` +
        (saturated
          ? ": the cores are the limit — another process only shares them"
          : run.sessions.lockWaits >= 1
            ? `: not CPU-bound; ${run.sessions.lockWaits.toFixed(1)} sessions wait on row locks on average`
            : ": the cores are not saturated"),
    );
  }
  return lines.join("\n");
}

async function main() {
  const loadBefore = loadavg();
  console.log(
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(", ")} on ${cpus().length} cores; ` +
      `${SECONDS} s per run at ${CONNECTIONS} connections; processes ${COUNTS.join(", ")} (${SPREAD === "ports" ? "separate servers on separate ports" : "WORKERS=N, node:cluster"})`,
  );
  buildServerIfStale();
  const name = `portico_scale_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl as string);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const appSecret = randomBytes(32).toString("hex");
  try {
    let t = Date.now();
    const seeded = await seed(databaseUrl, appSecret, "http://127.0.0.1");
    console.log(
      `seeded the demo organisation + ${CUSTOMERS} customers and ${OTHER_ORGS} more organisations + ` +
        `${OTHER_CUSTOMERS} customers each (${INVOICES} and ${OTHER_INVOICES} invoices per customer), in ${(Date.now() - t) / 1000} s`,
    );
    // PostgreSQL's postmaster: the parent of one of its backends (null when the server is not on this machine).
    const pgPid = await postmasterPid();
    if (pgPid === undefined)
      console.log("PostgreSQL's processes are not on this machine: its CPU is not shown");

    const results: Record<number, Results> = {};
    const tallies: PaymentTally[] = [];
    for (const n of COUNTS) {
      t = Date.now();
      const ports =
        SPREAD === "ports" ? await Promise.all(Array.from({ length: n }, freePort)) : [await freePort()];
      const bases = ports.map((p) => `http://127.0.0.1:${p}`);
      const servers: ChildProcess[] = [];
      for (const port of ports)
        servers.push(
          await startServer(
            serverEnv(port, databaseUrl, appSecret, SPREAD === "ports" ? 1 : n),
            `http://127.0.0.1:${port}`,
            SPREAD === "ports" ? 1 : n,
          ),
        );
      console.log(`\n${n} process${n > 1 ? "es" : ""} up in ${(Date.now() - t) / 1000} s`);
      const ctx = { databaseUrl, pgPid, appPids: servers.map((s) => s.pid as number) };
      const warm = newTally();
      await measure(bases, readRequests(seeded.payers), WARM_UP_SECONDS, ctx);
      await measure(bases, paymentRequests(seeded.payers, appSecret, warm), WARM_UP_SECONDS, ctx);
      tallies.push(warm);

      const reads = await measure(bases, readRequests(seeded.payers), SECONDS, ctx);
      show("portal reads", reads);
      const tally = newTally();
      tallies.push(tally);
      const payments = await measure(bases, paymentRequests(seeded.payers, appSecret, tally), SECONDS, ctx);
      show("payments, one organisation", payments);
      console.log(
        `  ${tally.checkouts} checkouts opened, ${(payments.paymentsPerSecond * SECONDS).toFixed(0)} payments recorded during the run, ${tally.recorded} answered "recorded" before it ended, ` +
          `${tally.notRecorded} confirmations not recorded; refused: checkouts ${JSON.stringify(tally.checkoutRefusals)}, webhooks ${JSON.stringify(tally.webhookRefusals)}`,
      );
      const spreadTally = newTally();
      tallies.push(spreadTally);
      const spread = await measure(
        bases,
        paymentRequests(seeded.spreadPayers, appSecret, spreadTally),
        SECONDS,
        ctx,
      );
      show(`payments, ${OTHER_ORGS + 1} organisations`, spread);
      await stopAndWait();
      const money = await checkMoney(databaseUrl, tallies);
      console.log(
        money.violations.length === 0
          ? `  money invariants hold: ${money.payments} online payments, ${(money.collectedMinor / 100).toFixed(2)} € collected, every invoice's paid = its allocations ≤ its total, numbers gap-free`
          : `  MONEY INVARIANTS BROKEN:\n${money.violations.map((v) => `    ${v.check}: ${v.count} (${JSON.stringify(v.examples)})`).join("\n")}`,
      );
      if (money.violations.length > 0) process.exitCode = 1;
      results[n] = { reads, payments, tally, spread };
      console.log(verdict(n, reads, payments));
    }

    const one = results[COUNTS[0] as number];
    if (!one) throw new Error("no run");
    const rows: ResultRow[] = [];
    const paymentsPerSecond = (n: number) => results[n]?.payments.paymentsPerSecond ?? 0;
    const header = [
      "processes",
      "reads req/s",
      `÷ ${COUNTS[0]}`,
      "p99 ms",
      "CPU ms/read app+PG",
      "payments/s",
      `÷ ${COUNTS[0]}`,
      "p99 ms",
      "CPU ms/payment app+PG",
      `payments/s, ${OTHER_ORGS + 1} orgs`,
      `÷ ${COUNTS[0]}`,
      "sessions waiting on a lock",
      "PG share of busy CPU",
      "other work",
    ];
    const table: string[][] = [header];
    for (const n of COUNTS) {
      const r = results[n];
      if (!r) continue;
      const read = cpuPer(r.reads, r.reads.figures.rps);
      const pay = cpuPer(r.payments, paymentsPerSecond(n));
      for (const [measure, value, baseline, unit] of [
        [
          `portal reads (/home, /invoices, an invoice), ${n} processes ÷ ${COUNTS[0]}`,
          r.reads.figures.rps,
          one.reads.figures.rps,
          "req/s",
        ],
        [`portal reads p99, ${n} processes ÷ ${COUNTS[0]}`, r.reads.figures.p99, one.reads.figures.p99, "ms"],
        [
          `online payments (checkout + signed webhook), ${n} processes ÷ ${COUNTS[0]}`,
          paymentsPerSecond(n),
          paymentsPerSecond(COUNTS[0] as number),
          "payments/s",
        ],
        [
          `online payments p99 of both requests, ${n} processes ÷ ${COUNTS[0]}`,
          r.payments.figures.p99,
          one.payments.figures.p99,
          "ms",
        ],
        [
          `online payments spread over ${OTHER_ORGS + 1} organisations, ${n} processes ÷ ${COUNTS[0]}`,
          r.spread.paymentsPerSecond,
          one.spread.paymentsPerSecond,
          "payments/s",
        ],
      ] as const)
        rows.push({ measure, value, baseline, ratio: value / baseline, goal: "", unit });
      const pgShare = (run: Run) =>
        run.cpu.postgres === null
          ? "n/a"
          : `${((100 * run.cpu.postgres) / run.cpu.machineBusy).toFixed(0)} %`;
      table.push([
        String(n),
        f0(r.reads.figures.rps),
        (r.reads.figures.rps / one.reads.figures.rps).toFixed(2),
        String(r.reads.figures.p99),
        `${read.app.toFixed(1)} + ${f2(read.postgres)}`,
        paymentsPerSecond(n).toFixed(1),
        (paymentsPerSecond(n) / paymentsPerSecond(COUNTS[0] as number)).toFixed(2),
        String(r.payments.figures.p99),
        `${pay.app.toFixed(1)} + ${f2(pay.postgres)}`,
        r.spread.paymentsPerSecond.toFixed(1),
        (r.spread.paymentsPerSecond / one.spread.paymentsPerSecond).toFixed(2),
        `${r.payments.sessions.lockWaits.toFixed(1)}, ${r.spread.sessions.lockWaits.toFixed(1)}`,
        `${pgShare(r.reads)}, ${pgShare(r.payments)}`,
        `${f2(r.reads.cpu.other)}, ${f2(r.payments.cpu.other)} cores`,
      ]);
    }
    console.log();
    printTable(table);
    console.log(`\n${limits(results)}`);
    writeResult("scale", rows, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      spread: SPREAD,
      customers: CUSTOMERS,
      invoicesPerCustomer: INVOICES,
      paymentMinor: PAYMENT_MINOR,
      runs: Object.fromEntries(
        Object.entries(results).map(([n, r]) => [
          n,
          { ...r, tally: { ...r.tally, unanswered: r.tally.unanswered.size } },
        ]),
      ),
      loadAverage: { before: loadBefore, after: loadavg() },
    });
  } finally {
    await stopAndWait();
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
}

await main();
