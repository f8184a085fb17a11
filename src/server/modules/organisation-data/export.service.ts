import { and, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { invoices, organisations, quotes, salesOrders } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { PdfLanguageChoice } from "../documents/pdf-language.js";
import { staffInvoicePdf } from "../invoices/invoice-pdf.service.js";
import { staffQuotePdf } from "../quotes/quote-pdf.service.js";
import { staffSalesOrderPdf } from "../sales-orders/sales-order-pdf.service.js";
import {
  redactTokens,
  SECRET_COLUMNS,
  SESSION_TABLES,
  TENANT_TABLES,
  type TenantTable,
  TOKEN_BEARING_COLUMNS,
} from "./tenant-tables.js";
import { writeZip, type ZipEntry } from "./zip.js";

const README = (tables: string[]) =>
  `Portico export of one organisation's data.

data/<table>.json: every row of the organisation in each table, keyed by column name (binary values,
such as the logo and drawn signatures, are base64). Tables: ${tables.join(", ")}.
pdf/: the PDF of every issued invoice, credit note, retainer, quote and sales order, as staff download it.

Left out because they are secrets or live credentials:
- the tables ${SESSION_TABLES.join(" and ")} (signed-in sessions);
- the columns ${SECRET_COLUMNS.join(", ")} wherever they appear (contact password hashes, hashes of
  document links, portal invitation/reset tokens, team invitations and API keys, and the encrypted
  credentials of payment gateways: only what Settings shows of them is kept);
- the links inside stored emails (their bodies keep the text, each token replaced by "[token removed]");
- people's (staff users') password hashes: staff accounts are not part of the organisation, only
  their memberships are.
`;

const toJson = (rows: unknown[]) =>
  Buffer.from(
    JSON.stringify(
      rows,
      (_key, value: unknown) =>
        value && typeof value === "object" && "type" in value && value.type === "Buffer" && "data" in value
          ? Buffer.from(value.data as number[]).toString("base64")
          : value,
      2,
    ),
  );

/** The organisation's rows of one tenant table, keyed by column name, secrets left out. */
async function tableRows(tx: Tx, orgId: string, t: TenantTable): Promise<Record<string, unknown>[]> {
  const rows = (await tx.select().from(t.table).where(eq(t.orgColumn, orgId))) as Record<string, unknown>[];
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(t.columns)
        .filter(([, column]) => !SECRET_COLUMNS.includes(column.name))
        .map(([key, column]) => {
          const value = row[key];
          const bearsTokens = TOKEN_BEARING_COLUMNS.includes(`${t.name}.${column.name}`);
          return [column.name, bearsTokens && typeof value === "string" ? redactTokens(value) : value];
        }),
    ),
  );
}

export const EXPORTED_TABLES = TENANT_TABLES.filter((t) => !SESSION_TABLES.includes(t.name));

/**
 * One zip of everything the organisation owns (issue 12 §1): a JSON file per tenant table read in the
 * organisation's own scope (row-level security keeps every other organisation out), and the PDF of every
 * issued document. The PDFs are drawn in the customer's language.
 */
export async function exportOrganisation(db: Db, orgId: string): Promise<{ zip: Buffer; filename: string }> {
  const { slug, tables, documents } = await withOrg(db, orgId, async (tx) => {
    const [org] = await tx
      .select({ slug: organisations.portalSlug })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    const tables: ZipEntry[] = [];
    for (const t of EXPORTED_TABLES) {
      tables.push({ name: `data/${t.name}.json`, data: toJson(await tableRows(tx, orgId, t)) });
    }
    const issued = <T extends typeof invoices | typeof quotes | typeof salesOrders>(table: T) =>
      tx
        .select({ id: table.id })
        .from(table as typeof invoices)
        .where(and(eq(table.orgId, orgId), isNotNull(table.number)))
        .orderBy(table.number);
    return {
      slug: org?.slug ?? "organisation",
      tables,
      documents: {
        invoices: await issued(invoices),
        quotes: await issued(quotes),
        salesOrders: await issued(salesOrders),
      },
    };
  });
  const lang: PdfLanguageChoice = { query: undefined, browser: "en" };
  const pdfs: ZipEntry[] = [];
  for (const { id } of documents.invoices) {
    const { pdf, filename } = await staffInvoicePdf(db, orgId, id, lang);
    pdfs.push({ name: `pdf/invoices/${filename}`, data: pdf });
  }
  for (const { id } of documents.quotes) {
    const { pdf, filename } = await staffQuotePdf(db, orgId, id, lang);
    pdfs.push({ name: `pdf/quotes/${filename}`, data: pdf });
  }
  for (const { id } of documents.salesOrders) {
    const { pdf, filename } = await staffSalesOrderPdf(db, orgId, id, lang);
    pdfs.push({ name: `pdf/sales-orders/${filename}`, data: pdf });
  }
  const readme = { name: "README.txt", data: Buffer.from(README(EXPORTED_TABLES.map((t) => t.name))) };
  return { zip: writeZip([readme, ...tables, ...pdfs]), filename: `portico-${slug}-export.zip` };
}
