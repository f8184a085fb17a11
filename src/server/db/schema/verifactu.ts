import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey } from "./_columns.js";

/** One line of a record's tax breakdown (AEAT `DetalleDesglose`), amounts as exact decimal strings. */
export type VerifactuDesglose = {
  /** "01" IVA. */
  impuesto: "01";
  /** Percent with 2 decimals ("21.00"); null for a base that bears no tax. */
  tipoImpositivo: string | null;
  baseImponible: string;
  cuotaRepercutida: string;
};

/**
 * What a rectifying invoice's record (R1–R5) adds for the XML (decision 049, "wiring"): AEAT's
 * TipoRectificativa ("I" by difference, "S" by substitution), FacturasRectificadas (number and date) and,
 * by substitution, ImporteRectificacion (the rectified invoice's base and tax). Not fingerprinted.
 */
export type VerifactuRectificacion = {
  tipoRectificativa: "I" | "S";
  facturasRectificadas: { numSerieFactura: string; fechaExpedicionFactura: string }[];
  /** By substitution only: BaseRectificada and CuotaRectificada, "123.45". */
  baseRectificada: string | null;
  cuotaRectificada: string | null;
};

/**
 * VERI*FACTU billing records (issue 17 §1, decision 049): one `alta` per issued invoice or credit note
 * and one `anulacion` per voided one, chained per issuer (organisation) by `huella` (SHA-256 over AEAT's
 * string, with the previous record's `huella`). Append-only in the database: the security migration's
 * trigger refuses UPDATE and DELETE, and the app role is granted only SELECT and INSERT. Column names
 * follow AEAT's field names.
 */
export const verifactuRecords = pgTable(
  "verifactu_records",
  {
    id: rowId(),
    orgId: orgId(),
    /** The invoice's customer, so a contact's scope may read its own invoices' records. */
    customerId: uuid("customer_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    kind: text("kind", { enum: ["alta", "anulacion"] }).notNull(),
    /** Position in the issuer's chain, from 1, without gaps. */
    sequence: integer("sequence").notNull(),
    /** IDEmisorFactura (the organisation's NIF as it was when the record was written). */
    idEmisorFactura: text("id_emisor_factura").notNull(),
    /** NombreRazonEmisor. */
    nombreRazonEmisor: text("nombre_razon_emisor").notNull(),
    /** NumSerieFactura: the invoice's number, series included. */
    numSerieFactura: text("num_serie_factura").notNull(),
    /** FechaExpedicionFactura (stored as a date; dd-mm-yyyy in the fingerprint and the XML). */
    fechaExpedicionFactura: date("fecha_expedicion_factura", { mode: "string" }).notNull(),
    /** TipoFactura (F1, F2, R1–R5); null for an anulación. */
    tipoFactura: text("tipo_factura"),
    /** Desglose; empty for an anulación. */
    desglose: jsonb("desglose").$type<VerifactuDesglose[]>().notNull().default([]),
    /** CuotaTotal and ImporteTotal, "123.45"; null for an anulación. */
    cuotaTotal: text("cuota_total"),
    importeTotal: text("importe_total"),
    /** FechaHoraHusoGenRegistro, "2024-01-01T19:20:30+01:00" in the organisation's zone. */
    fechaHoraHusoGenRegistro: text("fecha_hora_huso_gen_registro").notNull(),
    /** The previous record's Huella ("" for the first of the chain). */
    huellaAnterior: text("huella_anterior").notNull(),
    huella: text("huella").notNull(),
    /** A rectifying invoice's TipoRectificativa, FacturasRectificadas, ImporteRectificacion; else null. */
    rectificacion: jsonb("rectificacion").$type<VerifactuRectificacion>(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("verifactu_records", t),
    uniqueIndex("verifactu_records_sequence_key").on(t.orgId, t.sequence),
    // No fork: two records never follow the same one (the first follows "").
    uniqueIndex("verifactu_records_previous_key").on(t.orgId, t.huellaAnterior),
    index("verifactu_records_invoice_idx").on(t.orgId, t.invoiceId),
  ],
);
