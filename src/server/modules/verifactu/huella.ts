import { createHash } from "node:crypto";
import { zoneOffsetMinutes } from "../../../shared/zoned-time.js";

/*
 * The fingerprint ("huella") of a VERI*FACTU billing record (decision 049), as AEAT's "Detalle de las
 * especificaciones técnicas para la generación de la huella o hash de los registros de facturación"
 * specifies it: SHA-256 over the UTF-8 string `name=value&…` of the record's fields in a fixed order,
 * values trimmed, the previous record's fingerprint as `Huella` (empty for the first), written as 64
 * uppercase hexadecimal digits. Pure: the unit tests reproduce AEAT's published examples byte for byte.
 */

export interface AltaHuellaFields {
  idEmisorFactura: string;
  numSerieFactura: string;
  /** dd-mm-yyyy. */
  fechaExpedicionFactura: string;
  tipoFactura: string;
  cuotaTotal: string;
  importeTotal: string;
  /** The previous record's Huella, "" for the first record of the chain. */
  huellaAnterior: string;
  fechaHoraHusoGenRegistro: string;
}

export interface AnulacionHuellaFields {
  idEmisorFacturaAnulada: string;
  numSerieFacturaAnulada: string;
  /** dd-mm-yyyy. */
  fechaExpedicionFacturaAnulada: string;
  huellaAnterior: string;
  fechaHoraHusoGenRegistro: string;
}

const joined = (pairs: [string, string][]) =>
  pairs.map(([name, value]) => `${name}=${value.trim()}`).join("&");

/** The exact string AEAT hashes for an alta (RegistroAlta). */
export function altaHuellaInput(f: AltaHuellaFields): string {
  return joined([
    ["IDEmisorFactura", f.idEmisorFactura],
    ["NumSerieFactura", f.numSerieFactura],
    ["FechaExpedicionFactura", f.fechaExpedicionFactura],
    ["TipoFactura", f.tipoFactura],
    ["CuotaTotal", f.cuotaTotal],
    ["ImporteTotal", f.importeTotal],
    ["Huella", f.huellaAnterior],
    ["FechaHoraHusoGenRegistro", f.fechaHoraHusoGenRegistro],
  ]);
}

/** The exact string AEAT hashes for an anulación (RegistroAnulacion). */
export function anulacionHuellaInput(f: AnulacionHuellaFields): string {
  return joined([
    ["IDEmisorFacturaAnulada", f.idEmisorFacturaAnulada],
    ["NumSerieFacturaAnulada", f.numSerieFacturaAnulada],
    ["FechaExpedicionFacturaAnulada", f.fechaExpedicionFacturaAnulada],
    ["Huella", f.huellaAnterior],
    ["FechaHoraHusoGenRegistro", f.fechaHoraHusoGenRegistro],
  ]);
}

/** SHA-256 of the UTF-8 string, 64 uppercase hexadecimal digits. */
export const sha256Upper = (input: string): string =>
  createHash("sha256").update(input, "utf8").digest("hex").toUpperCase();

export const altaHuella = (f: AltaHuellaFields) => sha256Upper(altaHuellaInput(f));
export const anulacionHuella = (f: AnulacionHuellaFields) => sha256Upper(anulacionHuellaInput(f));

/** "2024-01-31" → "31-01-2024", AEAT's date form. */
export function aeatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a date: ${isoDate}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/**
 * An instant as AEAT's FechaHoraHusoGenRegistro, the wall time of the zone with its offset, to the second:
 * "2024-01-01T19:20:30+01:00" (ISO 8601, never "Z").
 */
export function aeatTimestamp(instantMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, instantMs);
  const wall = new Date(Math.floor(instantMs / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${wall}${sign}${hh}:${mm}`;
}
