import { withPdfLanguage } from "../ui/pdf-language.js";
import { useContactMe } from "./portal-api.js";

/**
 * A portal PDF link in the contact's language, said explicitly (issue 10 item 7): never the browser's.
 * A contact without its own language leaves `?lang` off, and the server uses its customer's.
 */
export function usePdfHref(href: string): string {
  const me = useContactMe();
  return withPdfLanguage(href, me.data?.contact.language);
}
