import { asc, desc, eq, sql } from "drizzle-orm";
import { isValidSpanishTaxId, normaliseSpanishTaxId } from "../../../shared/spanish-tax-id.js";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import {
  invoiceLines,
  type invoices,
  type VerifactuDesglose,
  verifactuRecords,
} from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { aeatDate, aeatTimestamp, altaHuella, anulacionHuella } from "./huella.js";
import { lineAmounts, TIPOS_FACTURA, type TipoFactura } from "./record-amounts.js";
import { rectifyingRecordOf } from "./rectifying-record.js";

/*
 * Writing VERI*FACTU billing records (issue 17 §1, decision 049), in the caller's transaction: the invoices
 * service calls `writeAltaInTx` when it issues an invoice or a credit note and `writeAnulacionInTx` when it
 * voids one. One chain per issuer (the organisation): the transaction takes the organisation's chain lock
 * (a transaction-scoped advisory lock) before it reads the chain's last record, so concurrent issues chain
 * in one line; the unique indexes on (org, sequence) and (org, previous fingerprint) refuse a fork anyway.
 */

/** A stored billing record; its field names follow AEAT's (the XML and QR helpers read it). */
export type VerifactuRecord = typeof verifactuRecords.$inferSelect;
export type { VerifactuDesglose };

export { lineAmounts, TIPOS_FACTURA, type TipoFactura };

type InvoiceRow = typeof invoices.$inferSelect;

/**
 * The AEAT invoice type of a document, in ONE place: a credit note is a rectifying invoice of the type
 * its rectification carries (R1–R5, `rectificationOf`, decision 051), R1 (error founded in law, art. 80
 * Uno, Dos and Seis LIVA) when it has none; an invoice or a retainer invoice is F1, or F2 (simplified)
 * when the customer has no tax id.
 */
export function invoiceTypeOf(doc: {
  kind: InvoiceRow["kind"];
  customerTaxId: string | null | undefined;
  rectifyingType?: TipoFactura | null;
}): TipoFactura {
  if (doc.kind === "credit_note") return doc.rectifyingType ?? "R1";
  return doc.customerTaxId?.trim() ? "F1" : "F2";
}

/** Every record of an invoice (its alta, and its anulación when voided), in chain order. */
export function recordsForInvoice(tx: Tx, invoiceId: string): Promise<VerifactuRecord[]> {
  return tx
    .select()
    .from(verifactuRecords)
    .where(eq(verifactuRecords.invoiceId, invoiceId))
    .orderBy(asc(verifactuRecords.sequence));
}

/** The record before this one in its issuer's chain (AEAT's RegistroAnterior), or null for the first. */
export async function previousRecordOf(tx: Tx, record: VerifactuRecord): Promise<VerifactuRecord | null> {
  if (record.sequence === 1) return null;
  const [row] = await tx
    .select()
    .from(verifactuRecords)
    .where(
      sql`${verifactuRecords.orgId} = ${record.orgId} and ${verifactuRecords.sequence} = ${record.sequence - 1}`,
    );
  return row ?? null;
}

/**
 * Takes the issuer's chain lock until the transaction ends. Everything that appends to an organisation's
 * chain takes it first, so the last record read below is the last one committed.
 */
