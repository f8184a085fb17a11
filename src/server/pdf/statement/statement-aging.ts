import type { StatementAging, StatementReconciliation } from "../../../shared/contracts/index.js";
import type { RenderContext } from "../layout.js";
import { STYLES } from "../layout.js";
import { drawLines, drawText, layoutText, lineHeight } from "../text.js";
import type { StatementLabels } from "./statement-labels.js";
import { drawRow, drawTableHeader } from "./statement-table.js";

/**
 * The aging summary: a title, one header row of buckets, one row of amounts and the line that joins its
 * total to the closing balance (decision 017). Measured before drawn.
 */
export function agingTable(
  ctx: RenderContext,
  labels: StatementLabels,
  aging: StatementAging,
  at: string,
  reconciliation: StatementReconciliation,
) {
  const names = labels.aging;
  const width = ctx.width / 6;
  const cols = [
    names.current,
    names.days1to30,
    names.days31to60,
    names.days61to90,
    names.over90,
    names.total,
  ].map((label) => ({ label, width, align: "right" as const }));
  const amounts = [
    aging.currentMinor,
    aging.days1to30Minor,
    aging.days31to60Minor,
    aging.days61to90Minor,
    aging.over90Minor,
    aging.totalMinor,
  ].map((v) => ctx.money(v));
  const title = labels.agingTitle(at);
  const titleHeight = lineHeight(STYLES.bodyBold) + 6;
  const row = drawRow(ctx, cols, amounts, STYLES.body);
  const r = reconciliation;
  const sum = labels.reconciliation(
    ctx.money(r.invoicesDueMinor),
    ctx.money(r.creditAvailableMinor),
    ctx.money(r.balanceMinor),
  );
  const sumLines = layoutText(ctx.doc, sum, STYLES.bodyBold, ctx.width);
  const hintLines =
    r.creditAvailableMinor !== 0
      ? layoutText(ctx.doc, labels.reconciliationHint, STYLES.small, ctx.width)
      : [];
  const gap = 8;
  return {
    height:
      titleHeight +
      2 * lineHeight(STYLES.small) +
      row.height +
      gap +
      sumLines.length * lineHeight(STYLES.bodyBold) +
      hintLines.length * lineHeight(STYLES.small),
    draw() {
      drawText(ctx.doc, title, STYLES.bodyBold, ctx.left, ctx.y, ctx.width);
      ctx.y += titleHeight;
      drawTableHeader(ctx, cols);
      row.at(ctx.y);
      ctx.y += row.height + gap;
      ctx.y += drawLines(ctx.doc, sumLines, STYLES.bodyBold, ctx.left, ctx.y, { width: ctx.width });
      if (hintLines.length)
        ctx.y += drawLines(ctx.doc, hintLines, STYLES.small, ctx.left, ctx.y, { width: ctx.width });
    },
  };
}
