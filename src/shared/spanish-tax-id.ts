/*
 * The shape of a Spanish tax identification number (NIF) with its check character: a DNI (8 digits and a
 * letter), a NIE (X, Y or Z, 7 digits and a letter), a K/L/M NIF (the letter, 7 digits and a letter), or
 * a legal person's NIF, formerly CIF (a letter, 7 digits and a check digit or letter). Whether AEAT knows
 * the number is not checked here (that needs its census service).
 */

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
const CIF_LETTERS = "JABCDEFGHI";

/** Upper case, without spaces, dots or hyphens, and without a leading "ES" (the VAT prefix). */
export function normaliseSpanishTaxId(value: string): string {
  const compact = value.toUpperCase().replace(/[\s.-]/g, "");
  return compact.startsWith("ES") && compact.length === 11 ? compact.slice(2) : compact;
}

function cifCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 1) sum += d;
    else {
      const twice = d * 2;
      sum += Math.floor(twice / 10) + (twice % 10);
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the value (normalised) is a well-formed Spanish NIF, NIE or CIF whose check character matches. */
export function isValidSpanishTaxId(value: string): boolean {
  const id = normaliseSpanishTaxId(value);
  let m = /^(\d{8})([A-Z])$/.exec(id);
  if (m) return DNI_LETTERS[Number(m[1]) % 23] === m[2];
  m = /^([XYZ])(\d{7})([A-Z])$/.exec(id);
  if (m) return DNI_LETTERS[Number(`${"XYZ".indexOf(m[1] ?? "")}${m[2]}`) % 23] === m[3];
  m = /^([KLM])(\d{7})([A-Z])$/.exec(id);
  if (m) return DNI_LETTERS[Number(m[2]) % 23] === m[3];
  m = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(id);
  if (m) {
    const [, kind = "", digits = "", check = ""] = m;
    const digit = cifCheckDigit(digits);
    // Some kinds always end in a letter, some in a digit, the rest in either.
    if ("PQRSNW".includes(kind)) return check === CIF_LETTERS[digit];
    if ("ABEH".includes(kind)) return check === String(digit);
    return check === String(digit) || check === CIF_LETTERS[digit];
  }
  return false;
}
