import qrcode from "qrcode-generator";

/** Modules of white border every reader expects around the symbol. */
const QUIET_ZONE = 4;

/**
 * The QR symbol of an ASCII text (AEAT's URL), error correction M as AEAT asks, as one SVG path in module
 * units: each horizontal run of dark modules one rectangle, offset by the quiet zone. `size` is the side
 * including the quiet zone. The server draws the PDF's symbol the same way (`gateways/transfer/epc-qr.ts`).
 */
export function qrSymbol(text: string): { path: string; size: number } {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const count = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { path: parts.join(""), size: count + 2 * QUIET_ZONE };
}
