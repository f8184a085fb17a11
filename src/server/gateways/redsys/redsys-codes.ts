import type { ErrorCode } from "../../errors/error-codes.js";

/** ISO 4217 numeric codes RedSys expects in Ds_Merchant_Currency (all with two decimals). */
export const redsysCurrencyNumbers: Readonly<Record<string, string>> = {
  EUR: "978",
  USD: "840",
  GBP: "826",
  CHF: "756",
};

/** Ds_Merchant_ConsumerLanguage: the payment page in the payer's language (001 Spanish, 002 English). */
export function redsysLanguage(language: string): string {
  return language.toLowerCase().startsWith("es") ? "001" : "002";
}

export type RedsysOutcome = "authorised" | "cancelled" | "declined";

/**
 * Ds_Response: 0000–0099 authorised; 0400 (cancellation) and 0900 (refund or confirmation) accepted for
 * those operations; 9915 is the payer cancelling on RedSys' page; anything else is a refusal.
 */
/**
 * Ds_Response as a number: 1 to 4 digits (RedSys may drop leading zeros), else -1, which is declined. A
 * missing or empty Ds_Response must never read as "0000" (authorised).
 */
export function parseDsResponse(value: string | undefined): { code: number; text: string } {
  const raw = (value ?? "").trim();
  return /^\d{1,4}$/.test(raw) ? { code: Number(raw), text: raw.padStart(4, "0") } : { code: -1, text: raw };
}

export function redsysOutcome(response: number, transactionType: string): RedsysOutcome {
  if (response >= 0 && response <= 99) return "authorised";
  if (transactionType !== "0" && (response === 400 || response === 900)) return "authorised";
  if (response === 9915) return "cancelled";
  return "declined";
}

/** Refusals with a Portico code of their own (F4); the others are shown to staff by their RedSys code. */
const responseFailureCodes: Readonly<Record<number, ErrorCode>> = {
  102: "CP3003", // transitory exception or suspected fraud
  180: "CP3003", // card not served by this merchant
  184: "CP3003", // cardholder authentication failed
  190: "CP3003", // refused without a reason given
  202: "CP3003", // suspected fraud, card withdrawn
  904: "CP3002", // merchant not registered at the acquirer
  913: "CP3005", // repeated order
};

export function redsysFailureCode(response: number): ErrorCode | undefined {
  return responseFailureCodes[response];
}

/** What staff read next to a refused payment's code, in both languages (RedSys' table, abridged). */
export const redsysResponseTexts: Readonly<Record<string, { en: string; es: string }>> = {
  "0101": { en: "Card expired", es: "Tarjeta caducada" },
  "0102": { en: "Card blocked or suspected fraud", es: "Tarjeta bloqueada o bajo sospecha de fraude" },
  "0116": { en: "Insufficient funds", es: "Saldo insuficiente" },
  "0118": { en: "Card not registered", es: "Tarjeta no registrada" },
  "0129": { en: "Wrong security code (CVV2)", es: "Código de seguridad (CVV2) incorrecto" },
  "0180": { en: "Card not accepted by this merchant", es: "Tarjeta ajena al servicio" },
  "0184": { en: "Cardholder authentication failed", es: "Error en la autenticación del titular" },
  "0190": { en: "Refused by the issuer, no reason given", es: "Denegada por el emisor sin motivo" },
  "0191": { en: "Wrong expiry date", es: "Fecha de caducidad errónea" },
  "0195": { en: "Strong customer authentication required", es: "Requiere autenticación reforzada (SCA)" },
  "0202": { en: "Suspected fraud, card withdrawn", es: "Sospecha de fraude con retirada de tarjeta" },
  "0904": { en: "Merchant not registered", es: "Comercio no registrado en el FUC" },
  "0909": { en: "RedSys system error", es: "Error de sistema de RedSys" },
  "0913": { en: "Repeated order number", es: "Pedido repetido" },
  "0944": { en: "Wrong session", es: "Sesión incorrecta" },
  "0950": { en: "Refund not allowed", es: "Devolución no permitida" },
  "9912": { en: "Card issuer unavailable", es: "Emisor no disponible" },
  "9915": { en: "Cancelled by the payer", es: "Cancelado por el titular" },
};

/** The meaning of a refusal's Ds_Response for staff; a code not in the table is named as such. */
export function redsysDeclineReason(responseText: string): { es: string; en: string } {
  return (
    redsysResponseTexts[responseText] ?? {
      es: "Denegada por el emisor o por RedSys (consulta el código en el portal de RedSys)",
      en: "Refused by the issuer or RedSys (look the code up in RedSys' portal)",
    }
  );
}

/**
 * SIS error codes of RedSys' REST answers ({"errorCode":"SIS0042"}) with a Portico meaning; the others
 * are refusals of the refund, shown with their own code (REFUND_FAILED: REST carries only refunds here).
 */
const sisErrorCodes: Readonly<Record<string, ErrorCode>> = {
  SIS0026: "CP3002", // merchant / terminal does not exist
  SIS0028: "CP3002", // merchant / terminal closed
  SIS0041: "CP3002", // signature computed wrongly
  SIS0042: "CP3002", // the signature sent is wrong: the key is not this terminal's
  SIS0429: "CP3002", // signature version refused by the terminal
  SIS0432: "CP3002", // wrong merchant code (FUC)
  SIS0433: "CP3002", // wrong terminal
  SIS0015: "CP4003",
  SIS0016: "CP4003",
  SIS0027: "CP4003", // currency differs from the terminal's
  SIS0051: "CP3005", // repeated order number
  SIS0126: "CP3005", // refused to avoid duplicates
  SIS0295: "CP3005", // same operation within the same minute
  SIS0057: "REFUND_EXCEEDS_REFUNDABLE",
  SIS0214: "CP3001", // refunds not enabled on the terminal
};

export function redsysSisErrorCode(sisCode: string): ErrorCode {
  return sisErrorCodes[sisCode] ?? "REFUND_FAILED";
}
