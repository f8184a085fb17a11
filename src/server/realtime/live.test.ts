import { spawn } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../shared/contracts/index.js";
import { liveCommentEvent } from "../../shared/contracts/index.js";
import { type App, buildApp } from "../app.js";
import { openDatabase } from "../db/client.js";
import { withOrg } from "../db/scope.js";
import { Mailer } from "../email/mailer.js";
import { buildCustomer, buildInvoice, buildOrg, buildQuote, signInContactByLink } from "../test/factories.js";
import { setUpTestApp } from "../test/scenarios.js";
import { publish, type RealtimeEvent, RealtimeHub } from "./realtime.js";
import { openStream, type TestStream } from "./test-support.js";

const { ctx, org } = setUpTestApp("Live");
let base: string;
let acme: Customer;
let beta: Customer;
let acmeInvoice: InvoiceDetail;
let betaInvoice: InvoiceDetail;
let acmeCookie: string;
let acmeSecondCookie: string;
let betaCookie: string;
const closers: (() => Promise<void> | void)[] = [];

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Signs each of the customer's contacts in through its own emailed link. */
async function contactCookies(invoiceId: string, customer: Customer): Promise<string[]> {
  const cookies: string[] = [];
  for (const c of customer.contacts)
    cookies.push(await signInContactByLink(ctx, org, invoiceId, c.email as string));
  return cookies;
}

beforeAll(async () => {
  base = await listen(ctx.app);
  acme = await buildCustomer(ctx, org, "Acme");
  beta = await buildCustomer(ctx, org, "Beta");
  acmeInvoice = await buildInvoice(ctx, org, acme.id, { issue: true });
  betaInvoice = await buildInvoice(ctx, org, beta.id, { issue: true });
  [acmeCookie, acmeSecondCookie] = (await contactCookies(acmeInvoice.id, acme)) as [string, string];
  [betaCookie] = (await contactCookies(betaInvoice.id, beta)) as [string];
});
// Runs before setUpTestApp closes the app (after-hooks run in reverse order).
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const staffComment = (invoiceId: string, body: string, visibleInPortal: boolean) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${invoiceId}/comments`,
    headers: { cookie: org.cookie },
    payload: { body, visibleInPortal },
  });
const contactComment = (app: App, cookie: string, invoiceId: string, body: string) =>
  app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${invoiceId}/comments`,
    headers: { cookie },
    payload: { body },
  });
const commentWith = (body: string) => (e: { event: string; data: { comment?: { body: string } } }) =>
  e.event === "comment" && e.data.comment?.body === body;

