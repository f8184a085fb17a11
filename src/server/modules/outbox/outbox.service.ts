import { desc, eq } from "drizzle-orm";
import type { EmailDetail, EmailSummary } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";

type EmailRow = typeof emails.$inferSelect;

const toSummary = (e: EmailRow): EmailSummary => ({
  id: e.id,
  kind: e.kind,
  toAddress: e.toAddress,
  toName: e.toName,
  subject: e.subject,
  status: e.status,
  createdAt: e.createdAt.toISOString(),
  attachmentNames: e.attachments.map((a) => a.filename),
});

/** The built-in outbox: every email the organisation sent, readable by its staff. */
export function listEmails(db: Db, orgId: string): Promise<EmailSummary[]> {
  return withOrg(db, orgId, async (tx) =>
    (await tx.select().from(emails).orderBy(desc(emails.createdAt)).limit(200)).map(toSummary),
  );
}

async function findEmail(db: Db, orgId: string, id: string): Promise<EmailRow> {
  const [row] = await withOrg(db, orgId, (tx) => tx.select().from(emails).where(eq(emails.id, id)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function getEmail(db: Db, orgId: string, id: string): Promise<EmailDetail> {
  const e = await findEmail(db, orgId, id);
  return { ...toSummary(e), textBody: e.textBody, htmlBody: e.htmlBody, error: e.error };
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
