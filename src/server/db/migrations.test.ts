import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, test } from "vitest";

const folder = fileURLToPath(new URL("./migrations", import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith(".sql"))
  .sort();
const run = (pg: PGlite, file: string) => pg.exec(readFileSync(`${folder}/${file}`, "utf8"));

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite();
  for (const f of files.filter((f) => f < "0006")) await run(pg, f);
});
afterAll(() => pg.close());

const ORG = "00000000-0000-4000-8000-000000000001";
const CUSTOMER = "00000000-0000-4000-8000-000000000002";
const SERIES = "00000000-0000-4000-8000-000000000003";
const CONTACT = "00000000-0000-4000-8000-000000000004";
const INVOICES = ["00000000-0000-4000-8000-000000000011", "00000000-0000-4000-8000-000000000012"];

/**
 * Migration 0006 moves money recorded before the ledger: each payment paid one invoice, so it becomes one
 * allocation, gets a receipt number, and the checkouts name their invoice in their plan.
 */
test("0006 moves existing payments into allocations and numbers their receipts", async () => {
  await pg.exec(`
    INSERT INTO organisations (id, name, portal_slug, language, time_zone) VALUES ('${ORG}', 'Old Org', 'old-org', 'es', 'Europe/Madrid');
    INSERT INTO customers (id, org_id, name, currency) VALUES ('${CUSTOMER}', '${ORG}', 'Old Customer', 'EUR');
    INSERT INTO contacts (id, org_id, customer_id, name) VALUES ('${CONTACT}', '${ORG}', '${CUSTOMER}', 'Ana');
    INSERT INTO number_series (id, org_id, document_type, name, prefix, is_default) VALUES ('${SERIES}', '${ORG}', 'invoice', 'F', 'F', true);
    INSERT INTO invoices (id, org_id, customer_id, series_id, number, status, issue_date, currency, total_minor, paid_minor, issued_at)
      VALUES ('${INVOICES[0]}', '${ORG}', '${CUSTOMER}', '${SERIES}', 'F2025-0001', 'paid', '2025-12-01', 'EUR', 12100, 12100, now()),
             ('${INVOICES[1]}', '${ORG}', '${CUSTOMER}', '${SERIES}', 'F2026-0001', 'partially_paid', '2026-01-10', 'EUR', 5000, 2000, now());
    INSERT INTO payments (org_id, customer_id, invoice_id, amount_minor, currency, method, gateway, gateway_reference, paid_at)
      VALUES ('${ORG}', '${CUSTOMER}', '${INVOICES[0]}', 12100, 'EUR', 'gateway', 'sandbox', 'ref-1', '2025-12-31T23:30:00Z'),
             ('${ORG}', '${CUSTOMER}', '${INVOICES[1]}', 2000, 'EUR', 'transfer', null, null, '2026-01-15T10:00:00Z');
    INSERT INTO checkout_sessions (org_id, customer_id, contact_id, invoice_id, gateway, idempotency_key, amount_minor, currency, description)
      VALUES ('${ORG}', '${CUSTOMER}', '${CONTACT}', '${INVOICES[1]}', 'sandbox', 'key-1', 3000, 'EUR', 'F2026-0001');
  `);
  await run(pg, files.find((f) => f.startsWith("0006")) as string);

  const payments = await pg.query<{ number: string; paid_on: string }>(
    "SELECT number, paid_on::text FROM payments ORDER BY paid_at",
  );
  // 23:30 UTC on 31 December is already 1 January in Madrid: the receipt belongs to 2026.
  expect(payments.rows).toEqual([
    { number: "RC2026-0001", paid_on: "2026-01-01" },
    { number: "RC2026-0002", paid_on: "2026-01-15" },
  ]);
  const allocations = await pg.query<{ invoice_id: string; amount_minor: string }>(
    "SELECT invoice_id, amount_minor::text FROM allocations ORDER BY invoice_id",
  );
  expect(allocations.rows).toEqual([
    { invoice_id: INVOICES[0], amount_minor: "12100" },
    { invoice_id: INVOICES[1], amount_minor: "2000" },
  ]);
  const counters = await pg.query<{ year: number; last_number: number }>(
    "SELECT c.year, c.last_number FROM number_counters c JOIN number_series s ON s.id = c.series_id WHERE s.document_type = 'receipt'",
  );
  expect(counters.rows).toEqual([{ year: 2026, last_number: 2 }]);
  const series = await pg.query<{ document_type: string; prefix: string }>(
    "SELECT document_type, prefix FROM number_series ORDER BY prefix",
  );
  expect(series.rows).toEqual([
    { document_type: "retainer", prefix: "AN" },
    { document_type: "invoice", prefix: "F" },
    { document_type: "credit_note", prefix: "R" },
    { document_type: "receipt", prefix: "RC" },
  ]);
  const checkout = await pg.query<{ allocations: unknown }>("SELECT allocations FROM checkout_sessions");
  expect(checkout.rows[0]?.allocations).toEqual([{ invoiceId: INVOICES[1], amountMinor: 3000 }]);
  const kinds = await pg.query<{ kind: string }>("SELECT DISTINCT kind FROM invoices");
  expect(kinds.rows).toEqual([{ kind: "invoice" }]);
});
