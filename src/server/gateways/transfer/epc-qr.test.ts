import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import {
  EPC_MAX_BYTES,
  type EpcTransfer,
  epcPayload,
  epcTransferOf,
  QUIET_ZONE,
  qrMatrix,
  qrPath,
  qrSvg,
} from "./epc-qr.js";

const sample: EpcTransfer = {
  bic: "CAIXESBBXXX",
  beneficiary: "Peña Ñandú, S.L.",
  iban: "ES91 2100 0418 4502 0005 1332",
  currency: "EUR",
  amountMinor: 123_456,
  reference: "F-2026-0042",
};

/** The symbol as an RGBA bitmap, `scale` px per module, with its white quiet zone. */
function bitmap(matrix: boolean[][], scale = 4): { data: Uint8ClampedArray; side: number } {
  const side = (matrix.length + 2 * QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [row, cells] of matrix.entries())
    for (const [col, dark] of cells.entries()) {
      if (!dark) continue;
      for (let y = 0; y < scale; y++) {
        const at = (((row + QUIET_ZONE) * scale + y) * side + (col + QUIET_ZONE) * scale) * 4;
        for (let x = 0; x < scale; x++) data.fill(0, at + 4 * x, at + 4 * x + 3);
      }
    }
  return { data, side };
}

function decode(payload: string): string {
  const { data, side } = bitmap(qrMatrix(payload));
  const found = jsQR(data, side, side, { inversionAttempts: "dontInvert" });
  if (!found) throw new Error("no QR code found");
  return Buffer.from(found.binaryData).toString("utf8");
}

describe("EPC QR payload (EPC069-12)", () => {
  it("lays out the eleven lines of version 002 in UTF-8, without a trailing newline", () => {
    const payload = epcPayload(sample);
    expect(payload.split("\n")).toEqual([
      "BCD",
      "002",
      "1",
      "SCT",
      "CAIXESBBXXX",
      "Peña Ñandú, S.L.",
      "ES9121000418450200051332",
      "EUR1234.56",
      "",
      "",
      "F-2026-0042",
    ]);
    expect(payload.endsWith("\n")).toBe(false);
  });

  it("leaves the BIC line empty without one, and writes amounts with two decimals", () => {
    const lines = (t: Partial<EpcTransfer>) => epcPayload({ ...sample, ...t }).split("\n");
    expect(lines({ bic: null })[4]).toBe("");
    expect(lines({ amountMinor: 1 })[7]).toBe("EUR0.01");
    expect(lines({ amountMinor: 10 })[7]).toBe("EUR0.10");
    expect(lines({ amountMinor: 100_000 })[7]).toBe("EUR1000.00");
    expect(lines({ amountMinor: 99_999_999_999 })[7]).toBe("EUR999999999.99");
    for (const amountMinor of [0, -5, 100_000_000_000, 1.5])
      expect(() => epcPayload({ ...sample, amountMinor })).toThrow(
        expect.objectContaining({ code: "AMOUNT_OUT_OF_RANGE" }),
      );
  });

  it("cuts the name at 70 characters and keeps line breaks out of every field", () => {
    const long = `${"Ñ".repeat(69)}ÇXYZ`;
    const name = epcPayload({ ...sample, beneficiary: long }).split("\n")[5];
    expect(name).toBe(`${"Ñ".repeat(69)}Ç`);
    expect(Array.from(name ?? "")).toHaveLength(70);
    const lines = epcPayload({ ...sample, beneficiary: "Acme\nSCT", reference: "F-1\r\nEUR9" }).split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[5]).toBe("Acme SCT");
    expect(lines[10]).toBe("F-1 EUR9");
  });

  it("stays within 331 bytes however wide the characters are", () => {
    const payload = epcPayload({ ...sample, beneficiary: "😀".repeat(70), reference: "R".repeat(140) });
    expect(Buffer.byteLength(payload, "utf8")).toBeLessThanOrEqual(EPC_MAX_BYTES);
    const name = payload.split("\n")[5] ?? "";
    expect(name).toMatch(/^(😀)+$/u);
    expect(payload.split("\n")[10]).toBe("R".repeat(140));
  });

  it("refuses any currency but the euro", () => {
    expect(() => epcPayload({ ...sample, currency: "USD" })).toThrow(
      expect.objectContaining({ code: "CP4003" }),
    );
  });

  it("applies only to an open euro invoice with something due, from an organisation with an IBAN", () => {
    const base = { ...sample, dueMinor: 500, isOpen: true };
    expect(epcTransferOf(base)).toMatchObject({ amountMinor: 500, reference: "F-2026-0042" });
    expect(epcTransferOf({ ...base, currency: "GBP" })).toBeNull();
    expect(epcTransferOf({ ...base, iban: null })).toBeNull();
    expect(epcTransferOf({ ...base, dueMinor: 0 })).toBeNull();
    expect(epcTransferOf({ ...base, isOpen: false })).toBeNull();
    expect(epcTransferOf({ ...base, reference: null })).toBeNull();
  });
});

describe("EPC QR symbol", () => {
  it("decodes back to the exact payload, accents included", () => {
    const payload = epcPayload(sample);
    expect(decode(payload)).toBe(payload);
    const longest = epcPayload({ ...sample, beneficiary: "Ñ".repeat(70), reference: "R".repeat(140) });
    expect(decode(longest)).toBe(longest);
  });

  it("draws one square path per run of dark modules inside the quiet zone, in SVG too", () => {
    const matrix = qrMatrix(epcPayload(sample));
    const { path, size } = qrPath(matrix);
    expect(size).toBe(matrix.length + 8);
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`)).toBe(true);
    const svg = qrSvg(matrix, `QR <${sample.reference}>`);
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`);
    expect(svg).toContain("<title>QR &#60;F-2026-0042&#62;</title>");
  });
});
