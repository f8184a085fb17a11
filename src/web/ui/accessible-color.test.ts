import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accessibleShade,
  contrastRatio,
  darkenHex,
  isHexColor,
  meetsContrast,
  SURFACES,
  TEXT_CONTRAST,
} from "./accessible-color.js";
import { baseTheme, brandColors } from "./brand-theme.js";

const hexArb = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`);
const anyCaseHexArb = fc.tuple(hexArb, fc.boolean()).map(([hex, upper]) => (upper ? hex.toUpperCase() : hex));

describe("contrastRatio", () => {
  it("matches the figures axe reported for Mantine's defaults", () => {
    expect(contrastRatio("#1c7ed6", "#ffffff")).toBeCloseTo(4.2, 1);
    expect(contrastRatio("#868e96", "#ffffff")).toBeCloseTo(3.32, 2);
    expect(contrastRatio("#4c6ef5", "#f8f9fa")).toBeCloseTo(4.1, 2);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});

describe("accessibleShade", () => {
  it("any colour comes out readable on the page surfaces, and white text reads on it", () => {
    fc.assert(
      fc.property(anyCaseHexArb, (hex) => {
        const shade = accessibleShade(hex);
        expect(isHexColor(shade)).toBe(true);
        for (const bg of SURFACES) expect(contrastRatio(shade, bg)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }),
    );
  });

  it("a colour that already passes is unchanged", () => {
    fc.assert(
      fc.property(
        anyCaseHexArb.filter((hex) => meetsContrast(hex.toLowerCase(), SURFACES)),
        (hex) => {
          expect(accessibleShade(hex)).toBe(hex.toLowerCase());
        },
      ),
    );
  });

  it("only darkens, and no more than needed: the mix one step lighter fails", () => {
    fc.assert(
      fc.property(hexArb, (hex) => {
        const shade = accessibleShade(hex);
        fc.pre(shade !== hex);
        const step = Array.from({ length: 100 }, (_, i) => i).find((i) => darkenHex(hex, i / 100) === shade);
        if (step === undefined) return expect(shade).toBe("#000000");
        expect(step).toBeGreaterThan(0);
        expect(meetsContrast(darkenHex(hex, (step - 1) / 100), SURFACES)).toBe(false);
      }),
    );
  });

  it("the demo's brand blue gets a darker blue", () => {
    const shade = accessibleShade("#1c7ed6");
    expect(shade).not.toBe("#1c7ed6");
    expect(contrastRatio(shade, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(shade, "#ffffff")).toBeLessThan(5.2);
  });
});

describe("brandColors", () => {
  it("any brand colour gives readable text shades: 6 to 9 on the surfaces, 9 on its own light fill", () => {
    fc.assert(
      fc.property(anyCaseHexArb, (hex) => {
        const shades = brandColors(hex);
        for (const i of [6, 7, 8, 9]) expect(meetsContrast(shades[i] as string, SURFACES)).toBe(true);
        expect(contrastRatio(shades[9] as string, shades[1] as string)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }),
    );
  });

  it("keeps a brand colour that already reads as the primary shade", () => {
    expect(brandColors("#1864AB")[6]).toBe("#1864ab");
  });

  it("Mantine's own colours are made readable in the base theme", () => {
    const colors = baseTheme.colors ?? {};
    for (const [name, shades] of Object.entries(colors)) {
      if (!shades) continue;
      for (const i of [6, 7, 8, 9])
        expect(meetsContrast(shades[i] as string, SURFACES), `${name}.${i}`).toBe(true);
    }
    expect(colors.gray?.[6]).not.toBe("#868e96");
  });
});
