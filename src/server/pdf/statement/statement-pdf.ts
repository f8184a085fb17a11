import type {
  StatementAging,
  StatementLine,
  StatementReconciliation,
} from "../../../shared/contracts/index.js";
import { formatPlainDate } from "../format.js";
import { drawHeader } from "../header.js";
import type { PdfLocale } from "../labels.js";
import {
  COLORS,
  createContext,
  drawRule,
  MARGIN,
  PAGE_HEIGHT,
  type RenderContext,
  STYLES,
} from "../layout.js";
import { newPdfDocument } from "../pdf-document.js";
import { cleanLine } from "../sanitize.js";
import type { InvoicePdfData, PdfParty } from "../types.js";
import { agingTable } from "./statement-aging.js";
import { type StatementLabels, statementLabels } from "./statement-labels.js";
import { type Cell, drawRow, drawTableHeader } from "./statement-table.js";

export interface StatementPdfHead {
  locale: PdfLocale;
  timeZone: string;
  org: InvoicePdfData["org"];
  customer: PdfParty;
  currency: string;
  from: string;
  to: string;
  /** The day the statement is made (the organisation's calendar). */
  today: string;
  openingBalanceMinor: number;
}

export interface StatementPdfEnd {
  lineCount: number;
  chargesMinor: number;
  creditsMinor: number;
  closingBalanceMinor: number;
  aging: StatementAging;
  reconciliation: StatementReconciliation;
}

const COLUMN_WIDTHS = { date: 58, document: 122, amount: 66 };

/**
 * A statement PDF written as its lines arrive: `begin`, `addLines` per batch, `finish`. Nothing is
 * buffered: without `bufferPages` pdfkit writes each page out when the next one starts, so the caller
 * pipes `doc` to the response and memory stays flat however long the statement is. That is also why the
 * footer says "Page 3" and not "Page 3 of 80": the count is not known until the end.
 */
export class StatementPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly ctx: RenderContext;
  private readonly labels: StatementLabels;
  private readonly dates = new Map<string, string>();
  private readonly cols: Cell[];
  private page = 1;

  constructor(private readonly head: StatementPdfHead) {
    this.labels = statementLabels(head.locale);
    const customer = cleanLine(head.customer.name);
    this.doc = newPdfDocument({
      locale: head.locale,
      title: `${this.labels.title} · ${customer}`,
      author: cleanLine(head.org.name),
      buffered: false,
    });
    // The invoice header is reused as is: title, period in place of a number, the statement's date as
    // its issue date, the organisation and the customer.
    this.ctx = createContext(this.doc, {
      locale: head.locale,
      timeZone: head.timeZone,
      org: head.org,
      customer: head.customer,
      document: {
        title: this.labels.title,
        number: this.labels.period(this.date(head.from), this.date(head.to)),
        issueDate: head.today,
        currency: head.currency,
        statusLabel: head.currency,
      },
      lines: [],
      totals: {
        subtotalMinor: 0,
        discountMinor: 0,
        netMinor: 0,
        taxes: [],
        totalMinor: 0,
        paidMinor: 0,
        dueMinor: 0,
      },
    });
    this.cols = this.columns();
  }

  begin(): void {
    drawHeader(this.ctx);
    this.header();
    this.row(["", "", this.labels.openingBalance, "", "", this.money(this.head.openingBalanceMinor)], true);
  }

  addLines(lines: StatementLine[]): void {
    for (const line of lines) {
      const credit = line.amountMinor < 0;
      this.row([
        this.date(line.date),
        [this.labels.types[line.type], line.number ?? ""].filter(Boolean).join(" "),
        this.describe(line),
        credit ? "" : this.money(line.amountMinor),
        credit ? this.money(-line.amountMinor) : "",
        this.money(line.balanceMinor),
      ]);
    }
  }

  finish(end: StatementPdfEnd): void {
    const { labels } = this;
    if (end.lineCount === 0) this.row(["", "", labels.noMovements, "", "", ""]);
    this.row(
      ["", "", labels.periodTotals, this.money(end.chargesMinor), this.money(end.creditsMinor), ""],
      true,
    );
    this.row(
      [this.date(this.head.to), "", labels.closingBalance, "", "", this.money(end.closingBalanceMinor)],
      true,
    );
    this.ctx.y += 18;
    const aging = agingTable(this.ctx, labels, end.aging, this.date(this.head.to), end.reconciliation);
    if (this.ctx.y + aging.height > this.ctx.bottom) this.nextPage(false);
    aging.draw();
    this.footer();
    this.doc.end();
  }

  private columns(): Cell[] {
    const { labels, ctx } = this;
    const fixed = COLUMN_WIDTHS.date + COLUMN_WIDTHS.document + 3 * COLUMN_WIDTHS.amount;
    return [
      { label: labels.date, width: COLUMN_WIDTHS.date, align: "left" },
      { label: labels.document, width: COLUMN_WIDTHS.document, align: "left" },
      { label: labels.description, width: ctx.width - fixed, align: "left" },
      { label: labels.charges, width: COLUMN_WIDTHS.amount, align: "right" },
      { label: labels.credits, width: COLUMN_WIDTHS.amount, align: "right" },
      { label: labels.balance, width: COLUMN_WIDTHS.amount, align: "right" },
    ];
  }

  private header(): void {
    drawTableHeader(this.ctx, this.cols);
  }

  private row(texts: string[], bold = false): void {
    const draw = drawRow(this.ctx, this.cols, texts, bold ? STYLES.bodyBold : STYLES.body);
    if (this.ctx.y + draw.height > this.ctx.bottom) this.nextPage(true);
    draw.at(this.ctx.y);
    this.ctx.y += draw.height;
    drawRule(this.ctx, this.ctx.y, COLORS.rule);
  }

  private nextPage(withHeader: boolean): void {
    this.footer();
    // Shaped words are cached per process and bounded (word-layouts.ts), not per document: nothing grows
    // with the statement's length.
    this.doc.addPage();
    this.page += 1;
    this.ctx.y = MARGIN;
    if (withHeader) this.header();
  }

  private footer(): void {
    const { ctx, doc } = this;
    const y = PAGE_HEIGHT - MARGIN - 10;
    drawRule(ctx, y - 6, COLORS.rule);
    const left = [cleanLine(this.head.org.name), cleanLine(this.head.customer.name), this.labels.title]
      .filter(Boolean)
      .join(" · ");
    drawRow(ctx, [{ label: "", width: ctx.width * 0.75, align: "left" }], [left], STYLES.small, 0).at(y);
    drawRow(
      ctx,
      [{ label: "", width: ctx.width, align: "right" }],
      [this.labels.page(this.page)],
      STYLES.small,
      0,
    ).at(y);
    doc.fillColor(COLORS.text);
  }

  private describe(line: StatementLine): string {
    const { labels } = this;
    switch (line.type) {
      case "invoice":
        return line.dueDate ? labels.due(this.date(line.dueDate)) : "";
      case "credit_note":
        return line.correctsNumber ? labels.corrects(line.correctsNumber) : "";
      default:
        return [line.method ? labels.methods[line.method] : "", cleanLine(line.reference)]
          .filter(Boolean)
          .join(" · ");
    }
  }

  private money(amountMinor: number): string {
    return this.ctx.money(amountMinor);
  }

  // Intl formatters are costly to build and a long statement repeats the same few hundred dates.
  private date(isoDate: string): string {
    let text = this.dates.get(isoDate);
    if (text === undefined) {
      text = formatPlainDate(isoDate, this.head.locale);
      this.dates.set(isoDate, text);
    }
    return text;
  }
}
