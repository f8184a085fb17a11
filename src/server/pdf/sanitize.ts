// Untrusted text is drawn literally by pdfkit; what remains to remove is what the reader would not
// see but which changes what is shown: control characters, bidi overrides ("Trojan Source"
// spoofing of amounts or IBANs), zero-width and other format characters, lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu;

/** Text for a paragraph: keeps line breaks, tabs become spaces. */
export function cleanMultiline(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/\t/g, " ")
    .split("\n")
    .map((line) => line.replace(INVISIBLE, "").trimEnd())
    .join("\n")
    .trim();
}

/** Text for a single line: line breaks become spaces. */
export function cleanLine(text: string | null | undefined): string {
  return cleanMultiline(text).replace(/\n+/g, " ");
}
