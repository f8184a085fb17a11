import {
  createTheme,
  darken,
  lighten,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from "@mantine/core";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Ten shades around the organisation's colour, the colour itself at index 6 (Mantine's primary shade). */
export function brandColors(color: string): MantineColorsTuple {
  const base = HEX.test(color) ? color : "#1c7ed6";
  return [
    lighten(base, 0.92),
    lighten(base, 0.8),
    lighten(base, 0.64),
    lighten(base, 0.48),
    lighten(base, 0.32),
    lighten(base, 0.16),
    base,
    darken(base, 0.12),
    darken(base, 0.24),
    darken(base, 0.36),
  ];
}

export const baseTheme: MantineThemeOverride = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  focusRing: "auto",
  autoContrast: true,
});

export function brandTheme(color: string): MantineThemeOverride {
  return createTheme({
    ...baseTheme,
    colors: { brand: brandColors(color) },
    primaryColor: "brand",
    primaryShade: 6,
  });
}
