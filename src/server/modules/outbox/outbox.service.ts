import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type {
  EmailDetail,
  EmailSummary,
  ListTotals,
  OutboxListQuery,
  OutboxPage,
  OutboxTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { countWhere } from "../../lists/count.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";

type EmailRow = typeof emails.$inferSelect;

// A page reads the attachments' names, never their bodies (a PDF each).
const summaryColumns = {
  id: emails.id,
  kind: emails.kind,
  toAddress: emails.toAddress,
  toName: emails.toName,
  subject: emails.subject,
  status: emails.status,
  createdAt: emails.createdAt,
  attachmentNames: sql<string[]>`(select coalesce(jsonb_agg(a ->> 'filename'), '[]'::jsonb)
    from jsonb_array_elements(${emails.attachments}) a)`,
};
type SummaryRow = Pick<
  EmailRow,
  "id" | "kind" | "toAddress" | "toName" | "subject" | "status" | "createdAt"
> & {
  attachmentNames: string[];
};

const toSummary = (e: SummaryRow): EmailSummary => ({
  id: e.id,
  kind: e.kind,
  toAddress: e.toAddress,
  toName: e.toName,
  subject: e.subject,
  status: e.status,
  createdAt: e.createdAt.toISOString(),
  attachmentNames: e.attachmentNames,
});

/** The outbox list's orders (issue 19, decision 066), served by (org_id, created_at, id). */
const outboxOrders: Record<OutboxListQuery["sort"], KeysetOrder> = {
  created: { name: "created", key: emails.createdAt, cast: "timestamptz", id: emails.id },
};

/** The outbox list's filters as one condition (the page and the count read the same set). */
function outboxListWhere(orgId: string, f: OutboxTotalsQuery): SQL | undefined {
  const term = likeTerm(f.q);
  return and(
    eq(emails.orgId, orgId),
    f.status ? eq(emails.status, f.status) : undefined,
    f.kind ? eq(emails.kind, f.kind) : undefined,
    term
      ? or(ilike(emails.toAddress, term), ilike(emails.toName, term), ilike(emails.subject, term))
      : undefined,
  );
}

/** The built-in outbox: every email the organisation sent, readable by its staff, a keyset page at a time. */
export function listEmails(db: Db, orgId: string, query: OutboxListQuery): Promise<OutboxPage> {
  const order = outboxOrders[query.sort];
  return withOrg(db, orgId, (tx) =>
    readPage(order, orgId, query, async (plan) => {
      const ks = keysetSql(order, plan);
      const rows = await tx
        .select({ e: summaryColumns, sortKey: ks.sortKey })
        .from(emails)
        .where(and(outboxListWhere(orgId, query), ks.where))
        .orderBy(...ks.orderBy)
        .limit(plan.limit);
      return rows.map((r) => ({ item: toSummary(r.e), key: r.sortKey, id: r.e.id }));
    }),
  );
}

/** How many emails match the outbox's filters, over the whole set. */
export function outboxListTotals(db: Db, orgId: string, filter: OutboxTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => countWhere(tx, emails, outboxListWhere(orgId, filter)));
}

async function findEmail(db: Db, orgId: string, id: string): Promise<EmailRow> {
  const [row] = await withOrg(db, orgId, (tx) => tx.select().from(emails).where(eq(emails.id, id)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function getEmail(db: Db, orgId: string, id: string): Promise<EmailDetail> {
  const e = await findEmail(db, orgId, id);
  const attachmentNames = e.attachments.map((a) => a.filename);
  return {
    ...toSummary({ ...e, attachmentNames }),
    textBody: e.textBody,
    htmlBody: e.htmlBody,
    error: e.error,
  };
}

export async function getAttachment(db: Db, orgId: string, id: string, index: number) {
  const a = (await findEmail(db, orgId, id)).attachments[index];
  if (!a) throw new AppError("NOT_FOUND");
  return {
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.contentBase64, "base64"),
  };
}
