import { and, asc, count, desc, eq, gt, lt } from "drizzle-orm";
import type {
  VerifactuRecordPage,
  VerifactuRecordsQuery,
  VerifactuSettings,
  VerifactuVerifyResult,
} from "../../../shared/contracts/verifactu.js";
import { isValidSpanishTaxId } from "../../../shared/spanish-tax-id.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { organisations, verifactuRecords } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError, type FieldError } from "../../errors/errors.js";
import { loadOrganisation, type OrganisationRow } from "../organisation/organisation.service.js";
import { expectedHuellaOf, type VerifactuRecord } from "./verifactu-records.js";

/** Why the organisation may not turn VERI*FACTU mode on, as field errors of its profile; none when it may. */
function readinessProblems(org: OrganisationRow): FieldError[] {
  const problems: FieldError[] = [];
  if (!org.taxId?.trim())
    problems.push({
      field: "taxId",
      message: "VERI*FACTU mode needs the organisation's NIF",
      code: "required",
    });
  else if (!isValidSpanishTaxId(org.taxId))
    problems.push({ field: "taxId", message: "not a valid Spanish NIF, NIE or CIF", code: "nif_invalid" });
  if (org.country !== "ES")
    problems.push({
      field: "country",
      message: "VERI*FACTU is for organisations in Spain",
      code: "country_not_spain",
    });
  return problems;
}

async function settingsOf(tx: Tx, org: OrganisationRow): Promise<VerifactuSettings> {
  const [row] = await tx
    .select({ n: count() })
    .from(verifactuRecords)
    .where(eq(verifactuRecords.orgId, org.id));
  return {
    enabled: org.verifactuEnabled,
    taxId: org.taxId,
    country: org.country,
    ready: readinessProblems(org).length === 0,
    records: row?.n ?? 0,
  };
}

export function getVerifactuSettings(db: Db, orgId: string): Promise<VerifactuSettings> {
  return withOrg(db, orgId, async (tx) => settingsOf(tx, await loadOrganisation(tx, orgId)));
}

/**
 * Turns the mode on or off. On needs a Spanish organisation with a well-formed NIF (field errors naming
 * the profile's fields otherwise, and nothing changes); off stops writing records, and keeps the ones
 * written.
 */
export function setVerifactuEnabled(db: Db, orgId: string, enabled: boolean): Promise<VerifactuSettings> {
  return withOrg(db, orgId, async (tx) => {
    const current = await loadOrganisation(tx, orgId);
    if (enabled) {
      const problems = readinessProblems(current);
      if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems);
    }
    const [org] = await tx
      .update(organisations)
      .set({ verifactuEnabled: enabled, updatedAt: clock.now() })
      .where(eq(organisations.id, orgId))
      .returning();
    if (!org) throw new AppError("NOT_FOUND");
    return settingsOf(tx, org);
  });
}

const toSummary = (r: VerifactuRecord) => ({
  id: r.id,
  sequence: r.sequence,
  kind: r.kind,
  invoiceId: r.invoiceId,
  numSerieFactura: r.numSerieFactura,
  fechaExpedicionFactura: r.fechaExpedicionFactura,
  tipoFactura: r.tipoFactura,
  cuotaTotal: r.cuotaTotal,
  importeTotal: r.importeTotal,
  fechaHoraHusoGenRegistro: r.fechaHoraHusoGenRegistro,
  huellaAnterior: r.huellaAnterior,
  huella: r.huella,
});

/** The organisation's records, newest first, a page at a time. */
export function listVerifactuRecords(
  db: Db,
  orgId: string,
  query: VerifactuRecordsQuery,
): Promise<VerifactuRecordPage> {
  return withOrg(db, orgId, async (tx) => {
    const rows = await tx
      .select()
      .from(verifactuRecords)
      .where(
        and(
          eq(verifactuRecords.orgId, orgId),
          query.before === undefined ? undefined : lt(verifactuRecords.sequence, query.before),
        ),
      )
      .orderBy(desc(verifactuRecords.sequence))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      records: page.map(toSummary),
      nextBefore: rows.length > query.limit && last ? last.sequence : null,
    };
  });
}

const VERIFY_BATCH = 2000;

/**
 * Recomputes the organisation's chain in order: each record must follow the one before it (sequence + 1,
 * its previous fingerprint equal to that record's fingerprint; "" for the first) and carry the fingerprint
 * of its own stored fields. Reports the first record where either fails.
 */
export function verifyVerifactuChain(db: Db, orgId: string): Promise<VerifactuVerifyResult> {
  return withOrg(db, orgId, async (tx) => {
    let previous = { sequence: 0, huella: "" };
    let records = 0;
    for (;;) {
      const batch = await tx
        .select()
        .from(verifactuRecords)
        .where(and(eq(verifactuRecords.orgId, orgId), gt(verifactuRecords.sequence, previous.sequence)))
        .orderBy(asc(verifactuRecords.sequence))
        .limit(VERIFY_BATCH);
      for (const record of batch) {
        const found = (expected: string, stored: string): VerifactuVerifyResult => ({
          ok: false,
          records: records + 1,
          firstBreak: { sequence: record.sequence, invoiceNumber: record.numSerieFactura, expected, stored },
        });
        if (record.sequence !== previous.sequence + 1)
          return found(`sequence ${previous.sequence + 1}`, `sequence ${record.sequence}`);
        if (record.huellaAnterior !== previous.huella) return found(previous.huella, record.huellaAnterior);
        const expected = expectedHuellaOf(record, previous.huella);
        if (expected !== record.huella) return found(expected, record.huella);
        previous = record;
        records++;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, records };
    }
  });
}
