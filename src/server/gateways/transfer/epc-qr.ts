import { electronicFormatIBAN } from "ibantools";
import qrcode from "qrcode-generator";
import { AppError } from "../../errors/errors.js";
import { cleanLine } from "../../pdf/sanitize.js";

/**
 * The EPC QR code ("GiroCode", EPC069-12 version 002) that banking apps scan to fill in a SEPA credit
 * transfer: beneficiary, IBAN, amount and the invoice number as the remittance text.
 */
export interface EpcTransfer {
  /** Optional in version 002 inside the EEA: the line stays empty without one. */
  bic: string | null;
  beneficiary: string;
  iban: string;
  currency: string;
  amountMinor: number;
  /** The invoice number, sent as the unstructured remittance information. */
  reference: string;
}

/** The standard's ceiling for the whole payload, in bytes of its UTF-8 encoding. */
export const EPC_MAX_BYTES = 331;
const MAX_NAME = 70;
const MAX_REMITTANCE = 140;
/** EUR0.01 to EUR999999999.99. */
const MAX_AMOUNT_MINOR = 99_999_999_999;

const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");
/** Cut by code points, so a character outside the BMP is never split in half. */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join("");

function amountField(amountMinor: number): string {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 1 || amountMinor > MAX_AMOUNT_MINOR)
    throw new AppError("AMOUNT_OUT_OF_RANGE");
  const digits = String(amountMinor).padStart(3, "0");
  return `EUR${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * The payload, line by line: service tag, version, character set (1 = UTF-8), identification, BIC,
 * name, IBAN, amount, purpose (empty), structured remittance (empty), unstructured remittance. The
 * lines are joined by "\n" with no trailing newline. Only euros: anything else answers CP4003.
 */
export function epcPayload(transfer: EpcTransfer): string {
  if (transfer.currency !== "EUR") throw new AppError("CP4003");
  const iban = electronicFormatIBAN(transfer.iban) ?? "";
  const head = ["BCD", "002", "1", "SCT", cleanLine(transfer.bic).toUpperCase()];
  const tail = [
    iban,
    amountField(transfer.amountMinor),
    "",
    "",
    cut(cleanLine(transfer.reference), MAX_REMITTANCE),
  ];
  // The name is the only long free text: it gives way (by whole characters) when multi-byte letters
  // would take the payload past the byte ceiling.
  let name = Array.from(cut(cleanLine(transfer.beneficiary), MAX_NAME));
  const build = () => [...head, name.join(""), ...tail].join("\n");
  while (utf8Length(build()) > EPC_MAX_BYTES && name.length > 0) name = name.slice(0, -1);
  const payload = build();
  if (utf8Length(payload) > EPC_MAX_BYTES) throw new RangeError("EPC payload over 331 bytes");
  return payload;
}

/** Which modules of the symbol are dark, row by row (no quiet zone). */
export type QrMatrix = boolean[][];

/** The QR symbol of a payload: error correction M, byte mode holding the payload's UTF-8 bytes. */
export function qrMatrix(payload: string): QrMatrix {
  const qr = qrcode(0, "M");
  // The library's byte mode keeps the low 8 bits of each UTF-16 unit, so each UTF-8 byte is passed as
  // one character: the symbol then holds exactly the payload's UTF-8 encoding.
  qr.addData(String.fromCharCode(...Buffer.from(payload, "utf8")), "Byte");
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
}

/** Modules of white border every reader expects around the symbol. */
export const QUIET_ZONE = 4;

/**
 * The dark modules as one SVG path in module units, offset by the quiet zone: horizontal runs of dark
 * modules become one rectangle each. `size` is the side including the quiet zone on both sides.
 * The PDF (pdfkit's `path`) and the portal's SVG draw the same path.
 */
export function qrPath(matrix: QrMatrix): { path: string; size: number } {
  const parts: string[] = [];
  matrix.forEach((cells, row) => {
    let col = 0;
    while (col < cells.length) {
      if (!cells[col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < cells.length && cells[col]) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  });
  return { path: parts.join(""), size: matrix.length + 2 * QUIET_ZONE };
}

/** A standalone SVG of the symbol with its white quiet zone, scalable to any size. */
export function qrSvg(matrix: QrMatrix, title: string): string {
  const { path, size } = qrPath(matrix);
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img">`,
    `<title>${escaped}</title>`,
    `<rect width="${size}" height="${size}" fill="#fff"/>`,
    `<path d="${path}" fill="#000"/>`,
    "</svg>",
  ].join("");
}

/**
 * The transfer an invoice asks for, when a QR code applies: an open invoice with something still due,
 * in euros, from an organisation with an IBAN. The amount is what is still due, not the total.
 */
export function epcTransferOf(input: {
  iban: string | null;
  bic: string | null;
  beneficiary: string;
  currency: string;
  dueMinor: number;
  isOpen: boolean;
  reference: string | null;
}): EpcTransfer | null {
  if (!input.iban || !input.reference || !input.isOpen || input.currency !== "EUR") return null;
  // Beyond what one code may carry (EUR999999999.99) the details are still printed, without a code.
  if (input.dueMinor < 1 || input.dueMinor > MAX_AMOUNT_MINOR) return null;
  return {
    bic: input.bic,
    beneficiary: input.beneficiary,
    iban: input.iban,
    currency: input.currency,
    amountMinor: input.dueMinor,
    reference: input.reference,
  };
}
