import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { drawRun, drawRuns } from "./draw-run.js";
import { getFontSet } from "./fonts.js";
import { shareWordLayouts } from "./word-layouts.js";

interface Shaped {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}
interface FontInternals {
  layoutCached(text: string): Shaped;
  layoutRun(text: string): Shaped;
}

const fontOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: FontInternals })._font;
const flat = (run: Shaped) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
  advanceWidth: run.advanceWidth,
});

// A fixed sequence, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function documentWithFaces(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ compress: false });
  for (const face of Object.values(getFontSet().faces)) doc.registerFont(face.name, face.source);
  return doc;
}

describe("shared word layouts", () => {
  it("shape every word as pdfkit itself does, numbers put together from pairs included", () => {
    const shared = documentWithFaces();
    const own = documentWithFaces();
    const next = random(14);
    const alphabet = Array.from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;#/()+%€$£\u00a0\u202f\u2212-");
    const words = [
      "€1,234.56",
      "1.234,56\u00a0€",
      "−1.234,56\u00a0€",
      "F-2026-0042",
      "RCB-000123",
      "AVATAR",
      "Transferencia",
      "ﬁn",
      "Łódź",
    ];
    for (let n = 0; n < 250; n++) {
      const length = 1 + Math.floor(next() * 12);
      words.push(Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
    }
    // The latin faces: only they draw the characters numbers are put together from.
    for (const face of Object.values(getFontSet().faces).filter((f) => f.name.endsWith("-latin"))) {
      shared.font(face.name);
      shareWordLayouts(shared, face.name);
      own.font(face.name);
      for (const word of words) {
        const expected = flat(fontOf(own).layoutRun(word));
        // Twice: the second answer comes from the cache.
        expect(flat(fontOf(shared).layoutCached(word)), `${face.name} ${word}`).toEqual(expected);
        expect(flat(fontOf(shared).layoutCached(word))).toEqual(expected);
      }
    }
  });

  it("drawRun writes the bytes pdfkit's text(…, { lineBreak: false }) writes", () => {
    const content = (draw: (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => unknown) => {
      const doc = documentWithFaces();
      const texts = ["Factura F-2026-0042", "1.234,56\u00a0€", "AVATAR Tyre", "Łódź", "x\u0301y", ""];
      for (const [i, face] of Object.values(getFontSet().faces).entries()) {
        doc.font(face.name).fontSize(8 + i);
        for (const [j, text] of texts.entries()) draw(doc, text, 48.25 + j, 100.5 + 12 * i);
      }
      const page = doc.page as unknown as { content: { buffer: Uint8Array[] }; fonts: object };
      return { bytes: Buffer.concat(page.content.buffer).toString("latin1"), fonts: Object.keys(page.fonts) };
    };
    const mine = content(drawRun);
    expect(mine.bytes).toContain("TJ");
    expect(mine).toEqual(content((doc, text, x, y) => doc.text(text, x, y, { lineBreak: false })));
  });

  it("drawRuns puts the same glyphs at the same places as drawRun per run, in one text object", () => {
    const texts = [
      "12/03/2026",
      "Factura F-2026-0042",
      "1.234,56\u00a0€",
      "Łódź",
      "x\u0301y",
      "",
      "Transfer · 7",
    ];
    const faces = Object.values(getFontSet().faces).map((f) => f.name);
    const runs = texts.flatMap((text, i) =>
      faces.map((font, j) => ({ font, text, x: 40.5 + 60 * j, y: 90.25 + 11 * i })),
    );
    const content = (draw: (doc: PDFKit.PDFDocument) => void) => {
      const doc = documentWithFaces();
      draw(doc);
      const page = doc.page as unknown as { content: { buffer: Uint8Array[] }; fonts: object };
      const lines = Buffer.concat(page.content.buffer).toString("latin1").split("\n");
      return {
        // What a reader sees: where each run starts, in which font and size, and its glyphs and kerning.
        placed: lines.filter((l) => /(Tm|TJ)$/.test(l)),
        fonts: new Set(lines.filter((l) => l.endsWith("Tf"))),
        textObjects: lines.filter((l) => l === "BT").length,
        pageFonts: Object.keys(page.fonts).sort(),
      };
    };
    const batched = content((doc) => drawRuns(doc, 9, runs));
    const single = content((doc) => {
      for (const run of runs) {
        doc.font(run.font).fontSize(9);
        shareWordLayouts(doc, run.font);
        drawRun(doc, run.text, run.x, run.y);
      }
    });
    expect(batched.placed).toEqual(single.placed);
    expect(batched.fonts).toEqual(single.fonts);
    expect(batched.pageFonts).toEqual(single.pageFonts);
    expect(batched.textObjects).toBe(1);
    expect(single.textObjects).toBe(runs.filter((r) => r.text).length);
  });
});
