// The portal benches' fixture (issue 14): the demo organisation seeded with INVOICES issued invoices for
// Acme, the production server's environment, a free port and the demo contact's sign-in. Used by http.ts
// (req/s under autocannon) and cpu-per-request.ts (CPU per request, A/B).
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { contacts, invoices, organisations } from "../src/server/db/schema/index.js";
import { withOrg, withSystem } from "../src/server/db/scope.js";
import { Mailer } from "../src/server/email/mailer.js";
import { createDraft, issueInvoice } from "../src/server/modules/invoices/invoices.service.js";
import { DEMO, seedDemoIfEmpty } from "../src/server/seed.js";

export const INVOICES = 50;

export interface Target {
  orgId: string;
  customerId: string;
  contactId: string;
  invoiceId: string;
}

/** The server's environment: production mode, over plain http on the loopback, demo seeding off. */
export function serverEnv(port: number, database: { DATABASE_URL: string } | { DATA_DIR: string }) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, TEST_DATABASE_URL: undefined };
  return {
    ...env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ALLOW_INSECURE_HTTP: "1",
    APP_SECRET: randomBytes(32).toString("hex"),
    PORTICO_ENCRYPTION_KEY: `bench:${randomBytes(32).toString("base64")}`,
    PORTICO_DEMO: "0",
    ...database,
  };
}

/** The demo organisation (G1) plus issued invoices up to INVOICES for Acme; what the portal runs read. */
export async function seed(opts: { databaseUrl?: string; dataDir?: string }): Promise<Target> {
  const database = await openDatabase(opts);
  try {
    await migrateDatabase(database);
    const { db } = database;
    const config = loadConfig(serverEnv(3000, { DATA_DIR: opts.dataDir ?? "./data" }));
    await seedDemoIfEmpty(db, config, new Mailer(config, db));
    const [org] = await withSystem(db, (tx) =>
      tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.portalSlug, DEMO.slug)),
    );
    if (!org) throw new Error(`no organisation at /${DEMO.slug}`);
    const orgId = org.id;
    const [laura] = await withOrg(db, orgId, (tx) =>
      tx
        .select({ id: contacts.id, customerId: contacts.customerId })
        .from(contacts)
        .where(eq(contacts.email, DEMO.contactEmail)),
    );
    if (!laura) throw new Error(`no contact ${DEMO.contactEmail}`);
    const issued = () =>
      withOrg(db, orgId, (tx) =>
        tx
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.customerId, laura.customerId), ne(invoices.status, "draft")))
          .orderBy(asc(invoices.createdAt)),
      );
    for (let i = (await issued()).length; i < INVOICES; i++) {
      const draft = await createDraft(db, orgId, {
        customerId: laura.customerId,
        kind: "invoice",
        allowPartialPayments: false,
        notes: null,
        terms: null,
        lines: [
          {
            description: `Mantenimiento web — mes ${i}`,
            quantityMilli: 1000,
            unitPriceMinor: 35_000 + 100 * i,
            discountBp: 0,
          },
          {
            description: "Horas de soporte",
            quantityMilli: 500 * (i % 7),
            unitPriceMinor: 4500,
            discountBp: 0,
          },
        ],
      });
      await issueInvoice(db, orgId, draft.id);
    }
    // A database in use is vacuumed and analysed (autovacuum): the statistics and the visibility map that
    // index-only scans need. Done here, before any server opens the database, on both engines alike.
    await db.execute(sql`vacuum analyze`);
    // The demo's first invoice: partly paid, with payments and allocations to show.
    const [first] = await issued();
    if (!first) throw new Error("no issued invoice");
    return { orgId, customerId: laura.customerId, contactId: laura.id, invoiceId: first.id };
  } finally {
    await database.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Signs the demo contact in through the API once; returns the Cookie header of its session. */
export async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/portal/${DEMO.slug}/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO.contactEmail, password: DEMO.contactPassword }),
  });
  if (!res.ok) throw new Error(`sign-in at ${base}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
