import type { StatementAging } from "../../../shared/contracts/index.js";
import type { RenderContext } from "../layout.js";
import { STYLES } from "../layout.js";
import { drawText, lineHeight } from "../text.js";
import type { StatementLabels } from "./statement-labels.js";
import { drawRow, drawTableHeader } from "./statement-table.js";

/** The aging summary: a title, one header row of buckets and one row of amounts. Measured before drawn. */
export function agingTable(ctx: RenderContext, labels: StatementLabels, aging: StatementAging, at: string) {
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
  return {
    height: titleHeight + 2 * lineHeight(STYLES.small) + row.height,
    draw() {
      drawText(ctx.doc, title, STYLES.bodyBold, ctx.left, ctx.y, ctx.width);
      ctx.y += titleHeight;
      drawTableHeader(ctx, cols);
      row.at(ctx.y);
      ctx.y += row.height;
    },
  };
}
