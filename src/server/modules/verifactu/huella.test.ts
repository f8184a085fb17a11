import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isValidSpanishTaxId, normaliseSpanishTaxId } from "../../../shared/spanish-tax-id.js";
import {
  aeatDate,
  aeatTimestamp,
  altaHuella,
  altaHuellaInput,
  anulacionHuella,
  anulacionHuellaInput,
} from "./huella.js";

// AEAT, "Detalle de las especificaciones técnicas para la generación de la huella o hash de los registros
// de facturación", examples: the first alta, the chained alta and the chained anulación.
describe("AEAT's published fingerprint examples, byte for byte", () => {
  const first = {
    idEmisorFactura: "89890001K",
    numSerieFactura: "12345678/G33",
    fechaExpedicionFactura: "01-01-2024",
    tipoFactura: "F1",
    cuotaTotal: "12.35",
    importeTotal: "123.45",
    huellaAnterior: "",
    fechaHoraHusoGenRegistro: "2024-01-01T19:20:30+01:00",
  };
  const H1 = "3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60";
  const H2 = "F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97";
  const H3 = "177547C0D57AC74748561D054A9CEC14B4C4EA23D1BEFD6F2E69E3A388F90C68";

  test("the first alta", () => {
    expect(altaHuellaInput(first)).toBe(
      "IDEmisorFactura=89890001K&NumSerieFactura=12345678/G33&FechaExpedicionFactura=01-01-2024&TipoFactura=F1&CuotaTotal=12.35&ImporteTotal=123.45&Huella=&FechaHoraHusoGenRegistro=2024-01-01T19:20:30+01:00",
    );
    expect(altaHuella(first)).toBe(H1);
  });

  test("the alta chained to it", () => {
    expect(
      altaHuella({
        ...first,
        numSerieFactura: "12345679/G34",
        huellaAnterior: H1,
        fechaHoraHusoGenRegistro: "2024-01-01T19:20:35+01:00",
      }),
    ).toBe(H2);
  });

  test("the anulación chained to the second", () => {
    const fields = {
      idEmisorFacturaAnulada: "89890001K",
      numSerieFacturaAnulada: "12345679/G34",
      fechaExpedicionFacturaAnulada: "01-01-2024",
      huellaAnterior: H2,
      fechaHoraHusoGenRegistro: "2024-01-01T19:20:40+01:00",
    };
    expect(anulacionHuellaInput(fields)).toBe(
      `IDEmisorFacturaAnulada=89890001K&NumSerieFacturaAnulada=12345679/G34&FechaExpedicionFacturaAnulada=01-01-2024&Huella=${H2}&FechaHoraHusoGenRegistro=2024-01-01T19:20:40+01:00`,
    );
    expect(anulacionHuella(fields)).toBe(H3);
  });

  test("values are trimmed", () => {
    expect(altaHuella({ ...first, idEmisorFactura: " 89890001K ", numSerieFactura: "12345678/G33  " })).toBe(
      H1,
    );
  });
});

describe("AEAT's date and timestamp forms", () => {
  test("dd-mm-yyyy", () => expect(aeatDate("2024-01-31")).toBe("31-01-2024"));

  test("the wall time of the zone with its offset, to the second", () => {
    expect(aeatTimestamp(Date.parse("2024-01-01T18:20:30.999Z"), "Europe/Madrid")).toBe(
      "2024-01-01T19:20:30+01:00",
    );
    expect(aeatTimestamp(Date.parse("2024-07-01T18:20:30Z"), "Europe/Madrid")).toBe(
      "2024-07-01T20:20:30+02:00",
    );
    expect(aeatTimestamp(Date.parse("2024-07-01T18:20:30Z"), "Atlantic/Canary")).toBe(
      "2024-07-01T19:20:30+01:00",
    );
    expect(aeatTimestamp(Date.parse("2024-01-01T00:00:00Z"), "America/Caracas")).toBe(
      "2023-12-31T20:00:00-04:00",
    );
    expect(aeatTimestamp(Date.parse("2024-01-01T00:00:00Z"), "UTC")).toBe("2024-01-01T00:00:00+00:00");
  });

  test("any instant: the wall time minus the offset is the instant (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2000-01-01"), max: Date.parse("2099-12-31") }),
        fc.constantFrom("Europe/Madrid", "Atlantic/Canary", "UTC", "America/New_York", "Asia/Kolkata"),
        (ms, zone) => {
          const s = aeatTimestamp(ms, zone);
          expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
          expect(Date.parse(s)).toBe(Math.floor(ms / 1000) * 1000);
        },
      ),
    );
  });
});

describe("Spanish NIF shapes with their check character", () => {
  test.each([
    "89890001K",
    "12345678Z",
    "X1234567L",
    "Y1234567X",
    "Z1234567R",
    "B12345674",
    "A58818501",
    "Q2826000H",
    "ES B12345674",
    "b-12345674",
  ])("valid: %s", (id) => expect(isValidSpanishTaxId(id)).toBe(true));

  test.each([
    "",
    "12345678A",
    "X1234567A",
    "B12345675",
    "Q2826000J",
    "1234567Z",
    "B1234567",
    "ESX",
    "P1234567A",
  ])("invalid: %s", (id) => expect(isValidSpanishTaxId(id)).toBe(false));

  test("normalised: upper case, no separators, no ES prefix", () => {
    expect(normaliseSpanishTaxId(" es-b12.345.674 ")).toBe("B12345674");
  });

  test("exactly one check letter fits each DNI number (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        const digits = String(n).padStart(8, "0");
        const fits = [..."ABCDEFGHJKLMNPQRSTVWXYZ"].filter((l) => isValidSpanishTaxId(`${digits}${l}`));
        expect(fits).toHaveLength(1);
      }),
    );
  });
});
