import { aeatAmount, aeatDate, aeatId, aeatNif, aeatRate, aeatText } from "./aeat-formats.js";
import type {
  Cabecera,
  DetalleDesglose,
  Encadenamiento,
  IdFactura,
  PersonaFisicaJuridica,
  RegistroAlta,
  RegistroAnulacion,
  SistemaInformatico,
} from "./record-types.js";
import { el, parent, writeXml, type XmlNode } from "./xml-text.js";

/** AEAT's namespaces, with the prefixes of its own examples. */
export const NS_SF =
  "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd";
export const NS_SUM =
  "https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroLR.xsd";

const sf = (name: string) => `sum1:${name}`;
const t = (name: string, text: string) => el(sf(name), text);
const p = (name: string, children: (XmlNode | null)[]) => parent(sf(name), children);
/** The element order below is the schema's sequence order: it must not be changed. */

function idFactura(name: string, id: IdFactura, suffix = ""): XmlNode {
  return p(name, [
    t(`IDEmisorFactura${suffix}`, aeatNif(id.IDEmisorFactura)),
    t(`NumSerieFactura${suffix}`, aeatId(id.NumSerieFactura, 60, "NumSerieFactura")),
    t(`FechaExpedicionFactura${suffix}`, aeatDate(id.FechaExpedicionFactura)),
  ]);
}

function persona(name: string, who: PersonaFisicaJuridica): XmlNode {
  return p(name, [
    t("NombreRazon", aeatText(who.NombreRazon, 120)),
    "NIF" in who
      ? t("NIF", aeatNif(who.NIF))
      : p("IDOtro", [
          who.IDOtro.CodigoPais ? t("CodigoPais", who.IDOtro.CodigoPais.toUpperCase()) : null,
          t("IDType", who.IDOtro.IDType),
          t("ID", aeatId(who.IDOtro.ID, 20, "IDOtro.ID")),
        ]),
  ]);
}

function detalle(line: DetalleDesglose): XmlNode {
  return p("DetalleDesglose", [
    t("Impuesto", line.Impuesto ?? "01"),
    t("ClaveRegimen", line.ClaveRegimen ?? "01"),
    line.OperacionExenta
      ? t("OperacionExenta", line.OperacionExenta)
      : t("CalificacionOperacion", line.CalificacionOperacion ?? "S1"),
    line.TipoImpositivo === undefined ? null : t("TipoImpositivo", aeatRate(line.TipoImpositivo)),
    t("BaseImponibleOimporteNoSujeto", aeatAmount(line.BaseImponibleOimporteNoSujeto)),
    line.CuotaRepercutida === undefined ? null : t("CuotaRepercutida", aeatAmount(line.CuotaRepercutida)),
  ]);
}

function encadenamiento(chain: Encadenamiento): XmlNode {
  if ("PrimerRegistro" in chain) return p("Encadenamiento", [t("PrimerRegistro", "S")]);
  const previous = chain.RegistroAnterior;
  return p("Encadenamiento", [
    p("RegistroAnterior", [
      t("IDEmisorFactura", aeatNif(previous.IDEmisorFactura)),
      t("NumSerieFactura", aeatId(previous.NumSerieFactura, 60, "NumSerieFactura")),
      t("FechaExpedicionFactura", aeatDate(previous.FechaExpedicionFactura)),
      t("Huella", aeatId(previous.Huella, 64, "Huella")),
    ]),
  ]);
}

function sistemaInformatico(system: SistemaInformatico): XmlNode {
  return p("SistemaInformatico", [
    t("NombreRazon", aeatText(system.NombreRazon, 120)),
    t("NIF", aeatNif(system.NIF)),
    t("NombreSistemaInformatico", aeatText(system.NombreSistemaInformatico, 30)),
    t("IdSistemaInformatico", aeatId(system.IdSistemaInformatico, 2, "IdSistemaInformatico")),
    t("Version", aeatText(system.Version, 50)),
    t("NumeroInstalacion", aeatText(system.NumeroInstalacion, 100)),
    t("TipoUsoPosibleSoloVerifactu", system.TipoUsoPosibleSoloVerifactu),
    t("TipoUsoPosibleMultiOT", system.TipoUsoPosibleMultiOT),
    t("IndicadorMultiplesOT", system.IndicadorMultiplesOT),
  ]);
}

/** `YYYY-MM-DDThh:mm:ss±hh:mm`, the form AEAT fingerprints and the schema's xs:dateTime accepts. */
function generatedAt(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(value))
    throw new RangeError(`Not a FechaHoraHusoGenRegistro: ${JSON.stringify(value)}`);
  return value;
}

