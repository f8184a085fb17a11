import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { normaliseNif, verifactuQrUrl } from "./qr-url.js";

describe("the VERI*FACTU QR URL (issue 17 §1)", () => {
  test("AEAT's parameters in order: numserie percent-encoded, fecha dd-mm-yyyy, importe with 2 decimals", () => {
    expect(
      verifactuQrUrl({ nif: "B88752210", numSerie: "1/25A-321", issueDate: "2025-01-05", totalMinor: 56700 }),
    ).toBe(
      "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B88752210&numserie=1%2F25A-321&fecha=05-01-2025&importe=567.00",
    );
    expect(
      verifactuQrUrl(
        { nif: "B43752210", numSerie: "E-12345", issueDate: "2025-04-23", totalMinor: 12345 },
        "test",
      ),
    ).toBe(
      "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B43752210&numserie=E-12345&fecha=23-04-2025&importe=123.45",
    );
  });

  test("spaces, ampersands and accents of a number are encoded; negative and small amounts keep 2 decimals", () => {
    const url = verifactuQrUrl({
      nif: "es-b8875221 0",
      numSerie: "A&B 2027/Ñ1",
      issueDate: "2027-12-31",
      totalMinor: -5,
    });
    expect(url).toBe(
      "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B88752210&numserie=A%26B%202027%2F%C3%911&fecha=31-12-2027&importe=-0.05",
    );
    expect(normaliseNif("12345678-z")).toBe("12345678Z");
  });

  test("every number and amount reads back exactly from the URL", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        (numSerie, totalMinor) => {
          fc.pre(numSerie.trim() !== "");
          const params = new URL(
            verifactuQrUrl({ nif: "B88752210", numSerie, issueDate: "2027-02-28", totalMinor }),
          ).searchParams;
          expect(params.get("numserie")).toBe(numSerie.trim());
          const importe = params.get("importe") ?? "";
          expect(importe).toMatch(/^-?\d+\.\d{2}$/);
          expect(BigInt(importe.replace(".", ""))).toBe(BigInt(totalMinor));
        },
      ),
    );
  });
});
