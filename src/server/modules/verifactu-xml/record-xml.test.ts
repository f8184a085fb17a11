import { describe, expect, test } from "vitest";
import {
  NS_SF,
  type Registro,
  regFactuSistemaFacturacionXml,
  registroAltaXml,
  registroAnulacionXml,
} from "./record-xml.js";
import { anulacion, chainedAlta, firstAlta, rectifyingAlta } from "./sample-records.js";
import { findAeatSchemaDir, validateAgainstAeat } from "./test-support.js";

const cabecera = { ObligadoEmision: { NombreRazon: "Ferretería Ñandú & Hijos", NIF: "89890001K" } };

async function expectValid(registros: Registro[]): Promise<string> {
  const xml = regFactuSistemaFacturacionXml(cabecera, registros);
  const result = await validateAgainstAeat(xml);
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
  return xml;
}

describe("VERI*FACTU record XML against AEAT's schemas (issue 17 §1)", () => {
  test("a first alta validates, with the issuer's header and its text escaped", async () => {
    const xml = await expectValid([{ alta: firstAlta }]);
    expect(xml).toContain(
      "<sum1:NombreRazonEmisor>Ferretería Ñandú &amp; Hijos &lt;S.L.&gt;</sum1:NombreRazonEmisor>",
    );
    expect(xml).toContain("<sum1:FechaExpedicionFactura>01-01-2024</sum1:FechaExpedicionFactura>");
    expect(xml).toContain("<sum1:PrimerRegistro>S</sum1:PrimerRegistro>");
    expect(xml).toMatch(/<sum1:TipoHuella>01<\/sum1:TipoHuella>\s*<sum1:Huella>3C464DAF/);
  });

  test("a chained alta (a customer abroad) validates and names the previous record", async () => {
    const xml = await expectValid([{ alta: chainedAlta }]);
    expect(xml).toMatch(
      /<sum1:RegistroAnterior>\s*<sum1:IDEmisorFactura>89890001K<\/sum1:IDEmisorFactura>\s*<sum1:NumSerieFactura>12345678\/G33<\/sum1:NumSerieFactura>\s*<sum1:FechaExpedicionFactura>01-01-2024<\/sum1:FechaExpedicionFactura>\s*<sum1:Huella>3C464DAF/,
    );
    expect(xml).toContain("<sum1:CodigoPais>GB</sum1:CodigoPais>");
  });

  test("a rectifying alta by substitution and one by difference validate", async () => {
    const xml = await expectValid([{ alta: rectifyingAlta }]);
    expect(xml).toContain("<sum1:TipoRectificativa>S</sum1:TipoRectificativa>");
    expect(xml).toContain("<sum1:BaseRectificada>111.10</sum1:BaseRectificada>");
    const byDifference = {
      ...rectifyingAlta,
      Rectificacion: {
        TipoRectificativa: "I" as const,
        FacturasRectificadas: rectifyingAlta.Rectificacion?.FacturasRectificadas ?? [],
      },
    };
    const incremental = await expectValid([{ alta: byDifference }]);
    expect(incremental).not.toContain("ImporteRectificacion");
  });

  test("an anulación validates, and so does one submission of several records", async () => {
    const xml = await expectValid([{ anulacion }]);
    expect(xml).toContain("<sum1:NumSerieFacturaAnulada>12345679/G34</sum1:NumSerieFacturaAnulada>");
    await expectValid([{ alta: firstAlta }, { alta: chainedAlta }, { alta: rectifyingAlta }, { anulacion }]);
  });

  test("the validator really validates: a record missing an element, or out of order, is refused", async () => {
    const good = regFactuSistemaFacturacionXml(cabecera, [{ alta: firstAlta }]);
    const missing = good.replace(/\s*<sum1:DescripcionOperacion>[^<]*<\/sum1:DescripcionOperacion>/, "");
    expect(missing).not.toBe(good);
    const refused = await validateAgainstAeat(missing);
    expect(refused.valid).toBe(false);
    expect(refused.errors[0]?.message).toMatch(/DescripcionOperacion|Destinatarios/);

    const badAmount = good.replace(">123.45<", ">123,45<");
    expect((await validateAgainstAeat(badAmount)).valid).toBe(false);

    const swapped = good.replace(
      /(<sum1:CuotaTotal>[^<]*<\/sum1:CuotaTotal>)(\s*)(<sum1:ImporteTotal>[^<]*<\/sum1:ImporteTotal>)/,
      "$3$2$1",
    );
    expect(swapped).not.toBe(good);
    expect((await validateAgainstAeat(swapped)).valid).toBe(false);
  });

  test("without the shared schemas the tests fail saying where they looked", () => {
    expect(() => findAeatSchemaDir("/")).toThrow(/shared\/einvoice\/verifactu\/SuministroLR.xsd above \//);
  });

  test("a standalone record declares its namespace; bad values fail before any XML is written", () => {
    const alta = registroAltaXml(firstAlta);
    expect(alta.startsWith(`<sum1:RegistroAlta xmlns:sum1="${NS_SF}">`)).toBe(true);
    expect(registroAnulacionXml(anulacion)).toMatch(/^<sum1:RegistroAnulacion xmlns:sum1=/);

    expect(() => registroAltaXml({ ...firstAlta, ImporteTotal: "123.456" })).toThrow(/amount/);
    expect(() => registroAltaXml({ ...firstAlta, TipoFactura: "R1" })).toThrow(/Rectificacion/);
    expect(() => registroAltaXml({ ...firstAlta, Desglose: [] })).toThrow(/Desglose/);
    expect(() =>
      registroAltaXml({ ...firstAlta, IDFactura: { ...firstAlta.IDFactura, IDEmisorFactura: "1234" } }),
    ).toThrow(/NIF/);
    expect(() =>
      registroAltaXml({
        ...firstAlta,
        IDFactura: { ...firstAlta.IDFactura, FechaExpedicionFactura: "1/1/24" },
      }),
    ).toThrow(/date/);
    expect(() => registroAltaXml({ ...firstAlta, FechaHoraHusoGenRegistro: "2024-01-01T19:20:30Z" })).toThrow(
      /FechaHoraHusoGenRegistro/,
    );
  });

  test("long free text is cut to the schema's length and still validates", async () => {
    const long = "Á".repeat(130);
    const alta = {
      ...firstAlta,
      NombreRazonEmisor: long,
      DescripcionOperacion: `line\none ${"x".repeat(600)}`,
    };
    const xml = await expectValid([{ alta }]);
    expect(xml).toContain(`<sum1:NombreRazonEmisor>${"Á".repeat(120)}</sum1:NombreRazonEmisor>`);
    expect(xml).toContain("<sum1:DescripcionOperacion>line one xxx");
  });
});
