import { moneyFormatter } from "./format.js";
import { getLabels, intlLocale, type PdfLabels } from "./labels.js";
import type { TextStyle } from "./text.js";
import type { InvoicePdfData } from "./types.js";

// A4 in points.
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 48;
/** Space kept free at the bottom of every page for the footer. */
export const FOOTER_HEIGHT = 32;

export const COLORS = { text: "#222222", muted: "#6b6b6b", rule: "#d9d9d9", zebra: "#f6f6f6" };
const DEFAULT_BRAND = "#1f4e79";

export const STYLES = {
  body: { size: 9, color: COLORS.text },
  bodyBold: { size: 9, weight: "bold", color: COLORS.text },
  small: { size: 8, color: COLORS.muted },
  smallBold: { size: 8, weight: "bold", color: COLORS.muted },
  party: { size: 11, weight: "bold", color: COLORS.text },
} satisfies Record<string, TextStyle>;

/** Rendering state shared by the sections: the document, its data and a cursor moving down the page. */
export interface RenderContext {
  doc: PDFKit.PDFDocument;
  data: InvoicePdfData;
  labels: PdfLabels;
  /** Fill of the table header. */
  brand: string;
  /** Text colour readable on the brand fill. */
  onBrand: string;
  /** Brand colour for text on white, or the body colour when the brand is too light to read. */
  brandText: string;
  left: number;
  width: number;
  right: number;
  /** Lowest y content may reach on a page. */
  bottom: number;
  y: number;
  money(amountMinor: number): string;
}

export function safeBrandColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_BRAND;
}

// WCAG 2 relative luminance and contrast: organisations pick any colour, including a pale yellow that
// would make white header text or a brand-coloured total unreadable.
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function createContext(doc: PDFKit.PDFDocument, data: InvoicePdfData): RenderContext {
  const brand = safeBrandColor(data.org.brandColor);
  const locale = intlLocale(data.locale);
  return {
    doc,
    data,
    labels: getLabels(data.locale),
    brand,
    onBrand: contrast(brand, "#ffffff") >= contrast(brand, COLORS.text) ? "#ffffff" : COLORS.text,
    // 3:1 is WCAG's minimum for large text, which the title and the total are.
    brandText: contrast(brand, "#ffffff") >= 3 ? brand : COLORS.text,
    left: MARGIN,
    width: PAGE_WIDTH - 2 * MARGIN,
    right: PAGE_WIDTH - MARGIN,
    bottom: PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT,
    y: MARGIN,
    money: moneyFormatter(data.document.currency, locale),
  };
}

/** Starts a new page when `height` does not fit below the cursor; returns whether it did. */
export function ensureSpace(ctx: RenderContext, height: number): boolean {
  if (ctx.y + height <= ctx.bottom) return false;
  ctx.doc.addPage();
  ctx.y = MARGIN;
  return true;
}

export function drawRule(ctx: RenderContext, y: number, color = COLORS.rule): void {
  ctx.doc.moveTo(ctx.left, y).lineTo(ctx.right, y).lineWidth(0.6).strokeColor(color).stroke();
}
