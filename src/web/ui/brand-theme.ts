import {
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from "@mantine/core";
import {
  accessibleShade,
  darkenHex,
  isHexColor,
  lightenHex,
  luminance,
  SURFACES,
} from "./accessible-color.js";

const DEFAULT_BRAND = "#1c7ed6";

/**
 * Mantine writes text in shades 6–9 (links, `c="red"`, outline and subtle buttons at the primary shade 6;
 * light badges and alerts in shade 9 on the fill of shade 1) and puts white text on shade 6 (filled) and 7
 * (its hover). Each of those shades is darkened until it reads on the page surfaces, shade 9 on the
 * colour's own light fills too, and never lighter than the shade before it (hover stays darker).
 * The light shades 0–5 are backgrounds and stay as they are.
 */
export function accessiblePalette(tuple: readonly string[]): MantineColorsTuple {
  const shades = tuple.map((c) => c.toLowerCase());
  const fills = shades.slice(0, 2);
  for (let i = 6; i <= 9; i++) {
    const backgrounds = i === 9 ? [...SURFACES, ...fills] : SURFACES;
    let shade = accessibleShade(shades[i] as string, backgrounds);
    const previous = shades[i - 1] as string;
    if (i > 6 && luminance(shade) > luminance(previous))
      shade = accessibleShade(darkenHex(previous, 0.1), backgrounds);
    shades[i] = shade;
  }
  return shades as unknown as MantineColorsTuple;
}

/** Ten shades around the organisation's colour; the colour itself (or its readable shade) at index 6. */
export function brandColors(color: string): MantineColorsTuple {
  const base = isHexColor(color) ? color.toLowerCase() : DEFAULT_BRAND;
  return accessiblePalette([
    lightenHex(base, 0.92),
    lightenHex(base, 0.8),
    lightenHex(base, 0.64),
    lightenHex(base, 0.48),
    lightenHex(base, 0.32),
    lightenHex(base, 0.16),
    base,
    darkenHex(base, 0.12),
    darkenHex(base, 0.24),
    darkenHex(base, 0.36),
  ]);
}

/** Mantine's own colours, each made readable the same way (its yellow 9 on yellow 1 is 2.7:1). */
const readableColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, tuple]) => [name, accessiblePalette(tuple)]),
);

export const baseTheme: MantineThemeOverride = createTheme({
  colors: readableColors,
  primaryColor: "indigo",
  primaryShade: 6,
  defaultRadius: "md",
  focusRing: "auto",
  autoContrast: true,
  // People who ask their system for less motion get Mantine's transitions off (WCAG 2.3.3); the e2e
  // browsers ask too, which spares them animation frames.
  respectReducedMotion: true,
});

export function brandTheme(color: string): MantineThemeOverride {
  return createTheme({
    ...baseTheme,
    colors: { ...readableColors, brand: brandColors(color) },
    primaryColor: "brand",
  });
}
