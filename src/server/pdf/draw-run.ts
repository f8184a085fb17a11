import { shareWordLayouts } from "./word-layouts.js";

/**
 * Draws one run of text (one font, one line, already measured) as pdfkit's `doc.text(text, x, y,
 * { lineBreak: false })` would, writing the same content-stream bytes, but without what that call does
 * for the general case: option merging, splitting at line breaks, and measuring the text twice more
 * (once for decorations we never draw, once to move `doc.x`, which nothing of ours reads). Its eight
 * content lines are also written as one chunk instead of eight.
 *
 * This is pdfkit's `_fragment` for left-aligned text with no spacing options, so it relies on pdfkit
 * internals (the current font and size, the page's font resources); when they are missing (a pdfkit
 * upgrade), it falls back to `doc.text`. The PDF tests read the text back either way, and
 * text-runs.test.ts checks the bytes are pdfkit's own.
 */

interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], GlyphPosition[]];
  /** What `encode` uses: the word layouts (shared, word-layouts.ts), the subset and its metrics. */
  layoutCached?: (word: string) => {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: GlyphPosition[];
  };
  subset?: { includeGlyph(id: number): number };
  widths?: number[];
  unicode?: number[][];
  scale?: number;
}

const HEX = Array.from({ length: 4096 }, (_, i) => `000${i.toString(16)}`.slice(-4));
const hex4 = (n: number) => HEX[n] ?? `0000${n.toString(16)}`.slice(-4);

/**
 * pdfkit's `encode(text)`: the glyphs of each word (split after spaces and tabs, as pdfkit does), added to
 * the document's subset, with their widths and characters noted for the font's /W and ToUnicode. Done
 * here without pdfkit's concatenation of arrays per word and building of hex strings per glyph.
 */
function encode(font: EmbeddedFont, text: string): [string[], GlyphPosition[]] {
  const { layoutCached, subset, widths, unicode, scale } = font;
  if (!layoutCached || !subset || !widths || !unicode || scale === undefined) return font.encode(text);
  const encoded: string[] = [];
  const positions: GlyphPosition[] = [];
  let last = 0;
  for (let index = 0; index <= text.length; index++) {
    const char = text.charAt(index);
    if ((index === text.length && last < index) || char === " " || char === "\t") {
      const run = layoutCached.call(font, text.slice(last, index + 1));
      for (let i = 0; i < run.glyphs.length; i++) {
        const glyph = run.glyphs[i] as { id: number; advanceWidth: number; codePoints: number[] };
        const gid = subset.includeGlyph(glyph.id);
        encoded.push(hex4(gid));
        if (widths[gid] == null) widths[gid] = glyph.advanceWidth * scale;
        if (unicode[gid] == null) unicode[gid] = glyph.codePoints;
        positions.push(run.positions[i] as GlyphPosition);
      }
      last = index + 1;
    }
  }
  return [encoded, positions];
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface DocInternals {
  _font?: Partial<EmbeddedFont>;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown>; write?(chunk: Uint8Array): void };
}

/** pdfkit's number formatting in content streams (PDFObject.number). */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

function usable(font: Partial<EmbeddedFont> | undefined): font is EmbeddedFont {
  return (
    font !== undefined &&
    typeof font.id === "string" &&
    typeof font.ascender === "number" &&
    typeof font.encode === "function" &&
    typeof font.ref === "function"
  );
}

export function drawRun(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  const internals = doc as unknown as DocInternals;
  const font = internals._font;
  if (!usable(font) || !internals.page?.fonts) {
    doc.text(text, x, y, { lineBreak: false });
    return;
  }
  if (text.length === 0) return;
  const size = internals._fontSize;
  const pageHeight = internals.page.height;
  const top = pageHeight - y - (font.ascender / 1000) * size;
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
  const out = [
    "q",
    `1 0 0 -1 0 ${num(pageHeight)} cm`,
    "BT",
    `1 0 0 1 ${num(x)} ${num(top)} Tm`,
    `/${font.id} ${num(size)} Tf`,
  ];
  const [encoded, positions] = encode(font, text);
  writeGlyphs(out, encoded, positions, x, top, size / 1000);
  out.push("ET", "Q");
  const content = out.join("\n");
  // As bytes, converted natively: pdfkit converts a string character by character (and adds the "\n").
  if (typeof internals.page.write === "function") internals.page.write(Buffer.from(`${content}\n`, "latin1"));
  else doc.addContent(content);
}

