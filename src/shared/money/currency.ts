// ISO 4217 minor-unit exponents that differ from the default of 2. The list is ours rather than ICU's
// because the amounts we store must not change meaning when Node's ICU data is upgraded.
const EXPONENT_OVERRIDES: ReadonlyMap<string, number> = new Map([
  ...[
    "JPY",
    "KRW",
    "CLP",
    "ISK",
    "VND",
    "XAF",
    "XOF",
    "XPF",
    "UGX",
    "PYG",
    "RWF",
    "KMF",
    "GNF",
    "DJF",
    "BIF",
    "VUV",
  ].map((code) => [code, 0] as const),
  ...["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((code) => [code, 3] as const),
  ["CLF", 4],
]);

/** Currencies offered in forms; every one of them is a valid code for `isCurrencyCode`. */
export const SUPPORTED_CURRENCIES = [
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "JPY",
  "KWD",
  "MXN",
  "CAD",
  "AUD",
  "NZD",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "HUF",
  "RON",
  "TRY",
  "BRL",
  "ARS",
  "CLP",
  "COP",
  "PEN",
  "UYU",
  "CNY",
  "HKD",
  "SGD",
  "INR",
  "KRW",
  "ILS",
  "AED",
  "SAR",
  "BHD",
  "MAD",
  "ZAR",
  "ISK",
] as const;

export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

const supported: ReadonlySet<string> = new Set(SUPPORTED_CURRENCIES);

/**
 * The one allowlist of currencies a document, customer, payment or organisation may use: those the
 * product formats and prints. Other ISO 4217 codes (XXX, XAU, fund codes) and made-up ones are refused.
 */
export function isSupportedCurrency(code: string): boolean {
  return supported.has(code);
}

let knownCodes: ReadonlySet<string> | undefined;

// ICU's list leaves out fund codes such as CLF, so the override table is added to it.
function getKnownCodes(): ReadonlySet<string> {
  knownCodes ??= new Set([...Intl.supportedValuesOf("currency"), ...EXPONENT_OVERRIDES.keys()]);
  return knownCodes;
}

/** True for an upper-case ISO 4217 code that we know the exponent of. */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && getKnownCodes().has(code);
}

/** Number of decimal digits in the currency's minor unit (2 for EUR: 1 € = 100 minor units). */
export function currencyExponent(code: string): number {
  if (!isCurrencyCode(code)) throw new RangeError(`Unknown currency code: ${JSON.stringify(code)}`);
  return EXPONENT_OVERRIDES.get(code) ?? 2;
}
