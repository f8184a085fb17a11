/**
 * The VERI*FACTU billing records as plain objects. Keys are AEAT's element names, so a record maps one
 * to one onto `SuministroInformacion.xsd` (and onto the fingerprint string, which uses the same names).
 *
 * Values: dates are the app's `YYYY-MM-DD` (or already AEAT's `dd-mm-yyyy`); amounts are exact decimal
 * strings with a dot (`minorToDecimalString`, e.g. "123.45", "-10.00"); rates are percentages ("21.00").
 * FechaHoraHusoGenRegistro is `YYYY-MM-DDThh:mm:ss+hh:mm`, as stored and fingerprinted.
 */

/** A Spanish tax id (NIF, CIF or NIE): 9 characters. */
export type Nif = string;

export interface IdFactura {
  IDEmisorFactura: Nif;
  /** Series and number, 1 to 60 characters. */
  NumSerieFactura: string;
  FechaExpedicionFactura: string;
}

/** A counterparty identified by a Spanish NIF, or abroad by another id. */
export type PersonaFisicaJuridica =
  | { NombreRazon: string; NIF: Nif }
  | {
      NombreRazon: string;
      IDOtro: {
        /** ISO 3166-1 alpha-2; not "ES" with IDType "02". */
        CodigoPais?: string;
        /** 02 NIF-VAT, 03 passport, 04 official id of the country, 05 residence certificate, 06 other, 07 not registered. */
        IDType: "02" | "03" | "04" | "05" | "06" | "07";
        ID: string;
      };
    };

/** One line of the tax breakdown: one per tax rate (at most 12). */
export interface DetalleDesglose {
  /** 01 IVA (the default), 02 IPSI, 03 IGIC, 05 other. */
  Impuesto?: "01" | "02" | "03" | "05";
  /** 01 general regime (the default). */
  ClaveRegimen?: string;
  /** S1 subject and not exempt (the default when neither is given); or an exemption E1–E6. */
  CalificacionOperacion?: "S1" | "S2" | "N1" | "N2";
  OperacionExenta?: "E1" | "E2" | "E3" | "E4" | "E5" | "E6";
  TipoImpositivo?: string;
  BaseImponibleOimporteNoSujeto: string;
  CuotaRepercutida?: string;
}

/** The previous record of the issuer's chain, or none for the first. */
export type Encadenamiento = { PrimerRegistro: "S" } | { RegistroAnterior: IdFactura & { Huella: string } };

/** The invoicing software that produced the record (Portico), as AEAT wants it described. */
export interface SistemaInformatico {
  /** The software producer's name and NIF. */
  NombreRazon: string;
  NIF: Nif;
  NombreSistemaInformatico: string;
  /** Two characters. */
  IdSistemaInformatico: string;
  Version: string;
  NumeroInstalacion: string;
  TipoUsoPosibleSoloVerifactu: "S" | "N";
  TipoUsoPosibleMultiOT: "S" | "N";
  IndicadorMultiplesOT: "S" | "N";
}

/** A rectifying invoice (R1–R5): by substitution (S, with the amounts it replaces) or by difference (I). */
export type Rectificacion =
  | {
      TipoRectificativa: "S";
      FacturasRectificadas: IdFactura[];
      ImporteRectificacion: { BaseRectificada: string; CuotaRectificada: string };
    }
  | { TipoRectificativa: "I"; FacturasRectificadas: IdFactura[] };

export interface RegistroAlta {
  IDFactura: IdFactura;
  NombreRazonEmisor: string;
  TipoFactura: "F1" | "F2" | "F3" | "R1" | "R2" | "R3" | "R4" | "R5";
  /** Required for R1–R5, absent otherwise. */
  Rectificacion?: Rectificacion | null;
  DescripcionOperacion: string;
  /** The customers; none for a simplified invoice (F2, R5). */
  Destinatarios?: PersonaFisicaJuridica[];
  Desglose: DetalleDesglose[];
  CuotaTotal: string;
  ImporteTotal: string;
  Encadenamiento: Encadenamiento;
  SistemaInformatico: SistemaInformatico;
  FechaHoraHusoGenRegistro: string;
  Huella: string;
}

export interface RegistroAnulacion {
  IDFactura: IdFactura;
  Encadenamiento: Encadenamiento;
  SistemaInformatico: SistemaInformatico;
  FechaHoraHusoGenRegistro: string;
  Huella: string;
}

/** The sender of a submission: the issuer whose records it carries. */
export interface Cabecera {
  ObligadoEmision: { NombreRazon: string; NIF: Nif };
}
