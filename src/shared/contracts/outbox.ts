import { z } from "zod";
import { searchQuery, uuid } from "./common.js";
import { listPage, listQuery, totalsQuery } from "./list-page.js";

export const emailSummary = z.object({
  id: uuid,
  kind: z.string(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(["outbox", "queued", "sent", "failed"]),
  createdAt: z.string(),
  attachmentNames: z.array(z.string()),
});
export const emailDetail = emailSummary.extend({
  textBody: z.string(),
  htmlBody: z.string(),
  error: z.string().nullable(),
});
export type EmailSummary = z.infer<typeof emailSummary>;
export type EmailDetail = z.infer<typeof emailDetail>;

export const emailStatus = z.enum(["outbox", "queued", "sent", "failed"]);

/** The outbox list (issue 19, decision 066): newest first by keyset; by status, kind, and a search. */
export const outboxListSort = z.enum(["created"]);
export const outboxListFilters = {
  status: emailStatus.optional(),
  /** The email's kind as stored ("invoice_sent"…), exact. */
  kind: z.string().max(100).optional(),
  /** Matches the recipient's address or name, or the subject. */
  q: searchQuery,
};
export const outboxListQuery = listQuery(outboxListFilters, outboxListSort);
export type OutboxListQuery = z.output<typeof outboxListQuery>;
export const outboxTotalsQuery = totalsQuery(outboxListFilters);
export type OutboxTotalsQuery = z.output<typeof outboxTotalsQuery>;
export const outboxPage = listPage(emailSummary);
export type OutboxPage = z.infer<typeof outboxPage>;
