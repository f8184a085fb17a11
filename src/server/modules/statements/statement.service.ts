import type { Statement, StatementLine, StatementQuery } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { reconcile } from "./reconciliation.js";
import { addRunningBalance } from "./running-balance.js";
import { contactScope, loadStatementHead, type StatementScope, staffScope } from "./statement-head.js";
import { movementBatches } from "./statement-queries.js";
import { type StatementPdfFile, streamStatementPdf } from "./statement-stream.js";

/** The statement as JSON (on screen): every line of the period with its running balance. */
export function getStatement(scope: StatementScope, query: StatementQuery): Promise<Statement> {
  return scope.run(async (tx) => {
    const head = await loadStatementHead(tx, scope, query);
    const lines: StatementLine[] = [];
    let balance = head.openingBalanceMinor;
    for await (const batch of movementBatches(tx, head.filter, head)) {
      const walked = addRunningBalance(batch, balance);
      lines.push(...walked.lines);
      balance = walked.balanceMinor;
    }
    return {
      customer: { id: head.customer.id, name: head.customer.name },
      currency: head.currency,
      currencies: head.currencies,
      from: head.from,
      to: head.to,
      openingBalanceMinor: head.openingBalanceMinor,
      lines,
      chargesMinor: lines.reduce((s, l) => s + Math.max(0, l.amountMinor), 0),
      creditsMinor: lines.reduce((s, l) => s + Math.max(0, -l.amountMinor), 0),
      closingBalanceMinor: balance,
      aging: head.aging,
      reconciliation: reconcile(head.aging, balance),
    };
  });
}

export async function staffStatementPdf(
  db: Db,
  orgId: string,
  customerId: string,
  query: StatementQuery,
  lang: PdfLanguageChoice,
): Promise<StatementPdfFile> {
  const scope = staffScope(db, orgId, customerId);
  const locale = await scope.run((tx) => pdfLanguage(tx, { customerId }, lang));
  return streamStatementPdf(scope, query, locale);
}

/** A contact's download is in the audit trail (G3) as a download without a document; a preview records nothing. */
export async function portalStatementPdf(
  db: Db,
  p: ContactPrincipal,
  query: StatementQuery,
  lang: PdfLanguageChoice,
  origin: AuditOrigin,
): Promise<StatementPdfFile> {
  const scope = contactScope(db, p);
  const locale = await scope.run((tx) => pdfLanguage(tx, p, lang));
  return streamStatementPdf(scope, query, locale, async (tx, head) => {
    if (p.preview) return;
    await recordContactEvent(
      tx,
      p,
      {
        action: "document_downloaded",
        details: { document: "statement", from: head.from, to: head.to, currency: head.currency },
      },
      origin,
    );
  });
}
