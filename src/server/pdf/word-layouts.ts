/**
 * Shaped words shared by every document of the process.
 *
 * pdfkit shapes text word by word with fontkit (substitutions, kerning) and caches each word's glyphs and
 * positions per document, so every invoice re-shaped the same labels, and a statement, whose cache had
 * to be emptied at every page to stay flat (its amounts are mostly distinct), re-shaped the same dates
 * and words on every page: shaping was the largest cost of a render. A shaped word depends only on the
 * face (glyph ids and positions in font units scaled to 1000), not on the document: each document still
 * maps the glyphs into its own font subset when it writes them (pdfkit's `encode`). So the per-document
 * cache is replaced by one per face, bounded in two generations: the words used in the last ~N lookups
 * stay, older ones are dropped, and memory stays flat however long a statement is.
 */

/** The parts of pdfkit's EmbeddedFont this relies on (private API: checked, and left alone if absent). */
interface PdfkitFont {
  name?: string;
  /** The fontkit font. */
  font?: FontkitFont;
  /** 1000 / units per em: pdfkit's positions are in thousandths of the font size. */
  scale?: number;
  layoutRun?: (text: string) => unknown;
  layoutCached?: (text: string) => unknown;
  layoutCache?: unknown;
}

interface Glyph {
  id: number;
  advanceWidth: number;
}

interface FontkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface FontkitFont {
  layout(
    text: string,
    features?: string[],
    script?: string,
  ): { glyphs: Glyph[]; positions: FontkitPosition[] };
  glyphForCodePoint(codePoint: number): Glyph;
}

/** A shaped word as pdfkit's `layoutRun` returns it (positions scaled to thousandths of the size). */
interface ShapedWord {
  glyphs: Glyph[];
  positions: (FontkitPosition & { advanceWidth: number })[];
  advanceWidth: number;
}

/**
 * Most words a statement or an invoice never repeats are numbers: amounts, balances, document numbers
 * ("€1,234.56", "F-2026-0042", "1.234,56 €"). Shaping one with fontkit costs ~0.1 ms, as long as a whole
 * statement line, and for these characters shaping is only pair kerning: no substitution, no mark, no
 * context longer than a pair (word-layouts.test.ts checks it against fontkit on thousands of random words
 * of every face). So such a word is put together from its glyphs and the kerning of each adjacent pair,
 * itself shaped once by fontkit, giving the same glyphs and positions as shaping the whole word.
 */
