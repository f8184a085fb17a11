import { drawRun, drawRuns, type PlacedRun } from "./draw-run.js";
import { type FontWeight, faceFor } from "./fonts.js";
import { shareWordLayouts, WordCache } from "./word-layouts.js";

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: string;
}

interface Run {
  text: string;
  font: string;
}

/** A laid-out line: drawable runs (one font each) and its width. */
export interface TextLine {
  runs: Run[];
  width: number;
}

export const lineHeight = (style: TextStyle) => style.size * 1.3;

// Latin-1 is all in the latin subset (see faceFor): most text is one run, found without a per-character walk.
const BEYOND_LATIN_1 = /[\u0100-\uffff]/;

// Splits text where the covering font changes, so é and € draw from the latin subset and ő or Ł from
// latin-ext. Runs are measured and drawn separately.
function toRuns(text: string, weight: FontWeight): Run[] {
  const latin = faceFor(0, weight).name;
  if (!BEYOND_LATIN_1.test(text)) return text ? [{ text, font: latin }] : [];
  const runs: Run[] = [];
  let start = 0;
  let font = latin;
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const next = codePoint <= 0xff ? latin : faceFor(codePoint, weight).name;
    if (next !== font && i > start) {
      runs.push({ text: text.slice(start, i), font });
      start = i;
    }
    font = next;
    i += codePoint > 0xffff ? 2 : 1;
  }
  if (text.length > start) runs.push({ text: text.slice(start), font });
  return runs;
}

// Widths at size 1, per font and shared by all documents: the same words come back on every invoice and
// every statement page. Widths scale linearly with the font size.
const unitWidths = new Map<string, WordCache<number>>();

function runWidth(doc: PDFKit.PDFDocument, run: Run, size: number): number {
  let widths = unitWidths.get(run.font);
  if (!widths) {
    widths = new WordCache<number>();
    unitWidths.set(run.font, widths);
  }
  const unit = widths.get(run.text, (text) => {
    doc.font(run.font).fontSize(1000);
    shareWordLayouts(doc, run.font);
    return doc.widthOfString(text) / 1000;
  });
  return unit * size;
}

function runsWidth(doc: PDFKit.PDFDocument, runs: Run[], size: number): number {
  let width = 0;
  for (const run of runs) width += runWidth(doc, run, size);
  return width;
}

function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  return runsWidth(doc, toRuns(text, style.weight ?? "regular"), style.size);
}

function makeLine(doc: PDFKit.PDFDocument, text: string, style: TextStyle): TextLine {
  const runs = toRuns(text, style.weight ?? "regular");
  return { runs, width: runsWidth(doc, runs, style.size) };
}

// Cuts a word longer than the column (an IBAN, a URL) at the last character that still fits.
function splitLongWord(doc: PDFKit.PDFDocument, word: string, style: TextStyle, maxWidth: number): string[] {
  const pieces: string[] = [];
  let current = "";
  let width = 0;
  for (const char of word) {
    const charWidth = measure(doc, char, style);
    if (current && width + charWidth > maxWidth) {
      pieces.push(current);
      current = "";
      width = 0;
    }
    current += char;
    width += charWidth;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Greedy word wrap at spaces; explicit line breaks are kept. Our own wrapping lets one line mix
 * fonts, and widths are summed word by word so a long paragraph stays linear in its length.
 */
export function layoutText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  maxWidth: number,
): TextLine[] {
  // One word that fits (most table cells: an amount, a date part, a number) is its own only line; this is
  // what the loop below finds, without laying the word out twice.
  if (!text.includes(" ") && !text.includes("\n")) {
    const runs = toRuns(text, style.weight ?? "regular");
    const width = runsWidth(doc, runs, style.size);
    if (width <= maxWidth) return [{ runs, width }];
  }
  const spaceWidth = measure(doc, " ", style);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let current = "";
    let width = 0;
    for (const word of paragraph.split(" ")) {
      const wordWidth = measure(doc, word, style);
      const candidateWidth = current ? width + spaceWidth + wordWidth : wordWidth;
      if (candidateWidth <= maxWidth) {
        current = current ? `${current} ${word}` : word;
        width = candidateWidth;
        continue;
      }
      if (current) lines.push(current);
      const pieces = splitLongWord(doc, word, style, maxWidth);
      current = pieces.pop() ?? "";
      width = measure(doc, current, style);
      lines.push(...pieces);
    }
    lines.push(current);
  }
  return lines.map((line) => makeLine(doc, line, style));
}

/** Draws lines from the top-left (or top-right for "right") corner; returns the height used. */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: TextLine[],
  style: TextStyle,
  x: number,
  y: number,
  options: { align?: "left" | "right"; width?: number } = {},
): number {
  const lh = lineHeight(style);
  doc.fillColor(style.color ?? "#222222");
  lines.forEach((line, i) => {
    let cursor = options.align === "right" ? x + (options.width ?? 0) - line.width : x;
    for (const run of line.runs) {
      doc.font(run.font).fontSize(style.size);
      shareWordLayouts(doc, run.font);
      // Exactly here: no wrapping and no automatic page break by pdfkit.
      drawRun(doc, run.text, cursor, y + i * lh);
      cursor += runWidth(doc, run, style.size);
    }
  });
  return lines.length * lh;
}

/** A cell of a table row: its laid-out lines, left edge, width and alignment. */
export interface RowCell {
  lines: TextLine[];
  x: number;
  width: number;
  align: "left" | "right";
}

/**
 * Draws a table row's cells, all in one style, from their top at `y`: what `drawLines` per cell draws,
 * with one colour change and one text object for the whole row (`drawRuns`) instead of one per cell and
 * per run. The statement draws every one of its lines this way.
 */
export function drawCells(doc: PDFKit.PDFDocument, cells: RowCell[], style: TextStyle, y: number): void {
  const lh = lineHeight(style);
  const runs: PlacedRun[] = [];
  for (const cell of cells) {
    for (let i = 0; i < cell.lines.length; i++) {
      const line = cell.lines[i] as TextLine;
      let cursor = cell.align === "right" ? cell.x + cell.width - line.width : cell.x;
      for (const run of line.runs) {
        runs.push({ font: run.font, text: run.text, x: cursor, y: y + i * lh });
        cursor += runWidth(doc, run, style.size);
      }
    }
  }
  if (runs.length === 0) return;
  doc.fillColor(style.color ?? "#222222");
  drawRuns(doc, style.size, runs);
}

/** Lays out and draws in one go; returns the height used. */
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  x: number,
  y: number,
  width: number,
  align: "left" | "right" = "left",
): number {
  if (!text) return 0;
  return drawLines(doc, layoutText(doc, text, style, width), style, x, y, { align, width });
}
