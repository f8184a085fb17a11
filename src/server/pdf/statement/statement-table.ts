import type { RenderContext } from "../layout.js";
import { drawCells, drawLines, layoutText, lineHeight, type TextStyle } from "../text.js";

const PAD_X = 4;
const PAD_Y = 3;
const HEADER_STYLE: TextStyle = { size: 8, weight: "bold" };

export interface Cell {
  label: string;
  width: number;
  align: "left" | "right";
}

/** The brand-coloured column headers, repeated at the top of every page of the table. */
export function drawTableHeader(ctx: RenderContext, cols: Cell[]): void {
  const height = lineHeight(HEADER_STYLE) + 2 * PAD_Y + 2;
  ctx.doc.rect(ctx.left, ctx.y, ctx.width, height).fill(ctx.brand);
  const style = { ...HEADER_STYLE, color: ctx.onBrand };
  let x = ctx.left;
  for (const col of cols) {
    const lines = layoutText(ctx.doc, col.label, style, col.width - 2 * PAD_X).slice(0, 1);
    drawLines(ctx.doc, lines, style, x + PAD_X, ctx.y + PAD_Y + 1, {
      align: col.align,
      width: col.width - 2 * PAD_X,
    });
    x += col.width;
  }
  ctx.y += height;
}

/**
 * Lays a row out first (so the caller can move to a new page when it does not fit), then draws it at
 * the y it is given. Long cells wrap; the row is as tall as its tallest cell.
 */
export function drawRow(
  ctx: RenderContext,
  cols: Cell[],
  texts: string[],
  style: TextStyle,
  padY = PAD_Y,
): { height: number; at(y: number): void } {
  const cells = cols.map((col, i) => layoutText(ctx.doc, texts[i] ?? "", style, col.width - 2 * PAD_X));
  const lines = Math.max(1, ...cells.map((c) => c.length));
  return {
    height: lines * lineHeight(style) + 2 * padY,
    at(y) {
      let x = ctx.left;
      const placed = cols.map((col, i) => {
        const cell = { lines: cells[i] ?? [], x: x + PAD_X, width: col.width - 2 * PAD_X, align: col.align };
        x += col.width;
        return cell;
      });
      drawCells(ctx.doc, placed, style, y + padY);
    },
  };
}
