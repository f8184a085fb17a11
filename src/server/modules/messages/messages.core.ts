import { and, asc, desc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type {
  Message,
  MessageAttachment,
  MessageThreadDetail,
  MessageThreadListQuery,
  MessageThreadPage,
  MessageThreadSummary,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { customers, messageAttachments, messages, messageThreads } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors/errors.js";
import { publish } from "../../realtime/realtime.js";
import type { CheckedAttachment } from "./attachments.js";
import { decodeThreadCursor, encodeThreadCursor } from "./thread-cursor.js";

/**
 * What the staff and the portal services share (E10, decision 043). Every function runs in the caller's
 * scope: staff see the organisation's threads, a contact its customer's (row-level security, migration
 * 0033), so "another customer's thread" is simply a thread that is not found.
 */
export type Side = "staff" | "customer";
type ThreadRow = typeof messageThreads.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

const unreadColumn = (side: Side) =>
  side === "staff" ? messageThreads.staffUnread : messageThreads.customerUnread;

const toSummary = (side: Side, t: ThreadRow, customerName: string): MessageThreadSummary => ({
  id: t.id,
  customerId: t.customerId,
  customerName,
  subject: t.subject,
  createdByKind: t.createdByKind,
  messageCount: t.messageCount,
  unread: side === "staff" ? t.staffUnread : t.customerUnread,
  lastMessageAt: t.lastMessageAt.toISOString(),
  createdAt: t.createdAt.toISOString(),
});

/** One keyset page, newest activity first; `limit + 1` rows tell whether another page exists. */
export async function findThreadPage(
  tx: Tx,
  side: Side,
  query: MessageThreadListQuery & { customerId?: string | undefined },
): Promise<MessageThreadPage> {
  const cursor = query.cursor ? decodeThreadCursor(query.cursor) : null;
  const where: SQL[] = [];
  if (query.customerId) where.push(eq(messageThreads.customerId, query.customerId));
  if (query.unread === "true") where.push(gt(unreadColumn(side), 0));
  if (cursor)
    where.push(
      sql`(${messageThreads.lastMessageAt}, ${messageThreads.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  const rows = await tx
    .select({ t: messageThreads, customerName: customers.name })
    .from(messageThreads)
    .innerJoin(customers, eq(customers.id, messageThreads.customerId))
    .where(and(...where))
    .orderBy(desc(messageThreads.lastMessageAt), desc(messageThreads.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ t, customerName }) => toSummary(side, t, customerName)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeThreadCursor({ at: last.t.lastMessageAt.toISOString(), id: last.t.id })
        : null,
  };
}

/** The side's unread messages over every thread it can see. */
export async function countUnread(tx: Tx, side: Side): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${unreadColumn(side)}), 0)::int` })
    .from(messageThreads);
  return row?.n ?? 0;
}

export async function findThread(tx: Tx, id: string, lock = false): Promise<ThreadRow> {
  const q = tx.select().from(messageThreads).where(eq(messageThreads.id, id));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound();
  return row;
}

const attachmentColumns = {
  id: messageAttachments.id,
  messageId: messageAttachments.messageId,
  filename: messageAttachments.filename,
  contentType: messageAttachments.contentType,
  size: messageAttachments.size,
};

const toMessage = (m: MessageRow, attachments: MessageAttachment[]): Message => ({
  id: m.id,
  threadId: m.threadId,
  authorKind: m.authorKind,
  authorName: m.authorName,
  body: m.body,
  createdAt: m.createdAt.toISOString(),
  attachments,
});

async function attachmentsOf(tx: Tx, messageIds: string[]): Promise<Map<string, MessageAttachment[]>> {
  const out = new Map<string, MessageAttachment[]>();
  if (messageIds.length === 0) return out;
  const rows = await tx
    .select(attachmentColumns)
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(asc(messageAttachments.messageId), asc(messageAttachments.position));
  for (const { messageId, ...a } of rows) {
    const list = out.get(messageId) ?? [];
    list.push({ ...a, contentType: a.contentType as MessageAttachment["contentType"] });
    out.set(messageId, list);
  }
  return out;
}

/**
 * The thread with its messages, oldest first; opening it marks it read for this side (unless `markRead`
 * is false: a staff preview of the portal looks without changing anything).
 */
export async function threadDetail(
  tx: Tx,
  side: Side,
  id: string,
  markRead: boolean,
): Promise<MessageThreadDetail> {
  let thread = await findThread(tx, id);
  if (markRead && (side === "staff" ? thread.staffUnread : thread.customerUnread) > 0) {
    const [updated] = await tx
      .update(messageThreads)
      .set(side === "staff" ? { staffUnread: 0 } : { customerUnread: 0 })
      .where(eq(messageThreads.id, id))
      .returning();
    if (updated) thread = updated;
    await publish(tx, {
      kind: "messages_read",
      orgId: thread.orgId,
      customerId: thread.customerId,
      threadId: thread.id,
      side,
    });
  }
  const [customer] = await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, thread.customerId));
  const rows = await tx
    .select()
    .from(messages)
    .where(eq(messages.threadId, id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = await attachmentsOf(
    tx,
    rows.map((m) => m.id),
  );
  return {
    ...toSummary(side, thread, customer?.name ?? ""),
    messages: rows.map((m) => toMessage(m, files.get(m.id) ?? [])),
  };
}

export interface Author {
  kind: "staff" | "contact";
  userId?: string | null;
  contactId?: string | null;
  name: string;
}

export async function createThread(
  tx: Tx,
  input: { orgId: string; customerId: string; subject: string; author: Author },
): Promise<ThreadRow> {
  const [row] = await tx
    .insert(messageThreads)
    .values({
      orgId: input.orgId,
      customerId: input.customerId,
      subject: input.subject,
      createdByKind: input.author.kind,
      createdByUserId: input.author.kind === "staff" ? (input.author.userId ?? null) : null,
      createdByContactId: input.author.kind === "contact" ? (input.author.contactId ?? null) : null,
    })
    .returning();
  if (!row) throw new AppError("INTERNAL");
  return row;
}

/**
 * Adds a message to a locked thread: the other side's unread count goes up, the writer's side has read
 * everything, and the live streams hear of it after the commit (ids only; each stream re-reads).
 */
export async function addMessage(
  tx: Tx,
  thread: ThreadRow,
  author: Author,
  body: string,
  files: CheckedAttachment[],
): Promise<Message> {
  const [row] = await tx
    .insert(messages)
    .values({
      orgId: thread.orgId,
      customerId: thread.customerId,
      threadId: thread.id,
      authorKind: author.kind,
      authorUserId: author.kind === "staff" ? (author.userId ?? null) : null,
      authorContactId: author.kind === "contact" ? (author.contactId ?? null) : null,
      authorName: author.name,
      body,
    })
    .returning();
  if (!row) throw new AppError("INTERNAL");
  const attachments: MessageAttachment[] = [];
  if (files.length > 0) {
    const inserted = await tx
      .insert(messageAttachments)
      .values(
        files.map((f, position) => ({
          position,
          orgId: thread.orgId,
          customerId: thread.customerId,
          messageId: row.id,
          filename: f.filename,
          contentType: f.contentType,
          size: f.data.length,
          data: f.data,
        })),
      )
      .returning({ ...attachmentColumns, position: messageAttachments.position });
    inserted.sort((a, b) => a.position - b.position);
    for (const { messageId: _m, position: _p, ...a } of inserted)
      attachments.push({ ...a, contentType: a.contentType as MessageAttachment["contentType"] });
  }
  const fromStaff = author.kind === "staff";
  await tx
    .update(messageThreads)
    .set({
      messageCount: sql`${messageThreads.messageCount} + 1`,
      lastMessageAt: row.createdAt,
      ...(fromStaff
        ? { customerUnread: sql`${messageThreads.customerUnread} + 1`, staffUnread: 0 }
        : { staffUnread: sql`${messageThreads.staffUnread} + 1`, customerUnread: 0 }),
    })
    .where(eq(messageThreads.id, thread.id));
  await publish(tx, {
    kind: "message",
    orgId: thread.orgId,
    customerId: thread.customerId,
    threadId: thread.id,
    messageId: row.id,
  });
  return toMessage(row, attachments);
}

/** One message as the reader's scope may see it (a live stream's re-read), or null. */
export async function readMessage(tx: Tx, messageId: string): Promise<Message | null> {
  const [row] = await tx.select().from(messages).where(eq(messages.id, messageId));
  if (!row) return null;
  return toMessage(row, (await attachmentsOf(tx, [row.id])).get(row.id) ?? []);
}

/** An attachment of this thread, with its bytes; 404 when either is not there for this reader. */
export async function findAttachment(tx: Tx, threadId: string, attachmentId: string) {
  const [row] = await tx
    .select({
      filename: messageAttachments.filename,
      contentType: messageAttachments.contentType,
      data: messageAttachments.data,
    })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .where(and(eq(messageAttachments.id, attachmentId), eq(messages.threadId, threadId)));
  if (!row) throw notFound();
  return row;
}
