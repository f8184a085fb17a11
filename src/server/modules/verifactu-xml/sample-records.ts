import type { RegistroAlta, RegistroAnulacion, SistemaInformatico } from "./record-types.js";

/**
 * Records built on AEAT's own worked examples (issuer 89890001K, invoices 12345678/G33 and 12345679/G34,
 * fingerprints of the specification's example section), for the tests and the docs.
 */
export const sampleSystem: SistemaInformatico = {
  NombreRazon: "Portico Software, S.L.",
  NIF: "B12345674",
  NombreSistemaInformatico: "Portico",
  IdSistemaInformatico: "PO",
  Version: "0.1.0",
  NumeroInstalacion: "portico-test-1",
  TipoUsoPosibleSoloVerifactu: "S",
  TipoUsoPosibleMultiOT: "S",
  IndicadorMultiplesOT: "S",
};

export const firstAlta: RegistroAlta = {
  IDFactura: {
    IDEmisorFactura: "89890001K",
    NumSerieFactura: "12345678/G33",
    FechaExpedicionFactura: "2024-01-01",
  },
  NombreRazonEmisor: "Ferretería Ñandú & Hijos <S.L.>",
  TipoFactura: "F1",
  DescripcionOperacion: "Servicios de consultoría",
  Destinatarios: [{ NombreRazon: "Cliente Uno, S.A.", NIF: "A39200019" }],
  Desglose: [
    {
      TipoImpositivo: "21.00",
      BaseImponibleOimporteNoSujeto: "58.81",
      CuotaRepercutida: "12.35",
    },
    { TipoImpositivo: "0", BaseImponibleOimporteNoSujeto: "52.29", CuotaRepercutida: "0.00" },
  ],
  CuotaTotal: "12.35",
  ImporteTotal: "123.45",
  Encadenamiento: { PrimerRegistro: "S" },
  SistemaInformatico: sampleSystem,
  FechaHoraHusoGenRegistro: "2024-01-01T19:20:30+01:00",
  Huella: "3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60",
};

export const chainedAlta: RegistroAlta = {
  ...firstAlta,
  IDFactura: {
    IDEmisorFactura: "89890001K",
    NumSerieFactura: "12345679/G34",
    FechaExpedicionFactura: "01-01-2024",
  },
  Destinatarios: [
    {
      NombreRazon: "Customer Abroad Ltd",
      IDOtro: { CodigoPais: "GB", IDType: "04", ID: "GB123456789" },
    },
  ],
  Encadenamiento: {
    RegistroAnterior: {
      IDEmisorFactura: "89890001K",
      NumSerieFactura: "12345678/G33",
      FechaExpedicionFactura: "2024-01-01",
      Huella: firstAlta.Huella,
    },
  },
  FechaHoraHusoGenRegistro: "2024-01-01T19:20:35+01:00",
  Huella: "F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97",
};

/** A credit note correcting the first invoice by substitution (R1, S), with what it replaces. */
export const rectifyingAlta: RegistroAlta = {
  ...firstAlta,
  IDFactura: {
    IDEmisorFactura: "89890001K",
    NumSerieFactura: "R-2024-0001",
    FechaExpedicionFactura: "2024-01-02",
  },
  TipoFactura: "R1",
  Rectificacion: {
    TipoRectificativa: "S",
    FacturasRectificadas: [
      { IDEmisorFactura: "89890001K", NumSerieFactura: "12345678/G33", FechaExpedicionFactura: "2024-01-01" },
    ],
    ImporteRectificacion: { BaseRectificada: "111.10", CuotaRectificada: "12.35" },
  },
  DescripcionOperacion: "Rectificación por error en el precio",
  Desglose: [{ TipoImpositivo: "21", BaseImponibleOimporteNoSujeto: "-10.00", CuotaRepercutida: "-2.10" }],
  CuotaTotal: "-2.10",
  ImporteTotal: "-12.10",
  Encadenamiento: {
    RegistroAnterior: {
      IDEmisorFactura: "89890001K",
      NumSerieFactura: "12345679/G34",
      FechaExpedicionFactura: "01-01-2024",
      Huella: chainedAlta.Huella,
    },
  },
  FechaHoraHusoGenRegistro: "2024-01-02T09:00:00+01:00",
  Huella: "0000000000000000000000000000000000000000000000000000000000000000",
};

export const anulacion: RegistroAnulacion = {
  IDFactura: {
    IDEmisorFactura: "89890001K",
    NumSerieFactura: "12345679/G34",
    FechaExpedicionFactura: "2024-01-01",
  },
  Encadenamiento: {
    RegistroAnterior: {
      IDEmisorFactura: "89890001K",
      NumSerieFactura: "12345679/G34",
      FechaExpedicionFactura: "2024-01-01",
      Huella: chainedAlta.Huella,
    },
  },
  SistemaInformatico: sampleSystem,
  FechaHoraHusoGenRegistro: "2024-01-01T19:20:40+01:00",
  Huella: "177547C0D57AC74748561D054A9CEC14B4C4EA23D1BEFD6F2E69E3A388F90C68",
};