interface TjState {
  out: string[];
  encoded: string[];
  positions: GlyphPosition[];
  /** Pieces of the TJ array being built, and the first glyph not in them yet. */
  commands: string[];
  last: number;
}

/** Adds glyphs [last, end) to the TJ array, with the kerning after the last of them. */
function addSegment(state: TjState, end: number): void {
  if (state.last < end) {
    const pos = state.positions[end - 1] as GlyphPosition;
    const hex = state.encoded.slice(state.last, end).join("");
    state.commands.push(`<${hex}> ${num(-(pos.xAdvance - pos.advanceWidth))}`);
  }
  state.last = end;
}

function flush(state: TjState, end: number): void {
  addSegment(state, end);
  if (state.commands.length > 0) {
    state.out.push(`[${state.commands.join(" ")}] TJ`);
    state.commands = [];
  }
}

/**
 * Glyphs go out in TJ arrays, split wherever kerning moves the next one; a glyph with an offset (a
 * positioned mark) gets its own text matrix. As pdfkit's _fragment does it.
 */
function writeGlyphs(
  out: string[],
  encoded: string[],
  positions: GlyphPosition[],
  x: number,
  top: number,
  scale: number,
): void {
  const state: TjState = { out, encoded, positions, commands: [], last: 0 };
  let hadOffset = false;
  let cursor = x;
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i] as GlyphPosition;
    if (pos.xOffset || pos.yOffset) {
      flush(state, i);
      out.push(`1 0 0 1 ${num(cursor + pos.xOffset * scale)} ${num(top + pos.yOffset * scale)} Tm`);
      flush(state, i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(cursor)} ${num(top)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(state, i + 1);
    }
    cursor += pos.xAdvance * scale;
  }
  flush(state, positions.length);
}

/** One run of `drawRuns`: a text in the current style's font and size, at its top-left corner. */
export interface PlacedRun {
  font: string;
  text: string;
  x: number;
  y: number;
}

/**
 * Draws many runs of one size and colour (a table row) as one text object: one `q … BT` before and
 * `ET Q` after them all, a text matrix per run and a font change only when the font changes, written as
 * one chunk. `drawRun` per run wrote all of that for each run: for a 10,000-line statement that was
 * 60,000 text objects, half the page content pdfkit then deflates. A reader sees the same glyphs at the
 * same places (statement-pdf.test.ts reads them back). Falls back to `drawRun` like it does.
 */
export function drawRuns(doc: PDFKit.PDFDocument, size: number, runs: PlacedRun[]): void {
  const internals = doc as unknown as DocInternals;
  const out: string[] = [];
  let current: string | null = null;
  const flushOut = () => {
    if (out.length === 0) return;
    out.push("ET", "Q");
    internals.page.write?.(Buffer.from(`${out.join("\n")}\n`, "latin1"));
    out.length = 0;
    current = null;
  };
  for (const run of runs) {
    if (run.text.length === 0) continue;
    doc.font(run.font).fontSize(size);
    shareWordLayouts(doc, run.font);
    const font = internals._font;
    if (!usable(font) || !internals.page?.fonts || typeof internals.page.write !== "function") {
      flushOut();
      drawRun(doc, run.text, run.x, run.y);
      continue;
    }
    if (out.length === 0) out.push("q", `1 0 0 -1 0 ${num(internals.page.height)} cm`, "BT");
    if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
    const top = internals.page.height - run.y - (font.ascender / 1000) * size;
    out.push(`1 0 0 1 ${num(run.x)} ${num(top)} Tm`);
    if (font.id !== current) {
      out.push(`/${font.id} ${num(size)} Tf`);
      current = font.id;
    }
    const [encoded, positions] = encode(font, run.text);
    writeGlyphs(out, encoded, positions, run.x, top, size / 1000);
  }
  flushOut();
}
