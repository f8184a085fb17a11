import { aeatDate, amountOfMinor } from "./aeat-formats.js";

/**
 * AEAT's page where anyone checks an invoice against the records AEAT holds ("cotejo"). The printed QR
 * carries the production address; `prewww2.aeat.es` is AEAT's test environment, for a test submission
 * set-up once records are sent (decision 050).
 */
export const VERIFACTU_QR_BASE = {
  production: "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR",
  test: "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR",
} as const;

export interface VerifactuQrInput {
  /** The issuer's NIF (the organisation's tax id). */
  nif: string;
  /** Series and number as issued (NumSerieFactura). */
  numSerie: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** The record's ImporteTotal in euro cents (negative for a rectifying invoice that reduces). */
  totalMinor: number;
}

/** An organisation's tax id as AEAT writes a NIF: no spaces, dots or dashes, upper case, no "ES" prefix. */
export function normaliseNif(taxId: string): string {
  const compact = taxId.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
  return compact.length === 11 && compact.startsWith("ES") ? compact.slice(2) : compact;
}

/**
 * The QR's URL: `nif`, `numserie` (percent-encoded: a "/" of a series becomes %2F), `fecha` dd-mm-yyyy and
 * `importe` with two decimals and a dot, in that order (AEAT's QR specification).
 */
export function verifactuQrUrl(
  input: VerifactuQrInput,
  environment: keyof typeof VERIFACTU_QR_BASE = "production",
): string {
  const query = [
    ["nif", normaliseNif(input.nif)],
    ["numserie", input.numSerie.trim()],
    ["fecha", aeatDate(input.issueDate)],
    ["importe", amountOfMinor(input.totalMinor)],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value as string)}`)
    .join("&");
  return `${VERIFACTU_QR_BASE[environment]}?${query}`;
}
