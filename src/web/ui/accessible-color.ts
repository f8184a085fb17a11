/**
 * WCAG 2.1 contrast arithmetic for the themes: an organisation picks any brand colour, and text in that
 * colour (links, outline buttons) or on it (filled buttons, white text) must still reach 4.5:1 (SC 1.4.3).
 * Colours are `#rrggbb`; anything else is the caller's to reject.
 */

export const TEXT_CONTRAST = 4.5;

/** Where coloured text sits in our apps: the page, striped table rows (gray.0) and hovered rows (gray.1). */
export const SURFACES = ["#ffffff", "#f8f9fa", "#f1f3f5"] as const;

const HEX = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** Relative luminance as WCAG 2.1 defines it (sRGB, threshold 0.04045). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes towards black (keeps the hue, unlike a lightness change that drifts it). */
export function darkenHex(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)));
}

/** Mixes towards white: the light fills of a colour. */
export function lightenHex(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount));
}

export function meetsContrast(hex: string, backgrounds: readonly string[], ratio = TEXT_CONTRAST): boolean {
  return backgrounds.every((bg) => contrastRatio(hex, bg) >= ratio);
}

/**
 * The colour itself when it already reads on every background, else the lightest darker mix of it that
 * does. Black reads on any light background, so the loop ends; backgrounds must be light (the caller's
 * fills), since darkening cannot help against a dark one.
 */
export function accessibleShade(
  hex: string,
  backgrounds: readonly string[] = SURFACES,
  ratio = TEXT_CONTRAST,
): string {
  const color = hex.toLowerCase();
  if (meetsContrast(color, backgrounds, ratio)) return color;
  for (let step = 1; step < 100; step++) {
    const candidate = darkenHex(color, step / 100);
    if (meetsContrast(candidate, backgrounds, ratio)) return candidate;
  }
  return "#000000";
}
