import { and, asc, eq } from "drizzle-orm";
import { isValidSpanishTaxId, normaliseSpanishTaxId } from "../../../shared/spanish-tax-id.js";
import type { Db, Tx } from "../../db/client.js";
import { invoiceLines, invoices, verifactuRecords } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import type {
  DetalleDesglose,
  Encadenamiento,
  PersonaFisicaJuridica,
  RegistroAlta,
  RegistroAnulacion,
  SistemaInformatico,
} from "../verifactu-xml/record-types.js";
import { registroAltaXml, registroAnulacionXml } from "../verifactu-xml/record-xml.js";
import { previousRecordOf, type VerifactuRecord } from "./verifactu-records.js";

/*
 * A stored billing record (decision 049) as AEAT's XML (decision 050): the adapter between the two
 * modules. Everything the fingerprint covers comes from the record as stored; what AEAT's XML adds and the
 * record does not keep (the description, the customer) comes from the issued document, which cannot change
 * once issued (A5). Nothing sends it (049: submission is off); the back office downloads it.
 */

/**
 * The invoicing software as AEAT's SistemaInformatico describes it, in ONE place. Portico is used by many
 * issuers (one installation, many organisations: MultiOT) and may run with the mode off, so it is not a
 * "VERI*FACTU only" system. The producer's name and NIF must be the real producer's before any submission
 * (049's submitter is off): they are this installation's placeholder.
 */
export const PORTICO_SYSTEM: SistemaInformatico = {
  NombreRazon: "Portico Software, S.L.",
  NIF: "B12345674",
  NombreSistemaInformatico: "Portico",
  IdSistemaInformatico: "PO",
  Version: "1.0",
  NumeroInstalacion: "portico-1",
  TipoUsoPosibleSoloVerifactu: "N",
  TipoUsoPosibleMultiOT: "S",
  IndicadorMultiplesOT: "S",
};

const EU = new Set(
  "AT BE BG CY CZ DE DK EE EL GR ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

type CustomerSnapshot = {
  name?: string;
  legalName?: string | null;
  taxId?: string | null;
  country?: string | null;
};

/**
 * The customer of an F1 or R1–R4 record from the frozen customer: a valid Spanish NIF as NIF; a tax id
 * abroad as IDOtro (02 NIF-VAT inside the EU, 04 an official id elsewhere); a Spanish one that is not a
 * valid NIF as IDOtro 07 (not registered). No tax id, no recipient (F2 has none anyway).
 */
export function destinatarioOf(snapshot: CustomerSnapshot | null): PersonaFisicaJuridica | null {
  const taxId = snapshot?.taxId?.trim();
  if (!snapshot || !taxId) return null;
  const NombreRazon = (snapshot.legalName ?? snapshot.name ?? "").trim() || taxId;
  const country = snapshot.country?.trim().toUpperCase() || "ES";
  if (country === "ES" && isValidSpanishTaxId(taxId))
    return { NombreRazon, NIF: normaliseSpanishTaxId(taxId) };
  const ID = taxId.replace(/\s+/g, "").slice(0, 20);
  if (country === "ES") return { NombreRazon, IDOtro: { CodigoPais: "ES", IDType: "07", ID } };
  return { NombreRazon, IDOtro: { CodigoPais: country, IDType: EU.has(country) ? "02" : "04", ID } };
}

/** AEAT's Encadenamiento: the first record of the chain, or the previous record's id and fingerprint. */
export function encadenamientoOf(previous: VerifactuRecord | null): Encadenamiento {
  if (!previous) return { PrimerRegistro: "S" };
  return {
    RegistroAnterior: {
      IDEmisorFactura: previous.idEmisorFactura,
      NumSerieFactura: previous.numSerieFactura,
      FechaExpedicionFactura: previous.fechaExpedicionFactura,
      Huella: previous.huella,
    },
  };
}

const detalleOf = (d: VerifactuRecord["desglose"][number]): DetalleDesglose => ({
  Impuesto: d.impuesto,
  TipoImpositivo: d.tipoImpositivo ?? "0",
  BaseImponibleOimporteNoSujeto: d.baseImponible,
  CuotaRepercutida: d.cuotaRepercutida,
});

/** The RegistroAlta of a stored alta; `previous` is the record before it in the chain. */
async function altaOf(
  tx: Tx,
  record: VerifactuRecord,
  previous: VerifactuRecord | null,
): Promise<RegistroAlta> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, record.invoiceId));
  if (!invoice) throw new AppError("NOT_FOUND");
  const lines = await tx
    .select({ description: invoiceLines.description })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(asc(invoiceLines.position));
  const tipo = (record.tipoFactura ?? "F1") as RegistroAlta["TipoFactura"];
  const rect = record.rectificacion;
  const facturas = (rect?.facturasRectificadas ?? []).map((f) => ({
    IDEmisorFactura: record.idEmisorFactura,
    NumSerieFactura: f.numSerieFactura,
    FechaExpedicionFactura: f.fechaExpedicionFactura,
  }));
  const isRectifying = tipo.startsWith("R");
  const rectificacion: RegistroAlta["Rectificacion"] = !isRectifying
    ? null
    : rect?.tipoRectificativa === "S"
      ? {
          TipoRectificativa: "S",
          FacturasRectificadas: facturas,
          ImporteRectificacion: {
            BaseRectificada: rect.baseRectificada ?? "0.00",
            CuotaRectificada: rect.cuotaRectificada ?? "0.00",
          },
        }
      : { TipoRectificativa: "I", FacturasRectificadas: facturas };
  const description =
    isRectifying && invoice.rectificationReason
      ? invoice.rectificationReason
      : lines
          .map((l) => l.description.trim())
          .filter(Boolean)
          .join("; ");
  const recipient =
    tipo === "F2" || tipo === "R5" ? null : destinatarioOf(invoice.customerSnapshot as CustomerSnapshot);
  return {
    IDFactura: {
      IDEmisorFactura: record.idEmisorFactura,
      NumSerieFactura: record.numSerieFactura,
      FechaExpedicionFactura: record.fechaExpedicionFactura,
    },
    NombreRazonEmisor: record.nombreRazonEmisor,
    TipoFactura: tipo,
    Rectificacion: rectificacion,
    DescripcionOperacion: description || invoice.number || record.numSerieFactura,
    ...(recipient ? { Destinatarios: [recipient] } : {}),
    Desglose: record.desglose.map(detalleOf),
    CuotaTotal: record.cuotaTotal ?? "0.00",
    ImporteTotal: record.importeTotal ?? "0.00",
    Encadenamiento: encadenamientoOf(previous),
    SistemaInformatico: PORTICO_SYSTEM,
    FechaHoraHusoGenRegistro: record.fechaHoraHusoGenRegistro,
    Huella: record.huella,
  };
}