describe("live updates over server-sent events (G4)", () => {
  let staff: TestStream;
  let acmeStream: TestStream;
  let betaStream: TestStream;

  beforeAll(async () => {
    staff = await openStream(base, "/api/events", org.cookie);
    acmeStream = await openStream(base, `/api/portal/${org.slug}/events`, acmeCookie);
    betaStream = await openStream(base, `/api/portal/${org.slug}/events`, betaCookie);
    closers.push(
      () => staff.close(),
      () => acmeStream.close(),
      () => betaStream.close(),
    );
  });

  test("a contact's comment reaches the staff stream, shaped as the contract says", async () => {
    expect((await contactComment(ctx.app, acmeCookie, acmeInvoice.id, "Paid by Friday?")).statusCode).toBe(
      201,
    );
    const got = await staff.next(commentWith("Paid by Friday?"));
    expect(liveCommentEvent.parse(got.data)).toMatchObject({
      documentType: "invoice",
      documentId: acmeInvoice.id,
      comment: { authorKind: "contact", authorName: "Acme Contact", visibleInPortal: true },
    });
    // The customer's own stream (its other tabs, its colleagues) gets it too.
    await acmeStream.next(commentWith("Paid by Friday?"));
  });

  test("a staff comment shown in the portal reaches the contact; an internal one never does", async () => {
    expect((await staffComment(acmeInvoice.id, "internal: they always pay late", false)).statusCode).toBe(
      201,
    );
    expect((await staffComment(acmeInvoice.id, "Yes, Friday is fine", true)).statusCode).toBe(201);
    const shown = await acmeStream.next(commentWith("Yes, Friday is fine"));
    expect(shown.data.comment).not.toHaveProperty("visibleInPortal");
    // Events arrive in commit order: the internal note was committed first and was not sent.
    expect(acmeStream.events.some(commentWith("internal: they always pay late"))).toBe(false);
    expect(JSON.stringify(acmeStream.events)).not.toContain("always pay late");
    // Staff see both, with the flag.
    const internal = await staff.next(commentWith("internal: they always pay late"));
    expect(internal.data.comment.visibleInPortal).toBe(false);
  });

  test("a status change reaches both sides: a quote viewed then accepted", async () => {
    const quote = await buildQuote(ctx, org, acme.id, { send: true });
    const shown = await ctx.app.inject({
      url: `/api/portal/${org.slug}/quotes/${quote.id}`,
      headers: { cookie: acmeCookie },
    });
    await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/quotes/${quote.id}/accept`,
      headers: { cookie: acmeCookie },
      payload: { signerName: "Ana", documentHash: shown.json().documentHash },
    });
    const isStatus =
      (status: string) => (e: { event: string; data: { documentId?: string; status?: string } }) =>
        e.event === "document_status" && e.data.documentId === quote.id && e.data.status === status;
    await staff.next(isStatus("viewed"));
    await staff.next(isStatus("accepted"));
    await acmeStream.next(isStatus("accepted"));
  });

  test("another customer's stream receives nothing of it", async () => {
    // Beta's first comment event is about Beta's own invoice: nothing of Acme's came before it.
    expect((await staffComment(betaInvoice.id, "Hello Beta", true)).statusCode).toBe(201);
    await betaStream.next(commentWith("Hello Beta"));
    expect(betaStream.events.filter((e) => e.event !== "ready").map((e) => e.data.documentId)).toEqual([
      betaInvoice.id,
    ]);
  });

  test("another organisation's staff stream receives nothing", async () => {
    const other = await buildOrg(ctx, "Other");
    const stream = await openStream(base, "/api/events", other.cookie);
    closers.push(() => stream.close());
    expect((await staffComment(acmeInvoice.id, "not for them", true)).statusCode).toBe(201);
    await staff.next(commentWith("not for them"));
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.events.map((e) => e.event)).toEqual(["ready"]);
  });

  test("no session: 401 before any stream opens", async () => {
    await expect(openStream(base, "/api/events", "")).rejects.toThrow(/401/);
    await expect(openStream(base, `/api/portal/${org.slug}/events`, "")).rejects.toThrow(/401/);
  });
});

describe("the stream ends with the session", () => {
  test("disabling the contact's access ends its open stream on the next heartbeat", async () => {
    const app = await buildApp({
      database: ctx.database,
      config: ctx.config,
      mailer: ctx.mailer,
      liveHeartbeatMs: 100,
    });
    closers.push(() => app.close());
    const url = await listen(app);
    const stream = await openStream(url, `/api/portal/${org.slug}/events`, acmeSecondCookie);
    const off = await ctx.app.inject({
      method: "DELETE",
      url: `/api/customers/${acme.id}/contacts/${acme.contacts[1]?.id}/portal-access`,
      headers: { cookie: org.cookie },
    });
    expect(off.statusCode).toBe(200);
    await stream.ended;
  });
});

describe("publishing", () => {
  test("nothing is announced for a rolled-back change", async () => {
    const hub = new RealtimeHub(ctx.database);
    closers.push(() => hub.close());
    const seen: RealtimeEvent[] = [];
    await hub.subscribe({ orgId: org.orgId }, (e) => seen.push(e));
    const event = (status: string): RealtimeEvent => ({
      kind: "document_status",
      orgId: org.orgId,
      customerId: acme.id,
      documentType: "invoice",
      documentId: acmeInvoice.id,
      status,
    });
    await withOrg(ctx.database.db, org.orgId, async (tx) => {
      await publish(tx, event("rolled-back"));
      throw new Error("rollback");
    }).catch(() => undefined);
    await withOrg(ctx.database.db, org.orgId, (tx) => publish(tx, event("committed")));
    await vitestWait(() => seen.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((e) => (e.kind === "document_status" ? e.status : ""))).toEqual(["committed"]);
  });
});

describe("two app instances on one PostgreSQL database", () => {
  test.skipIf(!process.env.TEST_DATABASE_URL)(
    "a comment posted through one reaches an SSE listener on the other (skipped on PGlite: one in-process database cannot be shared by two servers; run npm run test:pg)",
    async () => {
      const database = await openDatabase({ databaseUrl: ctx.databaseUrl });
      const mailer = new Mailer(ctx.config, database.db);
      const second = await buildApp({ database, config: ctx.config, mailer });
      closers.push(async () => {
        await second.close();
        mailer.close();
        await database.close();
      });
      const url = await listen(second);
      const staffOnSecond = await openStream(url, "/api/events", org.cookie);
      const acmeOnSecond = await openStream(url, `/api/portal/${org.slug}/events`, acmeCookie);
      closers.push(
        () => staffOnSecond.close(),
        () => acmeOnSecond.close(),
      );
      expect((await contactComment(ctx.app, acmeCookie, acmeInvoice.id, "across servers")).statusCode).toBe(
        201,
      );
      expect((await staffComment(acmeInvoice.id, "back across", true)).statusCode).toBe(201);
      await staffOnSecond.next(commentWith("across servers"));
      await acmeOnSecond.next(commentWith("back across"));
    },
  );
});

describe("two app processes on one PostgreSQL database", () => {
  test.skipIf(!process.env.TEST_DATABASE_URL)(
    "a comment posted through this process reaches an SSE listener of a separate server process (skipped on PGlite; run npm run test:pg)",
    async () => {
      const port = await freePort();
      // A second, independent Node process running the product's own entry point on the same database.
      const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
        env: {
          ...process.env,
          DATABASE_URL: ctx.databaseUrl,
          PORT: String(port),
          HOST: "127.0.0.1",
          PUBLIC_URL: ctx.config.publicUrl,
          APP_SECRET: ctx.config.appSecret,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout?.on("data", (d) => {
        output += d;
      });
      child.stderr?.on("data", (d) => {
        output += d;
      });
      closers.push(() => {
        child.kill("SIGTERM");
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, 30_000, () => output);
      const staffThere = await openStream(url, "/api/events", org.cookie);
      const acmeThere = await openStream(url, `/api/portal/${org.slug}/events`, acmeCookie);
      closers.push(
        () => staffThere.close(),
        () => acmeThere.close(),
      );
      expect(
        (await contactComment(ctx.app, acmeCookie, acmeInvoice.id, "to another process")).statusCode,
      ).toBe(201);
      expect((await staffComment(acmeInvoice.id, "from this process", true)).statusCode).toBe(201);
      await staffThere.next(commentWith("to another process"), 10_000);
      await acmeThere.next(commentWith("from this process"), 10_000);
    },
    60_000,
  );
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, ms: number, log: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the second process did not start:\n${log()}`);
}

async function vitestWait(ok: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!ok() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
