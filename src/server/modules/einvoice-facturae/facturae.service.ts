import { eq } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { customers, numberSeries } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import type { FieldError } from "../../errors/errors.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { findDetail, findInvoice, type InvoiceRow, orgToday } from "../invoices/invoices.service.js";
import { loadOrganisation, type OrganisationRow } from "../organisation/organisation.service.js";
import { buildFacturaeXml, type FacturaeInvoice, type FacturaeParty } from "./facturae-xml.js";
import { hasSigningCertificateInTx, openSigningCertificateInTx } from "./signing-certificate.service.js";
import { signFacturae } from "./xades-sign.js";

type KeysConfig = Pick<Config, "encryptionKeys">;

export interface FacturaeFile {
  xml: string;
  filename: string;
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** A Spanish company's NIF starts with a letter (A–W); a person's with a digit or X/Y/Z/K/L/M. */
const isLegalEntityNif = (nif: string) => /^[ABCDEFGHJNPQRSUVW]/i.test(nif.replace(/^ES/i, ""));

interface PartySource {
  name: string | null;
  taxId: string | null;
  lines: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
}

/** The party, or the field errors saying what it lacks (a Facturae file needs the tax id and the address). */
function partyOf(
  who: "organisation" | "customer",
  s: PartySource,
  personType: "F" | "J" | null,
  extra: Pick<FacturaeParty, "email" | "phone" | "dir3">,
  missing: FieldError[],
): FacturaeParty | null {
  const need = (field: string, v: string | null) => {
    if (!v)
      missing.push({
        field: `${who}.${field}`,
        message: `the ${who}'s ${field} is required`,
        code: "custom",
      });
    return v ?? "";
  };
  const taxId = need("taxId", s.taxId);
  const lines = need("addressLine1", s.lines);
  const postalCode = need("postalCode", s.postalCode);
  const city = need("city", s.city);
  const country = need("country", s.country);
  if (!taxId || !lines || !postalCode || !city || !country) return null;
  return {
    personType: personType ?? (isLegalEntityNif(taxId) ? "J" : "F"),
    taxId,
    name: s.name ?? "",
    address: { lines, postalCode, city, province: s.region ?? city, country },
    ...extra,
  };
}

const joinLines = (a: unknown, b: unknown) => [text(a), text(b)].filter(Boolean).join(", ") || null;

/** The document's data: the organisation now, the customer as the invoice froze it at issue. */
async function facturaeInvoiceInTx(tx: Tx, org: OrganisationRow, inv: InvoiceRow): Promise<FacturaeInvoice> {
  const detail = await findDetail(tx, inv, await orgToday(tx, org.id));
  const [series] = await tx
    .select({ prefix: numberSeries.prefix })
    .from(numberSeries)
    .where(eq(numberSeries.id, inv.seriesId));
  const [live] = await tx.select().from(customers).where(eq(customers.id, inv.customerId));
  const snap = inv.customerSnapshot ?? {};
  const corrected = inv.correctsInvoiceId ? await findInvoice(tx, inv.correctsInvoiceId) : null;
  const missing: FieldError[] = [];
  const seller = partyOf(
    "organisation",
    {
      name: org.legalName || org.name,
      taxId: text(org.taxId),
      lines: joinLines(org.addressLine1, org.addressLine2),
      postalCode: text(org.postalCode),
      city: text(org.city),
      region: text(org.region),
      country: text(org.country),
    },
    null,
    { email: text(org.email), phone: text(org.phone) },
    missing,
  );
  // DIR3 codes route the file inside the administration: the customer's current ones when the invoice
  // was issued before they were entered.
  const dir3 = (key: "dir3AccountingOffice" | "dir3ManagingBody" | "dir3ProcessingUnit") =>
    text(snap[key]) ?? text(live?.[key]);
  const buyer = partyOf(
    "customer",
    {
      name: text(snap.legalName) ?? text(snap.name) ?? detail.customerName,
      taxId: text(snap.taxId),
      lines: joinLines(snap.addressLine1, snap.addressLine2),
      postalCode: text(snap.postalCode),
      city: text(snap.city),
      region: text(snap.region),
      country: text(snap.country) ?? org.country,
    },
    snap.kind === "individual" ? "F" : snap.kind === "company" ? "J" : null,
    {
      email: text(snap.email),
      phone: text(snap.phone),
      dir3: {
        accountingOffice: dir3("dir3AccountingOffice"),
        managingBody: dir3("dir3ManagingBody"),
        processingUnit: dir3("dir3ProcessingUnit"),
      },
    },
    missing,
  );
  if (!seller || !buyer) throw new AppError("FACTURAE_INCOMPLETE", missing);
  const language = text(snap.language) ?? org.language;
  return {
    number: inv.number ?? "",
    seriesCode: series?.prefix ?? "",
    isCreditNote: inv.kind === "credit_note",
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    language: language === "en" ? "en" : "es",
    lines: detail.lines,
    taxBreakdown: detail.taxBreakdown,
    netMinor: detail.netMinor,
    totalMinor: detail.totalMinor,
    corrects: corrected?.number ? { number: corrected.number, issueDate: corrected.issueDate } : null,
    iban: text(org.iban),
    bic: text(org.bic),
    seller,
    buyer,
  };
}

export const facturaeFilename = (number: string) => `${number.replace(/[^A-Za-z0-9._-]+/g, "_")}.xsig`;

/** The unsigned document of an issued invoice (drafts are no invoice yet: 404), in the caller's scope. */
export async function unsignedFacturaeInTx(tx: Tx, orgId: string, invoiceId: string): Promise<FacturaeFile> {
  const inv = await findInvoice(tx, invoiceId);
  if (inv.status === "draft" || !inv.number) throw new AppError("NOT_FOUND");
  const org = await loadOrganisation(tx, orgId);
  return {
    xml: buildFacturaeXml(await facturaeInvoiceInTx(tx, org, inv)),
    filename: facturaeFilename(inv.number),
  };
}

/** Built and signed in the organisation's staff scope: the certificate is never in a contact's. */
async function signedFacturae(db: Db, config: KeysConfig, orgId: string, invoiceId: string) {
  return withOrg(db, orgId, async (tx) => {
    // The invoice first: another organisation's is a 404 whether or not this one has a certificate.
    const file = await unsignedFacturaeInTx(tx, orgId, invoiceId);
    const cert = await openSigningCertificateInTx(tx, config, orgId);
    return { ...file, xml: await signFacturae(file.xml, cert, clock.now()) };
  });
}

/** The back office's download: any issued invoice or credit note of the organisation. */
export function staffFacturae(db: Db, config: KeysConfig, orgId: string, invoiceId: string) {
  return signedFacturae(db, config, orgId, invoiceId);
}

/**
 * The portal's download: the contact's own issued invoice (another customer's, or a draft, is a 404 first,
 * read under the contact's row-level security), then built and signed for the organisation; recorded in
 * the audit trail as a download, like the PDF (not for a staff preview).
 */
export async function portalFacturae(
  db: Db,
  config: KeysConfig,
  p: ContactPrincipal,
  invoiceId: string,
  origin: AuditOrigin,
) {
  await withContact(db, p.orgId, p.customerId, async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    if (inv.status === "draft") throw new AppError("NOT_FOUND");
  });
  const file = await signedFacturae(db, config, p.orgId, invoiceId);
  if (!p.preview)
    await withContact(db, p.orgId, p.customerId, (tx) =>
      recordPortalEvent(
        tx,
        {
          orgId: p.orgId,
          customerId: p.customerId,
          contactId: p.contactId,
          action: "document_downloaded",
          documentType: "invoice",
          documentId: invoiceId,
        },
        origin,
      ),
    );
  return file;
}

/** Whether the portal shows "Download Facturae": the organisation has a certificate. */
export function portalFacturaeAvailable(db: Db, p: ContactPrincipal): Promise<{ available: boolean }> {
  return withOrg(db, p.orgId, async (tx) => ({ available: await hasSigningCertificateInTx(tx, p.orgId) }));
}
