import jsQR from "jsqr";
import { expect, test } from "vitest";
import { qrMatrix, qrPath } from "../../../server/gateways/transfer/epc-qr.js";
import { qrSymbol } from "./qr-symbol.js";

/** The path's runs drawn back onto an RGBA bitmap, 4 pixels a module, for jsqr. */
function decode({ path, size }: { path: string; size: number }): string | null {
  const scale = 4;
  const side = size * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
    for (let dy = 0; dy < scale; dy++) {
      const at = ((Number(y) * scale + dy) * side + Number(x) * scale) * 4;
      for (let dx = 0; dx < Number(w) * scale; dx++) data.fill(0, at + 4 * dx, at + 4 * dx + 3);
    }
  return jsQR(data, side, side, { inversionAttempts: "dontInvert" })?.data ?? null;
}

test("the web's VERI*FACTU QR decodes back to AEAT's URL", () => {
  const url =
    "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=F-2027%2F0001&fecha=31-12-2027&importe=-1234.50";
  const symbol = qrSymbol(url);
  expect(decode(symbol)).toBe(url);
  // The very symbol the PDF draws (the server's byte mode holds the same ASCII bytes).
  expect(symbol).toEqual(qrPath(qrMatrix(url)));
});
