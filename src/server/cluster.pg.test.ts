import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RESET_EMAILS_PER_HOUR } from "./http/forgot-password.js";
import { FREE_FAILURES } from "./http/login-throttle.js";
import { openStream, type TestStream } from "./realtime/test-support.js";
import { type AppProcess, startAppProcesses } from "./test/app-processes.js";
import { testToday } from "./test/dates.js";
import { buildCustomer, buildInvoice } from "./test/factories.js";
import { buildSignedInCustomer, setUpTestApp } from "./test/scenarios.js";

/**
 * Two real app processes on one PostgreSQL database (decision 056): what two workers of `WORKERS=2` are,
 * each reached directly (A is itself a `WORKERS=2` primary with its two workers, B one process). Skipped on PGlite (one process by construction); run with
 * `npm run test:pg -- src/server/cluster.pg.test.ts`.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const { ctx, org } = setUpTestApp("Cluster");
let a: AppProcess;
let b: AppProcess;
const streams: TestStream[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  // TRUST_PROXY=1: the test names each request's client address (X-Forwarded-For), one per test.
  // API_KEY_RATE_LIMIT=4: the per-key limit within reach of a test.
  const env = { TRUST_PROXY: "1", API_KEY_RATE_LIMIT: "4" };
  // A is itself `WORKERS=2` (a primary and two workers on its port; the last test is about it), B one process.
  const [startedA, startedB] = await Promise.all([
    startAppProcesses(1, ctx.databaseUrl as string, { ...env, WORKERS: "2" }),
    startAppProcesses(1, ctx.databaseUrl as string, env),
  ]);
  a = startedA[0] as AppProcess;
  b = startedB[0] as AppProcess;
}, 90_000);
afterAll(async () => {
  for (const s of streams) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

/** A JSON request to one process, from client address `ip`. */
async function call(
  p: AppProcess,
  method: string,
  path: string,
  o: { ip: string; cookie?: string; bearer?: string; body?: unknown },
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${p.url}${path}`, {
    method,
    headers: {
      "x-forwarded-for": o.ip,
      ...(o.cookie ? { cookie: o.cookie } : {}),
      ...(o.bearer ? { authorization: `Bearer ${o.bearer}` } : {}),
      ...(o.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : {} };
}

describe.skipIf(!onPostgres)("two app processes on one PostgreSQL", () => {
  test("login throttling: the sign-in after the free failures is refused on either process", async () => {
    const ip = "198.51.100.7";
    const statuses: number[] = [];
    for (let n = 0; n < FREE_FAILURES; n++) {
      const p = n % 2 === 0 ? a : b;
      statuses.push(
        (await call(p, "POST", "/api/auth/login", { ip, body: { email: org.email, password: `wrong-${n}` } }))
          .status,
      );
    }
    expect(statuses).toEqual(Array(FREE_FAILURES).fill(401));
    // Even the right password: the account is locked for this client, whichever process it reaches.
    for (const p of [b, a]) {
      const refused = await call(p, "POST", "/api/auth/login", {
        ip,
        body: { email: org.email, password: org.password },
      });
      expect(refused.status).toBe(429);
      expect(refused.json.code).toBe("ACCOUNT_LOCKED");
    }
    // Another client is not held back (the lock is per account and address).
    const other = await call(b, "POST", "/api/auth/login", {
      ip: "198.51.100.8",
      body: { email: org.email, password: org.password },
    });
    expect(other.status).toBe(200);
  });

  test("a per-address rate limit (forgot password, 5 a minute) holds across processes", async () => {
    const ip = "203.0.113.9";
    const forgot = (p: AppProcess, n: number) =>
      call(p, "POST", "/api/auth/password/forgot", { ip, body: { email: `nobody-${n}@example.com` } });
    // Alternating: each process alone saw at most 3, under the limit; together they saw 5.
    const statuses = [];
    for (let n = 0; n < 5; n++) statuses.push((await forgot(n % 2 === 0 ? a : b, n)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    for (const p of [b, a]) {
      const limited = await forgot(p, 9);
      expect(limited.status).toBe(429);
      expect(limited.json.code).toBe("RATE_LIMITED");
    }
    // Counted in the database, under the route's own key.
    const r = await ctx.database.db.execute(
      sql`select hits from rate_limit_hits where key = ${`POST /api/auth/password/forgot ${ip}`}`,
    );
    expect(r.rows).toEqual([{ hits: 7 }]);
    expect(RESET_EMAILS_PER_HOUR).toBeLessThan(5); // the per-account limit is another one (in the service)
  });

  test("the per-API-key limit (4 a minute here) holds across processes, wherever the key's requests come from", async () => {
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/api-keys",
      headers: { cookie: org.cookie },
      payload: { name: "Two processes", scope: "read" },
    });
    expect(created.statusCode).toBe(201);
    const bearer = created.json().secret as string;
    const statuses = [];
    for (let n = 0; n < 4; n++)
      statuses.push(
        (await call(n % 2 === 0 ? a : b, "GET", "/api/customers", { ip: `192.0.2.${n + 1}`, bearer })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200]);
    for (const p of [b, a]) {
      const limited = await call(p, "GET", "/api/customers", { ip: "192.0.2.9", bearer });
      expect(limited.status).toBe(429);
      expect(limited.json.code).toBe("RATE_LIMITED");
    }
  });

  test("50 payments at once, half through each process, collect exactly what is owed", async () => {
    const customer = await buildCustomer(ctx, org, "Parallel");
    const invoices: Awaited<ReturnType<typeof buildInvoice>>[] = [];
    for (let n = 0; n < 5; n++) {
      invoices.push(
        await buildInvoice(ctx, org, customer.id, {
          issue: true,
          allowPartialPayments: true,
          lines: [{ description: `Work ${n}`, quantityMilli: 1000, unitPriceMinor: 10_000 }],
        }),
      );
    }
    const owed = invoices.reduce((sum, i) => sum + i.totalMinor, 0);
    // Ten payments of a quarter of each invoice's total race for it: four fit, six must be refused (the
    // invoice is paid by then, or its due is less than the payment).
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => {
        const invoice = invoices[n % 5] as (typeof invoices)[number];
        const amountMinor = invoice.totalMinor / 4;
        return call(n % 2 === 0 ? a : b, "POST", "/api/payments", {
          ip: "192.0.2.50",
          cookie: org.cookie,
          body: {
            customerId: customer.id,
            amountMinor,
            method: "transfer",
            paidOn: testToday(),
            allocations: [{ invoiceId: invoice.id, amountMinor }],
          },
        });
      }),
    );
    const accepted = answers.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(20);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual(Array(30).fill(422));
    for (const r of refused)
      expect(["ALLOCATION_TARGET_INVALID", "ALLOCATION_EXCEEDS_DUE"]).toContain(r.json.code);
    const money = (
      await ctx.database.db.execute(sql`select
        (select coalesce(sum(amount_minor), 0)::bigint from payments where customer_id = ${customer.id}) as received,
        (select coalesce(sum(a.amount_minor), 0)::bigint from allocations a
           where a.customer_id = ${customer.id} and a.payment_id is not null) as allocated`)
    ).rows[0] as { received: number; allocated: number };
    expect(money).toEqual({ received: owed, allocated: owed });
    for (const invoice of invoices) {
      const shown = await ctx.app.inject({
        url: `/api/invoices/${invoice.id}`,
        headers: { cookie: org.cookie },
      });
      expect(shown.json()).toMatchObject({ status: "paid", paidMinor: invoice.totalMinor });
    }
    // Receipt numbers: twenty, gap-free, whichever process took each.
    const numbers = (
      await ctx.database.db.execute(
        sql`select number from payments where org_id = ${org.orgId} order by number`,
      )
    ).rows.map((r: Record<string, unknown>) => Number(/(\d+)$/.exec(String(r.number))?.[1]));
    expect(numbers).toHaveLength(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, n) => (numbers[0] as number) + n));
  }, 60_000);

  test("a comment written through process A reaches a portal stream opened on process B", async () => {
    const signedIn = await buildSignedInCustomer(ctx, org, "Live");
    const stream = await openStream(b.url, `/api/portal/${org.slug}/events`, signedIn.cookie);
    streams.push(stream);
    const written = await call(a, "POST", `/api/invoices/${signedIn.invoice.id}/comments`, {
      ip: "192.0.2.60",
      cookie: org.cookie,
      body: { body: "Written on A, read on B", visibleInPortal: true },
    });
    expect(written.status).toBe(201);
    const event = await stream.next((e) => e.event === "comment", 10_000);
    expect(event.data).toMatchObject({
      documentType: "invoice",
      documentId: signedIn.invoice.id,
      comment: { body: "Written on A, read on B" },
    });
  });

  test("SIGTERM: the process answers its in-flight request, ends its live streams and exits 0", async () => {
    const signedIn = await buildSignedInCustomer(ctx, org, "Leaving");
    const stream = await openStream(b.url, `/api/portal/${org.slug}/events`, signedIn.cookie);
    streams.push(stream);
    // Forgot-password answers no sooner than 250 ms: in flight when the signal arrives.
    const inFlight = call(b, "POST", "/api/auth/password/forgot", {
      ip: "192.0.2.70",
      body: { email: "x@example.com" },
    });
    await new Promise((r) => setTimeout(r, 50));
    const code = b.stop("SIGTERM");
    expect((await inFlight).status).toBe(200);
    await stream.ended;
    expect(await code, b.output()).toBe(0);
    // The other process serves on.
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
  });

  test("WORKERS=2 (process A): a killed worker is re-forked; SIGTERM stops the primary and its workers", async () => {
    // The banner says so once both workers listen.
    for (let n = 0; n < 300 && !/Processes: +2 \(WORKERS\)/.test(a.output()); n++)
      await new Promise((r) => setTimeout(r, 100));
    expect(a.output()).toMatch(/Processes: +2 \(WORKERS\)/);
    const first = await workersOf(a.pid, 2);
    expect(first).toHaveLength(2);
    process.kill(first[0] as number, "SIGKILL");
    // Re-forked (at once when it had served 30 s, else after the back-off's first step, 1 s: refork()).
    const again = await workersOf(a.pid, 2, (pids) => !pids.includes(first[0] as number));
    expect(again).toHaveLength(2);
    expect(again).toContain(first[1]);
    expect(a.output()).toMatch(/exited \(SIGKILL\) after \d+ s; starting another/);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    expect(await a.stop("SIGTERM"), a.output()).toBe(0);
    expect(childrenOf(a.pid)).toEqual([]);
  }, 60_000);
});

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found.sort((x, y) => x - y);
}

/** Waits (up to 30 s) until `pid` has `count` children that satisfy `also`, and returns them. */
async function workersOf(pid: number, count: number, also: (pids: number[]) => boolean = () => true) {
  for (let n = 0; n < 300; n++) {
    const pids = childrenOf(pid);
    if (pids.length === count && also(pids)) return pids;
    await new Promise((r) => setTimeout(r, 100));
  }
  return childrenOf(pid);
}
