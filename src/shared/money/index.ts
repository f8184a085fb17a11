export {
  currencyExponent,
  isCurrencyCode,
  isSupportedCurrency,
  SUPPORTED_CURRENCIES,
  type SupportedCurrency,
} from "./currency.js";
export { formatMoney, minorToDecimalString, parseMoney } from "./format.js";
export {
  computeLine,
  computeTotals,
  type DocumentTotals,
  type LineAmounts,
  type LineInput,
  type LineTaxAmount,
  type LineTaxInput,
  type TaxBreakdown,
} from "./lines.js";
export { divRoundHalfUp } from "./rounding.js";