const PAIR_SHAPED = /^[0-9A-Z.,:;#/()+%€$£\u00a0\u202f\u2212-]+$/;

const CAPITAL = /[A-Z]/;

class WordComposer {
  /**
   * Per script, a pair of characters (first × 65536 + second: both are in the BMP) → how much kerning adds
   * to the advance of the first and of the second, or null: not pairwise.
   */
  private readonly pairs = new Map<string | undefined, Map<number, [number, number] | null>>();
  private readonly singles = new Map<number, Glyph | null>();

  constructor(
    private readonly font: FontkitFont,
    private readonly scale: number,
  ) {}

  compose(text: string): ShapedWord | null {
    if (!PAIR_SHAPED.test(text)) return null;
    // fontkit shapes a word in the script of its first letter, digits and punctuation in none.
    const script = CAPITAL.test(text) ? "latn" : undefined;
    let pairs = this.pairs.get(script);
    if (!pairs) {
      pairs = new Map();
      this.pairs.set(script, pairs);
    }
    const length = text.length;
    const glyphs: Glyph[] = new Array(length);
    const units: number[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const glyph = this.single(text.charCodeAt(i));
      if (!glyph) return null;
      glyphs[i] = glyph;
      units[i] = glyph.advanceWidth;
    }
    for (let i = 0; i + 1 < length; i++) {
      const key = text.charCodeAt(i) * 65_536 + text.charCodeAt(i + 1);
      let kern = pairs.get(key);
      if (kern === undefined) {
        kern = this.pair(text.slice(i, i + 2), script);
        pairs.set(key, kern);
      }
      if (!kern) return null;
      units[i] = (units[i] as number) + kern[0];
      units[i + 1] = (units[i + 1] as number) + kern[1];
    }
    let advanceWidth = 0;
    const positions: ShapedWord["positions"] = new Array(length);
    for (let i = 0; i < length; i++) {
      const xAdvance = (units[i] as number) * this.scale;
      advanceWidth += xAdvance;
      const advance = (glyphs[i] as Glyph).advanceWidth * this.scale;
      positions[i] = { xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance };
    }
    return { glyphs, positions, advanceWidth };
  }

  /** The glyph fontkit draws for this character alone, when shaping leaves it as it is. */
  private single(codePoint: number): Glyph | null {
    let glyph = this.singles.get(codePoint);
    if (glyph === undefined) {
      const run = this.font.layout(String.fromCodePoint(codePoint));
      const own = this.font.glyphForCodePoint(codePoint);
      const [g] = run.glyphs;
      const [p] = run.positions;
      glyph =
        run.glyphs.length === 1 && g === own && p && plain(p) && p.xAdvance === own.advanceWidth ? own : null;
      this.singles.set(codePoint, glyph);
    }
    return glyph;
  }

  /** Shapes two characters once: the kerning fontkit applies between them, if that is all it does. */
  private pair(chars: string, script: string | undefined): [number, number] | null {
    const run = this.font.layout(chars, undefined, script);
    const [a, b] = Array.from(chars, (c) => this.font.glyphForCodePoint(c.codePointAt(0) ?? 0));
    const [pa, pb] = run.positions;
    return run.glyphs.length === 2 &&
      run.glyphs[0] === a &&
      run.glyphs[1] === b &&
      pa &&
      pb &&
      plain(pa) &&
      plain(pb)
      ? [pa.xAdvance - (a?.advanceWidth ?? 0), pb.xAdvance - (b?.advanceWidth ?? 0)]
      : null;
  }
}

const plain = (p: FontkitPosition) => p.xOffset === 0 && p.yOffset === 0 && p.yAdvance === 0;

/** Entries per generation; two generations are kept. */
const GENERATION_SIZE = 2_000;

/** A bounded cache: what was used in about the last GENERATION_SIZE look-ups stays. */
export class WordCache<T = unknown> {
  private young = new Map<string, T>();
  private old = new Map<string, T>();

  get(text: string, shape: (text: string) => T): T {
    let run = this.young.get(text);
    if (run !== undefined) return run;
    run = this.old.get(text) ?? shape(text);
    if (this.young.size >= GENERATION_SIZE) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, run);
    return run;
  }
}

const caches = new Map<string, WordCache>();
/**
 * Per face, the words last put together from pairs: a table cell is measured when its row is laid out
 * and drawn right after, so each amount would be put together twice. Small and emptied when full.
 */
const recentlyComposed = new Map<string, Map<string, ShapedWord>>();
const RECENT_WORDS = 256;
const composers = new Map<string, WordComposer | null>();

function composerFor(face: string, font: PdfkitFont): WordComposer | null {
  let composer = composers.get(face);
  if (composer === undefined) {
    const fontkit = font.font;
    composer =
      fontkit && typeof fontkit.layout === "function" && typeof font.scale === "number"
        ? new WordComposer(fontkit, font.scale)
        : null;
    composers.set(face, composer);
  }
  return composer;
}
const shared = new WeakSet<object>();

/**
 * Makes the document's current font (just selected with `doc.font(face)`) read and fill the process-wide
 * cache of `face`. Cheap to call before every run: a font already wired is recognised at once.
 */
export function shareWordLayouts(doc: PDFKit.PDFDocument, face: string): void {
  const font = (doc as unknown as { _font?: PdfkitFont })._font;
  if (!font || shared.has(font)) return;
  shared.add(font);
  const layoutRun = font.layoutRun;
  if (typeof layoutRun !== "function" || typeof font.layoutCached !== "function") return;
  let cache = caches.get(face);
  if (!cache) {
    cache = new WordCache();
    caches.set(face, cache);
  }
  const words = cache;
  const composer = composerFor(face, font);
  const shape = (text: string) => layoutRun.call(font, text);
  let recent = recentlyComposed.get(face);
  if (!recent) {
    recent = new Map();
    recentlyComposed.set(face, recent);
  }
  const composed = recent;
  // A word put together from pairs costs little and is rarely seen again after its row (an amount, a
  // balance): it is kept only among the recent ones, so the cache keeps the words that do come back.
  font.layoutCached = (text: string) => {
    let word = composed.get(text);
    if (word === undefined) {
      const made = composer?.compose(text);
      if (!made) return words.get(text, shape);
      if (composed.size >= RECENT_WORDS) composed.clear();
      composed.set(text, made);
      word = made;
    }
    return word;
  };
  // pdfkit's own per-document cache is no longer read; dropping it keeps a document from holding words.
  font.layoutCache = undefined;
}
