import { eq } from "drizzle-orm";
import type {
  Message,
  MessageReplyBody,
  MessageThreadDetail,
  MessageThreadListQuery,
  MessageThreadPage,
  NewMessageThreadBody,
} from "../../../shared/contracts/index.js";
import { truncateText } from "../../../shared/text.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, customers } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { assertPortalAllows, can, portalOptionsOf } from "../organisation/portal-policy.js";
import { checkAttachments } from "./attachments.js";
import {
  type Author,
  addMessage,
  countUnread,
  createThread,
  findAttachment,
  findThread,
  findThreadPage,
  readMessage,
  threadDetail,
} from "./messages.core.js";

/**
 * The portal's messages (E10) exist only while the organisation allows them (C4 allowMessages: 403
 * FEATURE_DISABLED otherwise); row-level security limits a contact to its customer's threads, so another
 * customer's or organisation's thread answers 404.
 */
async function assertAllowed(tx: Tx, orgId: string): Promise<void> {
  assertPortalAllows(portalOptionsOf(await loadOrganisation(tx, orgId)), "allowMessages");
}

export function listPortalThreads(
  db: Db,
  p: ContactPrincipal,
  query: MessageThreadListQuery,
): Promise<MessageThreadPage> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    return findThreadPage(tx, "customer", query);
  });
}

export function portalUnread(db: Db, p: ContactPrincipal): Promise<{ unread: number }> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    return { unread: await countUnread(tx, "customer") };
  });
}

/** Opening a thread marks it read for the customer's side; a staff preview changes nothing. */
export function getPortalThread(db: Db, p: ContactPrincipal, id: string): Promise<MessageThreadDetail> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    return threadDetail(tx, "customer", id, !p.preview);
  });
}

async function contactAuthor(tx: Tx, p: ContactPrincipal) {
  const [row] = await tx
    .select({ name: contacts.name, customerName: customers.name })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(eq(contacts.id, p.contactId));
  if (!row) throw new AppError("UNAUTHENTICATED");
  const author: Author = { kind: "contact", contactId: p.contactId, name: row.name };
  return { author, customerName: row.customerName };
}

async function notifyStaff(
  tx: Tx,
  mail: StaffMail,
  p: ContactPrincipal,
  thread: { id: string; subject: string },
  who: { author: Author; customerName: string },
  message: Message,
): Promise<void> {
  await notify(tx, mail, p.orgId, "message_received", {
    threadId: thread.id,
    customerId: p.customerId,
    number: thread.subject,
    customerName: who.customerName,
    contactName: who.author.name,
    excerpt: truncateText(message.body, 140),
  });
}

export async function startPortalThread(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  input: NewMessageThreadBody,
): Promise<MessageThreadDetail> {
  const files = checkAttachments(input.attachments);
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    const who = await contactAuthor(tx, p);
    const thread = await createThread(tx, {
      orgId: p.orgId,
      customerId: p.customerId,
      subject: input.subject,
      author: who.author,
    });
    const message = await addMessage(tx, thread, who.author, input.body, files);
    await notifyStaff(tx, mail, p, thread, who, message);
    return threadDetail(tx, "customer", thread.id, false);
  });
  // Staff emails queued by notify (C5) go out after the commit.
  void mail.mailer.deliverQueued();
  return result;
}

export async function replyAsContact(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  threadId: string,
  input: MessageReplyBody,
): Promise<Message> {
  const files = checkAttachments(input.attachments);
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    const thread = await findThread(tx, threadId, true);
    const who = await contactAuthor(tx, p);
    const message = await addMessage(tx, thread, who.author, input.body, files);
    await notifyStaff(tx, mail, p, thread, who, message);
    return message;
  });
  void mail.mailer.deliverQueued();
  return result;
}

export function portalAttachment(db: Db, p: ContactPrincipal, threadId: string, attachmentId: string) {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertAllowed(tx, p.orgId);
    return findAttachment(tx, threadId, attachmentId);
  });
}

/** A live stream's re-read: the message as this contact may see it, and only while messages are on. */
export function readPortalMessage(db: Db, p: ContactPrincipal, messageId: string): Promise<Message | null> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    if (!can(portalOptionsOf(await loadOrganisation(tx, p.orgId)), "allowMessages")) return null;
    return readMessage(tx, messageId);
  });
}

/** Whether this contact's portal shows messages now (for the live `messages_read` event). */
export function portalShowsMessages(db: Db, p: ContactPrincipal): Promise<boolean> {
  return withContact(db, p.orgId, p.customerId, async (tx) =>
    can(portalOptionsOf(await loadOrganisation(tx, p.orgId)), "allowMessages"),
  );
}
