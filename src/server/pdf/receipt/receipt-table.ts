import { drawRule, ensureSpace, type RenderContext, STYLES } from "../layout.js";
import { cleanLine } from "../sanitize.js";
import { drawLines, layoutText, lineHeight, type TextStyle } from "../text.js";

const PAD_X = 4;
const PAD_Y = 4;
const HEADER_STYLE: TextStyle = { size: 8, weight: "bold" };

export interface ReceiptColumn {
  label: string;
  /** Share of the page width; the columns' shares add up to 1. */
  share: number;
  align: "left" | "right";
}

function drawRow(ctx: RenderContext, cols: ReceiptColumn[], cells: string[], style: TextStyle): number {
  const prepared = cols.map((col, i) =>
    layoutText(ctx.doc, cleanLine(cells[i]), style, col.share * ctx.width - 2 * PAD_X),
  );
  const height = Math.max(...prepared.map((lines) => lines.length), 1) * lineHeight(style) + 2 * PAD_Y;
  let x = ctx.left;
  cols.forEach((col, i) => {
    const width = col.share * ctx.width;
    drawLines(ctx.doc, prepared[i] ?? [], style, x + PAD_X, ctx.y + PAD_Y, {
      align: col.align,
      width: width - 2 * PAD_X,
    });
    x += width;
  });
  return height;
}

function drawHeaderRow(ctx: RenderContext, cols: ReceiptColumn[]): void {
  const height = lineHeight(HEADER_STYLE) + 2 * PAD_Y;
  ctx.doc.rect(ctx.left, ctx.y, ctx.width, height).fill(ctx.brand);
  drawRow(
    ctx,
    cols,
    cols.map((c) => c.label),
    { ...HEADER_STYLE, color: ctx.onBrand },
  );
  ctx.y += height;
}

/**
 * A titled table of short rows (invoices paid, refunds). The header row repeats on every new page so a
 * receipt of a payment spread over many invoices stays readable.
 */
export function drawReceiptTable(
  ctx: RenderContext,
  title: string,
  cols: ReceiptColumn[],
  rows: string[][],
): void {
  const rowHeight = lineHeight(STYLES.body) + 2 * PAD_Y;
  ensureSpace(ctx, 60);
  ctx.y += drawLines(
    ctx.doc,
    layoutText(ctx.doc, title, STYLES.party, ctx.width),
    STYLES.party,
    ctx.left,
    ctx.y,
  );
  ctx.y += 4;
  drawHeaderRow(ctx, cols);
  for (const cells of rows) {
    if (ensureSpace(ctx, rowHeight * 2)) drawHeaderRow(ctx, cols);
    ctx.y += drawRow(ctx, cols, cells, STYLES.body);
    drawRule(ctx, ctx.y);
  }
  ctx.y += 16;
}
