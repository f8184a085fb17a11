import type { PortalOptions, QuoteStatus } from "../../../shared/contracts/index.js";
import type { ErrorCode } from "../../errors/error-codes.js";
import { AppError } from "../../errors/errors.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { type DueFacts, isAnswerableQuote, isPayable } from "../documents/document-facts.js";
import { can as optionAllows } from "../organisation/portal-policy.js";

/**
 * What a contact may do to one document in the portal, beside `portal-policy.ts` (what the portal shows
 * and allows as a whole). The flag sent to the portal app (`canPay`, `canAnswer`) and the check in the
 * action both come from `refusalOf`, so the UI never offers what the endpoint refuses
 * (`document-policy.test.ts` enumerates every action, state and principal to hold it so).
 */
export type PortalDocumentAction = "pay" | "answer";

/** What the policy reads of the document and its organisation. */
export type PortalDocumentSubject =
  | {
      type: "invoice";
      invoice: DueFacts & { gateways: readonly string[] };
      /** What the server runs and the organisation has enabled (`payments/gateways.ts offeredGateways`). */
      offeredGateways: readonly string[];
    }
  | {
      type: "quote";
      /** As of the organisation's today (`statusOf`: expiry is derived). */
      status: QuoteStatus;
      options: PortalOptions;
    };

type Principal = Pick<ContactPrincipal, "preview">;

/**
 * Why `action` is refused, as the error the endpoint answers, in the order a contact meets them; null
 * when allowed. A staff preview may look at everything and change nothing.
 */
export function refusalOf(
  p: Principal,
  action: PortalDocumentAction,
  subject: PortalDocumentSubject,
): ErrorCode | null {
  if (p.preview) return "PREVIEW_READ_ONLY";
  if (action === "pay") {
    if (subject.type !== "invoice") return "NOT_FOUND";
    return isPayable(subject.invoice, subject.offeredGateways) ? null : "INVOICE_NOT_PAYABLE";
  }
  if (subject.type !== "quote") return "NOT_FOUND";
  if (!optionAllows(subject.options, "allowQuoteAcceptance")) return "FEATURE_DISABLED";
  if (isAnswerableQuote(subject.status)) return null;
  if (subject.status === "draft") return "QUOTE_NOT_SENT";
  if (subject.status === "superseded") return "QUOTE_SUPERSEDED";
  if (subject.status === "expired") return "QUOTE_EXPIRED";
  return "QUOTE_ALREADY_ANSWERED";
}

/** The flag the portal app gets. */
export const can = (p: Principal, action: PortalDocumentAction, subject: PortalDocumentSubject): boolean =>
  refusalOf(p, action, subject) === null;

/** The check in the action. */
export function assertCan(p: Principal, action: PortalDocumentAction, subject: PortalDocumentSubject): void {
  const code = refusalOf(p, action, subject);
  if (code) throw new AppError(code);
}
