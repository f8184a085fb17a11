import { z } from "zod";
import { requiredText, text, uuid } from "./common.js";
import { slugParams } from "./portal.js";

/**
 * Messages between the organisation and a customer (E10, decision 043). A thread belongs to the
 * customer: each of its contacts with portal access sees every thread of it; staff see all threads.
 */

/** Attachments: what a message may carry, checked on the bytes (never the name or the declared type). */
export const MESSAGE_ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;
export type MessageAttachmentType = (typeof MESSAGE_ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;
export const MAX_MESSAGE_LENGTH = 10_000;
export const MAX_SUBJECT_LENGTH = 200;
/** Base64 of the largest attachment, plus a little: one byte over still reaches the size check (413). */
const MAX_ATTACHMENT_BASE64 = Math.ceil((MAX_ATTACHMENT_BYTES + 3) / 3) * 4;
/** What one write's JSON body may weigh: its attachments in base64 and its text. */
export const MESSAGE_BODY_LIMIT = MAX_ATTACHMENTS * MAX_ATTACHMENT_BASE64 + 128 * 1024;

export const newAttachment = z.object({
  /** Shown and used as the download's name; its extension does not decide the type. */
  filename: requiredText(200),
  /** The file's bytes, base64. */
  data: z.base64().min(1).max(MAX_ATTACHMENT_BASE64),
});
export type NewAttachment = z.input<typeof newAttachment>;

/** More than MAX_ATTACHMENTS is TOO_MANY_ATTACHMENTS (the service's check, with its own code). */
const attachments = z.array(newAttachment).max(20).default([]);

export const messageAttachment = z.object({
  id: uuid,
  filename: z.string(),
  contentType: z.enum(MESSAGE_ATTACHMENT_TYPES),
  size: z.number().int(),
});
export type MessageAttachment = z.infer<typeof messageAttachment>;

export const message = z.object({
  id: uuid,
  threadId: uuid,
  authorKind: z.enum(["staff", "contact"]),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
  attachments: z.array(messageAttachment),
});
export type Message = z.infer<typeof message>;

export const messageThreadSummary = z.object({
  id: uuid,
  customerId: uuid,
  customerName: z.string(),
  subject: z.string(),
  createdByKind: z.enum(["staff", "contact"]),
  messageCount: z.number().int(),
  /** Messages of the other side this side has not opened yet. */
  unread: z.number().int(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
});
export type MessageThreadSummary = z.infer<typeof messageThreadSummary>;

export const messageThreadDetail = messageThreadSummary.extend({ messages: z.array(message) });
export type MessageThreadDetail = z.infer<typeof messageThreadDetail>;

export const messageThreadPage = z.object({
  items: z.array(messageThreadSummary),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MessageThreadPage = z.infer<typeof messageThreadPage>;

/** Newest activity first, keyset pages. */
export const messageThreadListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** `nextCursor` of the previous page, as given; opaque. */
  cursor: text(500).optional(),
  /** Only threads with messages this side has not opened. */
  unread: z.enum(["true", "false"]).optional(),
});
export type MessageThreadListQuery = z.output<typeof messageThreadListQuery>;

export const staffMessageThreadListQuery = messageThreadListQuery.extend({ customerId: uuid.optional() });
export type StaffMessageThreadListQuery = z.output<typeof staffMessageThreadListQuery>;

export const unreadMessages = z.object({ unread: z.number().int() });
export type UnreadMessages = z.infer<typeof unreadMessages>;

const messageText = requiredText(MAX_MESSAGE_LENGTH);

export const newMessageThreadBody = z.object({
  subject: requiredText(MAX_SUBJECT_LENGTH),
  body: messageText,
  attachments,
});
export type NewMessageThreadBody = z.input<typeof newMessageThreadBody>;

/** Staff start a thread with a customer. */
export const newStaffMessageThreadBody = newMessageThreadBody.extend({ customerId: uuid });
export type NewStaffMessageThreadBody = z.input<typeof newStaffMessageThreadBody>;

export const messageReplyBody = z.object({ body: messageText, attachments });
export type MessageReplyBody = z.input<typeof messageReplyBody>;

export const threadAttachmentParams = z.object({ id: uuid, attachmentId: uuid });
export const slugThreadAttachmentParams = slugParams.extend({ id: uuid, attachmentId: uuid });

/** The live streams' (G4) `message` event: the new message as the receiver may see it. */
export const liveMessageEvent = z.object({ threadId: uuid, message });
/** The live streams' `messages_read` event: a side opened a thread; re-read the unread counts. */
export const liveMessagesReadEvent = z.object({ threadId: uuid });
export type LiveMessageEvent = z.infer<typeof liveMessageEvent>;
