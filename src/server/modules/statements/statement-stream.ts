import type { Readable } from "node:stream";
import type { StatementQuery } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { StatementPdf } from "../../pdf/statement/statement-pdf.js";
import { type Address, pdfCustomerParty, pdfOrgParty } from "../documents/pdf-parts.js";
import { reconcile } from "./reconciliation.js";
import { addRunningBalance } from "./running-balance.js";
import { loadStatementHead, type StatementHead, type StatementScope } from "./statement-head.js";
import {
  closeMovementCursor,
  declareMovementCursor,
  fetchMovements,
  MOVEMENT_BATCH,
  type Movement,
  movementBatches,
} from "./statement-queries.js";

export interface StatementPdfFile {
  stream: Readable;
  filename: string;
}

/** Bytes the PDF may hold unread before the next batch waits for the client. */
const HIGH_WATER_BYTES = 1 << 20;
/** A client that reads nothing for this long is given up on, so the transaction does not stay open. */
const STALL_MS = 60_000;

// pdfkit pushes without looking at backpressure; pausing between batches until the reader has taken
// most of what was written keeps memory bounded when the network is slower than the renderer.
async function drained(doc: Readable): Promise<void> {
  // Yield to the event loop once per batch: with PGlite every query resolves in-process, and a long
  // statement would otherwise keep other requests (and this response's own socket) waiting.
  await new Promise((resolve) => setImmediate(resolve));
  // Elapsed time, not the calendar: a monotonic timer, unaffected by the server clock being moved.
  const since = performance.now();
  while (!doc.destroyed && doc.readableLength > HIGH_WATER_BYTES) {
    if (performance.now() - since > STALL_MS) throw new Error("statement PDF reader stalled");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (doc.destroyed) throw new Error("statement PDF reader went away");
}

const filenameOf = (head: StatementHead) =>
  `${head.customer.name}-${head.currency}-${head.from}-${head.to}.pdf`.replace(/[^A-Za-z0-9._-]+/g, "_");

/**
 * Calls `each` with every batch of the statement's movements, read through one server-side cursor (the
 * query sorts once). On PostgreSQL the cursor lives in one read transaction that stays open while the
 * PDF renders (one pooled connection, for at most the stall timeout). On PGlite, whose one connection
 * every other request waits for, the cursor is declared WITH HOLD in a short transaction (its rows are
 * computed at that commit, under the statement's scope) and each FETCH runs in a short transaction of
 * its own, so other requests get in between batches; the cursor is closed however the stream ends.
 */
async function eachMovementBatch(
  scope: StatementScope,
  head: StatementHead,
  each: (batch: Movement[]) => Promise<void>,
): Promise<void> {
  if (!scope.singleConnection) {
    await scope.run(async (tx) => {
      for await (const batch of movementBatches(tx, head.filter, head)) await each(batch);
    });
    return;
  }
  const cursor = await scope.run((tx) => declareMovementCursor(tx, head.filter, head, true));
  try {
    for (;;) {
      const batch = await scope.run((tx) => fetchMovements(tx, cursor));
      if (batch.length > 0) await each(batch);
      if (batch.length < MOVEMENT_BATCH) break;
    }
  } finally {
    await scope.run((tx) => closeMovementCursor(tx, cursor)).catch(() => undefined);
  }
}

/**
 * Streams a statement PDF. A short transaction reads the head (a bad range or an unknown customer rejects
 * here, as a problem+json answer); then the movements are read in batches through one cursor (see
 * eachMovementBatch) and each batch becomes rows of the PDF already flowing to the client. The running
 * and closing balances are summed from the lines printed, so the PDF always adds up. A failure after the
 * head ends the stream with an error (the client gets a cut-off download).
 */
export async function streamStatementPdf(
  scope: StatementScope,
  query: StatementQuery,
  lang: "es" | "en",
  onStart?: (tx: Tx, head: StatementHead) => Promise<void>,
): Promise<StatementPdfFile> {
  const head = await scope.run(async (tx) => {
    const loaded = await loadStatementHead(tx, scope, query);
    await onStart?.(tx, loaded);
    return loaded;
  });
  const pdf = new StatementPdf({
    locale: lang,
    timeZone: head.org.timeZone,
    org: pdfOrgParty(head.org, { withBankAccount: false }),
    customer: pdfCustomerParty(head.customer as Address & Record<string, unknown>, head.customer.name),
    currency: head.currency,
    from: head.from,
    to: head.to,
    today: head.today,
    openingBalanceMinor: head.openingBalanceMinor,
  });
  // The route's reply is our error reporter; this listener only keeps an error after the reply ended
  // from being an unhandled 'error' event.
  pdf.doc.on("error", () => undefined);
  const write = async (doc: StatementPdf) => {
    doc.begin();
    let balance = head.openingBalanceMinor;
    let lineCount = 0;
    let chargesMinor = 0;
    let creditsMinor = 0;
    await eachMovementBatch(scope, head, async (batch) => {
      await drained(doc.doc);
      const walked = addRunningBalance(batch, balance);
      doc.addLines(walked.lines);
      balance = walked.balanceMinor;
      lineCount += batch.length;
      for (const m of batch) {
        if (m.amountMinor > 0) chargesMinor += m.amountMinor;
        else creditsMinor -= m.amountMinor;
      }
    });
    await drained(doc.doc);
    doc.finish({
      lineCount,
      chargesMinor,
      creditsMinor,
      closingBalanceMinor: balance,
      aging: head.aging,
      reconciliation: reconcile(head.aging, balance),
    });
  };
  write(pdf).catch((err: unknown) => {
    if (!pdf.doc.destroyed) pdf.doc.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return { stream: pdf.doc, filename: filenameOf(head) };
}
