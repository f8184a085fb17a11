import { formatDiscount, formatQuantity } from "./format.js";
import { COLORS, drawRule, ensureSpace, MARGIN, type RenderContext, STYLES } from "./layout.js";
import { cleanLine, cleanMultiline } from "./sanitize.js";
import { drawLines, layoutText, lineHeight, type TextLine, type TextStyle } from "./text.js";

const PAD_X = 4;
const PAD_Y = 4;
const HEADER_STYLE: TextStyle = { size: 8, weight: "bold" };

interface Column {
  key: "description" | "quantity" | "price" | "discount" | "taxes" | "amount";
  label: string;
  width: number;
  align: "left" | "right";
  style: TextStyle;
}

function columns(ctx: RenderContext): Column[] {
  const { labels } = ctx;
  const hasDiscount = ctx.data.lines.some((l) => l.discountBp !== 0);
  const fixed: Column[] = [
    { key: "quantity", label: labels.quantity, width: 48, align: "right", style: STYLES.body },
    { key: "price", label: labels.price, width: 70, align: "right", style: STYLES.body },
    ...(hasDiscount
      ? [{ key: "discount", label: labels.discount, width: 42, align: "right", style: STYLES.body } as const]
      : []),
    { key: "taxes", label: labels.taxes, width: 76, align: "left", style: STYLES.small },
    { key: "amount", label: labels.amount, width: 78, align: "right", style: STYLES.body },
  ];
  const used = fixed.reduce((sum, c) => sum + c.width, 0);
  return [
    {
      key: "description",
      label: labels.description,
      width: ctx.width - used,
      align: "left",
      style: STYLES.body,
    },
    ...fixed,
  ];
}

function drawColumnHeaders(ctx: RenderContext, cols: Column[]): void {
  const height = lineHeight(HEADER_STYLE) + 2 * PAD_Y;
  ctx.doc.rect(ctx.left, ctx.y, ctx.width, height).fill(ctx.brand);
  let x = ctx.left;
  for (const col of cols) {
    const style = { ...HEADER_STYLE, color: ctx.onBrand };
    const lines = layoutText(ctx.doc, col.label, style, col.width - 2 * PAD_X);
    drawLines(ctx.doc, lines.slice(0, 1), style, x + PAD_X, ctx.y + PAD_Y, {
      align: col.align,
      width: col.width - 2 * PAD_X,
    });
    x += col.width;
  }
  ctx.y += height;
}

function cellText(
  ctx: RenderContext,
  line: RenderContext["data"]["lines"][number],
  key: Column["key"],
): string {
  const { locale } = ctx.data;
  switch (key) {
    case "description":
      return cleanMultiline(line.description);
    case "quantity":
      return formatQuantity(line.quantityMilli, locale);
    case "price":
      return ctx.money(line.unitPriceMinor);
    case "discount":
      return formatDiscount(line.discountBp, locale);
    case "taxes":
      // No-break spaces inside a label so "IRPF −15 %" wraps as a unit, never as "IRPF" / "−15 %".
      return line.taxLabels
        .map((label) => cleanLine(label).replace(/ /g, "\u00a0"))
        .filter(Boolean)
        .join(", ");
    case "amount":
      return ctx.money(line.netMinor);
  }
}

/**
 * The lines table. Rows stay whole when they fit on a page; a row taller than a page (a very long
 * description) is split line by line. Every new page repeats the column headers.
 */
export function drawLinesTable(ctx: RenderContext): void {
  const cols = columns(ctx);
  const headerHeight = lineHeight(HEADER_STYLE) + 2 * PAD_Y;
  const rowLine = lineHeight(STYLES.body);
  const freshPageLines = Math.floor((ctx.bottom - MARGIN - headerHeight - 2 * PAD_Y) / rowLine);
  const newPage = () => {
    ensureSpace(ctx, Number.POSITIVE_INFINITY);
    drawColumnHeaders(ctx, cols);
  };

  ensureSpace(ctx, headerHeight + rowLine + 2 * PAD_Y);
  drawColumnHeaders(ctx, cols);
  for (const line of ctx.data.lines) {
    const cells: TextLine[][] = cols.map((col) =>
      layoutText(ctx.doc, cellText(ctx, line, col.key), col.style, col.width - 2 * PAD_X),
    );
    const total = Math.max(...cells.map((c) => c.length));
    let start = 0;
    while (start < total) {
      const room = Math.floor((ctx.bottom - ctx.y - 2 * PAD_Y) / rowLine);
      const rest = total - start;
      const keepTogether = start === 0 && rest > room && rest <= freshPageLines;
      if (room < 1 || keepTogether) {
        newPage();
        continue;
      }
      const count = Math.min(rest, room);
      let x = ctx.left;
      cols.forEach((col, i) => {
        const slice = (cells[i] ?? []).slice(start, start + count);
        drawLines(ctx.doc, slice, col.style, x + PAD_X, ctx.y + PAD_Y, {
          align: col.align,
          width: col.width - 2 * PAD_X,
        });
        x += col.width;
      });
      ctx.y += count * rowLine + 2 * PAD_Y;
      start += count;
    }
    drawRule(ctx, ctx.y, COLORS.rule);
  }
  ctx.y += 12;
}
