import type { Language } from "../../shared/contracts/index.js";

/**
 * A PDF link drawn in a chosen language (`?lang=`, which every PDF route takes); without one the server
 * picks the contact's, then the customer's language.
 */
export function withPdfLanguage(href: string, lang: Language | null | undefined): string {
  if (!lang) return href;
  const url = new URL(href, "http://relative.invalid");
  url.searchParams.set("lang", lang);
  return `${url.pathname}${url.search}`;
}
