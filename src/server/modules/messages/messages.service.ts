import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type {
  Message,
  MessageReplyBody,
  MessageThreadDetail,
  MessageThreadPage,
  NewStaffMessageThreadBody,
  StaffMessageThreadListQuery,
} from "../../../shared/contracts/index.js";
import { preferredLanguage } from "../../../shared/language.js";
import { truncateText } from "../../../shared/text.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, users } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import type { StaffPrincipal } from "../auth/auth.service.js";
import { loadCustomer, loadCustomerRecord } from "../customers/customers.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { can, portalOptionsOf } from "../organisation/portal-policy.js";
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

/** Messages in the back office (E10): every thread of the organisation. */
export function listStaffThreads(
  db: Db,
  staff: StaffPrincipal,
  query: StaffMessageThreadListQuery,
): Promise<MessageThreadPage> {
  return withOrg(db, staff.orgId, (tx) => findThreadPage(tx, "staff", query));
}

export function staffUnread(db: Db, staff: StaffPrincipal): Promise<{ unread: number }> {
  return withOrg(db, staff.orgId, async (tx) => ({ unread: await countUnread(tx, "staff") }));
}

/** Opening a thread marks it read for staff (an API key reading it is a person's tool too). */
export function getStaffThread(db: Db, staff: StaffPrincipal, id: string): Promise<MessageThreadDetail> {
  return withOrg(db, staff.orgId, (tx) => threadDetail(tx, "staff", id, true));
}

async function staffAuthor(tx: Tx, staff: StaffPrincipal): Promise<Author> {
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, staff.userId));
  // Written with an API key (G5): the key is the author people see; its creator stays on record.
  const name = staff.apiKey ? `API key ${staff.apiKey.name}` : (user?.name ?? "");
  return { kind: "staff", userId: staff.userId, name };
}

/** Staff start a thread with a customer (not an archived one); its contacts are emailed. */
export async function startStaffThread(
  db: Db,
  mail: StaffMail,
  staff: StaffPrincipal,
  input: NewStaffMessageThreadBody,
): Promise<MessageThreadDetail> {
  const files = checkAttachments(input.attachments);
  const result = await withOrg(db, staff.orgId, async (tx) => {
    await loadCustomer(tx, input.customerId);
    const author = await staffAuthor(tx, staff);
    const thread = await createThread(tx, {
      orgId: staff.orgId,
      customerId: input.customerId,
      subject: input.subject,
      author,
    });
    const message = await addMessage(tx, thread, author, input.body, files);
    await emailContacts(tx, mail, thread, message);
    return threadDetail(tx, "staff", thread.id, false);
  });
  void mail.mailer.deliverQueued();
  return result;
}

export async function replyAsStaff(
  db: Db,
  mail: StaffMail,
  staff: StaffPrincipal,
  threadId: string,
  input: MessageReplyBody,
): Promise<Message> {
  const files = checkAttachments(input.attachments);
  const result = await withOrg(db, staff.orgId, async (tx) => {
    const thread = await findThread(tx, threadId, true);
    const message = await addMessage(tx, thread, await staffAuthor(tx, staff), input.body, files);
    await emailContacts(tx, mail, thread, message);
    return message;
  });
  void mail.mailer.deliverQueued();
  return result;
}

/**
 * `message_reply`: each contact of the customer with portal access and an email address hears of a staff
 * message, in its own language, with an excerpt; the button opens the thread when the portal shows
 * messages (portal on and C4 allowMessages), else the email says to reply by email.
 */
async function emailContacts(
  tx: Tx,
  { mailer, config }: StaffMail,
  thread: { id: string; orgId: string; customerId: string; subject: string },
  message: Message,
): Promise<void> {
  const org = await loadOrganisation(tx, thread.orgId);
  const customer = await loadCustomerRecord(tx, thread.customerId);
  const shown = org.portalEnabled && can(portalOptionsOf(org), "allowMessages");
  const link = shown ? `${config.publicUrl}/p/${org.portalSlug}/messages/${thread.id}` : null;
  const recipients = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.customerId, thread.customerId),
        isNull(contacts.deletedAt),
        isNotNull(contacts.email),
        eq(contacts.portalEnabled, true),
      ),
    );
  for (const contact of recipients) {
    const lang = preferredLanguage(contact.language, customer.language, org.language);
    const email = await renderOrgEmail(
      tx,
      thread.orgId,
      "message_reply",
      lang,
      {
        org_name: org.name,
        contact_name: contact.name,
        author_name: message.authorName,
        subject: thread.subject,
        excerpt: truncateText(message.body, 500),
        has_link: link !== null,
      },
      { buttonUrl: link, brandColor: org.brandColor },
    );
    await mailer.enqueue(tx, {
      orgId: thread.orgId,
      kind: "message_reply",
      to: contact.email as string,
      toName: contact.name,
      fromName: org.name,
      replyTo: org.email,
      ...email,
    });
  }
}

export function staffAttachment(db: Db, staff: StaffPrincipal, threadId: string, attachmentId: string) {
  return withOrg(db, staff.orgId, (tx) => findAttachment(tx, threadId, attachmentId));
}

/** A live stream's re-read (G4): the message as staff may see it, or null. */
export function readStaffMessage(db: Db, orgId: string, messageId: string): Promise<Message | null> {
  return withOrg(db, orgId, (tx) => readMessage(tx, messageId));
}