async function lockChain(tx: Tx, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`verifactu:${orgId}`}, 0))`);
}

async function chainHead(tx: Tx, orgId: string): Promise<{ sequence: number; huella: string }> {
  const [last] = await tx
    .select({ sequence: verifactuRecords.sequence, huella: verifactuRecords.huella })
    .from(verifactuRecords)
    .where(eq(verifactuRecords.orgId, orgId))
    .orderBy(desc(verifactuRecords.sequence))
    .limit(1);
  return last ?? { sequence: 0, huella: "" };
}

/** The organisation when it is in VERI*FACTU mode (with its NIF checked), else null. */
async function issuerInMode(tx: Tx, orgId: string) {
  const org = await loadOrganisation(tx, orgId);
  if (!org.verifactuEnabled) return null;
  if (!org.taxId || !isValidSpanishTaxId(org.taxId)) throw new AppError("VERIFACTU_NIF_REQUIRED");
  return {
    nif: normaliseSpanishTaxId(org.taxId),
    name: (org.legalName ?? org.name).trim(),
    timeZone: org.timeZone,
  };
}

/**
 * The tax breakdown (Desglose) and totals of a document from its lines: one entry per positive rate (base:
 * the net of the lines bearing it; tax: their tax at that rate) and one without a rate for the net of lines
 * bearing none. Withholdings (negative rates, IRPF) are not part of VERI*FACTU's amounts: CuotaTotal is the
 * tax charged, ImporteTotal the net plus that tax. A credit note rectifies by difference, so its amounts
 * are negative.
 */
export async function amountsOf(tx: Tx, invoice: InvoiceRow) {
  const lines = await tx
    .select({ netMinor: invoiceLines.netMinor, taxes: invoiceLines.taxes })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id));
  const { desglose, cuotaTotal, importeTotal } = lineAmounts(lines, invoice.kind === "credit_note" ? -1 : 1);
  return { desglose, cuotaTotal, importeTotal };
}

/**
 * The alta of a just-issued invoice or credit note, when the organisation is in VERI*FACTU mode; refused
 * (and the issue with it) without a valid NIF, or in a currency other than the euro.
 */
export async function writeAltaInTx(
  tx: Tx,
  orgId: string,
  invoice: InvoiceRow,
): Promise<VerifactuRecord | null> {
  const issuer = await issuerInMode(tx, orgId);
  if (!issuer) return null;
  if (invoice.currency !== "EUR") throw new AppError("VERIFACTU_EUR_ONLY");
  if (!invoice.number) throw new Error("an alta needs the invoice's number");
  const customerTaxId = (invoice.customerSnapshot as { taxId?: string | null } | null)?.taxId;
  const rectifying = invoice.kind === "credit_note" ? await rectifyingRecordOf(tx, invoice) : null;
  const tipoFactura = invoiceTypeOf({
    kind: invoice.kind,
    customerTaxId,
    rectifyingType: rectifying?.tipoFactura,
  });
  const amounts = rectifying?.amounts ?? (await amountsOf(tx, invoice));
  return appendRecord(tx, issuer.timeZone, {
    orgId,
    customerId: invoice.customerId,
    invoiceId: invoice.id,
    kind: "alta",
    idEmisorFactura: issuer.nif,
    nombreRazonEmisor: issuer.name,
    numSerieFactura: invoice.number.trim(),
    fechaExpedicionFactura: invoice.issueDate,
    tipoFactura,
    ...amounts,
    rectificacion: rectifying?.rectificacion ?? null,
  });
}

/**
 * The anulación of a voided invoice or credit note, when the organisation is in VERI*FACTU mode and the
 * document has an alta (one issued before the mode was turned on was never registered, so there is
 * nothing to annul). It names the document as its alta did.
 */
export async function writeAnulacionInTx(
  tx: Tx,
  orgId: string,
  invoice: InvoiceRow,
): Promise<VerifactuRecord | null> {
  const issuer = await issuerInMode(tx, orgId);
  if (!issuer) return null;
  const alta = (await recordsForInvoice(tx, invoice.id)).find((r) => r.kind === "alta");
  if (!alta) return null;
  return appendRecord(tx, issuer.timeZone, {
    orgId,
    customerId: invoice.customerId,
    invoiceId: invoice.id,
    kind: "anulacion",
    idEmisorFactura: alta.idEmisorFactura,
    nombreRazonEmisor: issuer.name,
    numSerieFactura: alta.numSerieFactura,
    fechaExpedicionFactura: alta.fechaExpedicionFactura,
    tipoFactura: null,
    desglose: [],
    cuotaTotal: null,
    importeTotal: null,
  });
}

type NewRecord = Omit<
  typeof verifactuRecords.$inferInsert,
  "sequence" | "fechaHoraHusoGenRegistro" | "huellaAnterior" | "huella"
>;

/**
 * Appends a record to its organisation's chain under the chain lock: the next sequence, the generation
 * time, and the fingerprint computed by `expectedHuellaOf` over the very fields stored, the function
 * "Verify chain" recomputes with, so writing and verifying cannot disagree.
 */
async function appendRecord(tx: Tx, timeZone: string, record: NewRecord): Promise<VerifactuRecord | null> {
  await lockChain(tx, record.orgId);
  const head = await chainHead(tx, record.orgId);
  const fechaHoraHusoGenRegistro = aeatTimestamp(clock.nowMs(), timeZone);
  const huella = expectedHuellaOf({ ...record, fechaHoraHusoGenRegistro }, head.huella);
  const [row] = await tx
    .insert(verifactuRecords)
    .values({
      ...record,
      sequence: head.sequence + 1,
      fechaHoraHusoGenRegistro,
      huellaAnterior: head.huella,
      huella,
    })
    .returning();
  return row ?? null;
}

/** The fingerprint a stored record should carry, recomputed from its stored fields. */
export function expectedHuellaOf(
  record: Pick<
    VerifactuRecord,
    "kind" | "idEmisorFactura" | "numSerieFactura" | "fechaExpedicionFactura" | "fechaHoraHusoGenRegistro"
  > &
    Partial<Pick<VerifactuRecord, "tipoFactura" | "cuotaTotal" | "importeTotal">>,
  huellaAnterior: string,
): string {
  if (record.kind === "anulacion")
    return anulacionHuella({
      idEmisorFacturaAnulada: record.idEmisorFactura,
      numSerieFacturaAnulada: record.numSerieFactura,
      fechaExpedicionFacturaAnulada: aeatDate(record.fechaExpedicionFactura),
      huellaAnterior,
      fechaHoraHusoGenRegistro: record.fechaHoraHusoGenRegistro,
    });
  return altaHuella({
    idEmisorFactura: record.idEmisorFactura,
    numSerieFactura: record.numSerieFactura,
    fechaExpedicionFactura: aeatDate(record.fechaExpedicionFactura),
    tipoFactura: record.tipoFactura ?? "",
    cuotaTotal: record.cuotaTotal ?? "",
    importeTotal: record.importeTotal ?? "",
    huellaAnterior,
    fechaHoraHusoGenRegistro: record.fechaHoraHusoGenRegistro,
  });
}