function altaNode(alta: RegistroAlta): XmlNode {
  const isRectifying = alta.TipoFactura.startsWith("R");
  const rect = alta.Rectificacion ?? null;
  if (isRectifying !== (rect !== null))
    throw new RangeError("A rectifying invoice (R1–R5), and only one, has a Rectificacion");
  if (alta.Desglose.length < 1 || alta.Desglose.length > 12)
    throw new RangeError("Desglose has 1 to 12 lines");
  const recipients = alta.Destinatarios ?? [];
  return p("RegistroAlta", [
    t("IDVersion", "1.0"),
    idFactura("IDFactura", alta.IDFactura),
    t("NombreRazonEmisor", aeatText(alta.NombreRazonEmisor, 120)),
    t("TipoFactura", alta.TipoFactura),
    rect ? t("TipoRectificativa", rect.TipoRectificativa) : null,
    rect && rect.FacturasRectificadas.length > 0
      ? p(
          "FacturasRectificadas",
          rect.FacturasRectificadas.map((id) => idFactura("IDFacturaRectificada", id)),
        )
      : null,
    rect?.TipoRectificativa === "S"
      ? p("ImporteRectificacion", [
          t("BaseRectificada", aeatAmount(rect.ImporteRectificacion.BaseRectificada)),
          t("CuotaRectificada", aeatAmount(rect.ImporteRectificacion.CuotaRectificada)),
        ])
      : null,
    t("DescripcionOperacion", aeatText(alta.DescripcionOperacion, 500)),
    recipients.length > 0
      ? p(
          "Destinatarios",
          recipients.map((who) => persona("IDDestinatario", who)),
        )
      : null,
    p("Desglose", alta.Desglose.map(detalle)),
    t("CuotaTotal", aeatAmount(alta.CuotaTotal)),
    t("ImporteTotal", aeatAmount(alta.ImporteTotal)),
    encadenamiento(alta.Encadenamiento),
    sistemaInformatico(alta.SistemaInformatico),
    t("FechaHoraHusoGenRegistro", generatedAt(alta.FechaHoraHusoGenRegistro)),
    t("TipoHuella", "01"),
    t("Huella", aeatId(alta.Huella, 64, "Huella")),
  ]);
}

function anulacionNode(anulacion: RegistroAnulacion): XmlNode {
  return p("RegistroAnulacion", [
    t("IDVersion", "1.0"),
    idFactura("IDFactura", anulacion.IDFactura, "Anulada"),
    encadenamiento(anulacion.Encadenamiento),
    sistemaInformatico(anulacion.SistemaInformatico),
    t("FechaHoraHusoGenRegistro", generatedAt(anulacion.FechaHoraHusoGenRegistro)),
    t("TipoHuella", "01"),
    t("Huella", aeatId(anulacion.Huella, 64, "Huella")),
  ]);
}

/** `<sum1:RegistroAlta>` with its namespace declared: a record on its own, ready to embed or download. */
export const registroAltaXml = (alta: RegistroAlta): string => writeXml(altaNode(alta), { sum1: NS_SF });

/** `<sum1:RegistroAnulacion>` with its namespace declared. */
export const registroAnulacionXml = (anulacion: RegistroAnulacion): string =>
  writeXml(anulacionNode(anulacion), { sum1: NS_SF });

export type Registro = { alta: RegistroAlta } | { anulacion: RegistroAnulacion };

/**
 * The submission AEAT's web service takes (`SuministroLR.xsd`): the issuer, then 1 to 1000 records.
 * Nothing sends it yet (issue 17: submission needs a qualified certificate; decision 050).
 */
export function regFactuSistemaFacturacionXml(cabecera: Cabecera, registros: Registro[]): string {
  if (registros.length < 1 || registros.length > 1000)
    throw new RangeError("A submission carries 1 to 1000 records");
  const root = parent("sum:RegFactuSistemaFacturacion", [
    parent("sum:Cabecera", [
      p("ObligadoEmision", [
        t("NombreRazon", aeatText(cabecera.ObligadoEmision.NombreRazon, 120)),
        t("NIF", aeatNif(cabecera.ObligadoEmision.NIF)),
      ]),
    ]),
    ...registros.map((registro) =>
      parent("sum:RegistroFactura", [
        "alta" in registro ? altaNode(registro.alta) : anulacionNode(registro.anulacion),
      ]),
    ),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeXml(root, { sum: NS_SUM, sum1: NS_SF })}\n`;
}