/** The RegistroAnulacion of a stored anulación. */
export function anulacionOf(record: VerifactuRecord, previous: VerifactuRecord | null): RegistroAnulacion {
  return {
    IDFactura: {
      IDEmisorFactura: record.idEmisorFactura,
      NumSerieFactura: record.numSerieFactura,
      FechaExpedicionFactura: record.fechaExpedicionFactura,
    },
    Encadenamiento: encadenamientoOf(previous),
    SistemaInformatico: PORTICO_SYSTEM,
    FechaHoraHusoGenRegistro: record.fechaHoraHusoGenRegistro,
    Huella: record.huella,
  };
}

/** A stored record as its standalone XML (`<sum1:RegistroAlta>` or `<sum1:RegistroAnulacion>`). */
export async function xmlOfRecord(tx: Tx, record: VerifactuRecord): Promise<string> {
  const previous = await previousRecordOf(tx, record);
  const body =
    record.kind === "alta"
      ? registroAltaXml(await altaOf(tx, record, previous))
      : registroAnulacionXml(anulacionOf(record, previous));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

/**
 * `GET /api/verifactu/records/{id}/xml`: the record's XML as a download; another organisation's record
 * (or none) is 404.
 */
export function staffRecordXml(
  db: Db,
  orgId: string,
  recordId: string,
): Promise<{ xml: string; filename: string }> {
  return withOrg(db, orgId, async (tx) => {
    const [record] = await tx
      .select()
      .from(verifactuRecords)
      .where(and(eq(verifactuRecords.orgId, orgId), eq(verifactuRecords.id, recordId)));
    if (!record) throw new AppError("NOT_FOUND");
    const safe = record.numSerieFactura.replace(/[^A-Za-z0-9._-]+/g, "-");
    return {
      xml: await xmlOfRecord(tx, record),
      filename: `verifactu-${String(record.sequence).padStart(6, "0")}-${record.kind}-${safe}.xml`,
    };
  });
}
