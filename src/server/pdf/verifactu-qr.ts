import { COLORS, type RenderContext, STYLES } from "./layout.js";
import { drawText } from "./text.js";

/** 1 mm in points. */
const MM = 72 / 25.4;
/**
 * The symbol's side, quiet zone excluded: AEAT asks for 30 to 40 mm (issue 17); 32 mm leaves room for
 * rounding either way. The white quiet zone of 4 modules is drawn around it.
 */
export const VERIFACTU_QR_SYMBOL_MM = 32;
const QUIET_MODULES = 4;

/**
 * The legends are legal text (RD 1007/2023, Orden HAC/1177/2024): printed in Spanish whatever the PDF's
 * language.
 */
export const VERIFACTU_LEGEND = "Factura verificable en la sede electrónica de la AEAT";
export const VERIFACTU_MARK = "VERI*FACTU";
const LEGEND_STYLE = { size: 8, color: COLORS.text };

/**
 * At the very top of the first page, before the document's content as AEAT asks: "VERI*FACTU", the QR
 * (vector squares, error correction M) and the legend below it. Moves the cursor below the block.
 */
export function drawVerifactuQr(ctx: RenderContext): void {
  const qr = ctx.data.verifactu?.qr;
  if (!qr) return;
  const { doc } = ctx;
  const scale = (VERIFACTU_QR_SYMBOL_MM * MM) / (qr.size - 2 * QUIET_MODULES);
  const side = scale * qr.size;
  const quiet = scale * QUIET_MODULES;
  // The quiet zone may reach into the page margin: the symbol itself lines up with the content.
  const x = ctx.left - quiet;
  let y = ctx.y;
  y += drawText(doc, VERIFACTU_MARK, STYLES.bodyBold, ctx.left, y, side);
  doc.save().rect(x, y, side, side).fill("#ffffff");
  doc.translate(x, y).scale(scale).path(qr.path).fill("#000000").restore();
  y += side;
  // Legal text: in the body's colour, not the muted one of captions.
  y += drawText(doc, VERIFACTU_LEGEND, LEGEND_STYLE, ctx.left, y, Math.max(side - 2 * quiet, 160));
  ctx.y = y + 14;
}
