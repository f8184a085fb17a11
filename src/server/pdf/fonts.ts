import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { woffToSfnt } from "./woff.js";

/** "italic" is the regular weight in italics (typed signatures, issue 10). */
export type FontWeight = "regular" | "bold" | "italic";
type Subset = "latin" | "latin-ext";

export interface FontFace {
  /** Name registered in each PDFDocument. */
  name: string;
  /** What `registerFont` receives: a parsed font shared by all documents, or TTF bytes. */
  source: PDFKit.Mixins.PDFFontSource;
}

interface FontSet {
  faces: Record<`${FontWeight}-${Subset}`, FontFace>;
  latinRanges: [number, number][];
  extRanges: [number, number][];
}

const require = createRequire(import.meta.url);
let cached: FontSet | undefined;

// pdfkit accepts an already parsed fontkit font. Parsing once per process instead of once per document
// (and keeping fontkit's glyph and shaping caches warm) cuts a render from ~48 ms to ~13 ms here. We use
// the fontkit that pdfkit itself resolves; should it ever be missing, TTF bytes still work, only slower.
interface ParsedFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}

function loadParser(): ((data: Buffer) => PDFKit.Mixins.PDFFontSource) | null {
  try {
    const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(data: Buffer): unknown };
    return (data) => {
      const font = fontkit.create(data) as ParsedFont;
      warmGlyphCache(font);
      return font as unknown as PDFKit.Mixins.PDFFontSource;
    };
  } catch {
    return null;
  }
}

/**
 * fontkit caches one glyph object per glyph id, with the characters of the call that first created it,
 * and pdfkit writes those characters into the PDF's ToUnicode map. When a shaping substitution creates
 * a glyph first (without characters), every later PDF of the process maps it to nothing: the period
 * was drawn right but copied, searched and read aloud as "!". Creating every glyph from its own code
 * point once, before any text is shaped, keeps each glyph's characters.
 */
function warmGlyphCache(font: ParsedFont): void {
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
}

function parseUnicodeRange(range: string): [number, number][] {
  return range.split(",").map((part) => {
    const [from = "", to = from] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
}

// Fontsource ships Noto Sans split into unicode-range subsets, so we register both latin subsets and
// pick one per character. Its WOFF2 files make fontkit fail; the WOFF files are unpacked to TTF once.
function loadFontSet(): FontSet {
  const resolve = (name: string) => require.resolve(`@fontsource/noto-sans/${name}`);
  const ranges = JSON.parse(readFileSync(resolve("unicode.json"), "utf8")) as Record<string, string>;
  const parse = loadParser();
  const face = (weight: FontWeight, subset: Subset): FontFace => {
    const woff = readFileSync(
      resolve(
        `files/noto-sans-${subset}-${weight === "bold" ? 700 : 400}-${weight === "italic" ? "italic" : "normal"}.woff`,
      ),
    );
    const ttf = woffToSfnt(woff);
    return { name: `noto-${weight}-${subset}`, source: parse ? parse(ttf) : ttf };
  };
  return {
    faces: {
      "regular-latin": face("regular", "latin"),
      "regular-latin-ext": face("regular", "latin-ext"),
      "bold-latin": face("bold", "latin"),
      "bold-latin-ext": face("bold", "latin-ext"),
      "italic-latin": face("italic", "latin"),
      "italic-latin-ext": face("italic", "latin-ext"),
    },
    latinRanges: parseUnicodeRange(ranges.latin ?? ""),
    extRanges: parseUnicodeRange(ranges["latin-ext"] ?? ""),
  };
}

/** Fonts, read from disk and parsed once per process. */
export function getFontSet(): FontSet {
  cached ??= loadFontSet();
  return cached;
}

const inRanges = (cp: number, ranges: [number, number][]) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Characters beyond Latin-1 seen so far → whether latin-ext draws them (a handful recur: €, –, ’, Ł…). */
const extByCodePoint = new Map<number, boolean>();

/** The face that has a glyph for this character (the latin one draws a box for anything unknown). */
export function faceFor(codePoint: number, weight: FontWeight): FontFace {
  const set = getFontSet();
  let useExt = false;
  if (codePoint > 0xff) {
    const known = extByCodePoint.get(codePoint);
    useExt = known ?? (!inRanges(codePoint, set.latinRanges) && inRanges(codePoint, set.extRanges));
    if (known === undefined && extByCodePoint.size < 10_000) extByCodePoint.set(codePoint, useExt);
  }
  return set.faces[`${weight}-${useExt ? "latin-ext" : "latin"}`];
}
