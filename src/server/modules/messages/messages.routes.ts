import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  MESSAGE_BODY_LIMIT,
  message,
  messageReplyBody,
  messageThreadDetail,
  messageThreadPage,
  newStaffMessageThreadBody,
  staffMessageThreadListQuery,
  threadAttachmentParams,
  unreadMessages,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { sendAttachment } from "./attachment-reply.js";
import {
  getStaffThread,
  listStaffThreads,
  replyAsStaff,
  staffAttachment,
  staffUnread,
  startStaffThread,
} from "./messages.service.js";

/** Messages in the back office (E10): daily work of every member. */
export async function messageRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["messages"];
  const bodyLimit = MESSAGE_BODY_LIMIT;

  r.get(
    "/api/messages",
    {
      onRequest,
      schema: { tags, querystring: staffMessageThreadListQuery, response: { 200: messageThreadPage } },
    },
    (req) => listStaffThreads(db, staffOf(req), req.query),
  );
  r.get("/api/messages/unread", { onRequest, schema: { tags, response: { 200: unreadMessages } } }, (req) =>
    staffUnread(db, staffOf(req)),
  );
  r.post(
    "/api/messages",
    {
      onRequest,
      bodyLimit,
      schema: { tags, body: newStaffMessageThreadBody, response: { 201: messageThreadDetail } },
    },
    async (req, reply) => reply.status(201).send(await startStaffThread(db, mail, staffOf(req), req.body)),
  );
  r.get(
    "/api/messages/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: messageThreadDetail } } },
    (req) => getStaffThread(db, staffOf(req), req.params.id),
  );
  r.post(
    "/api/messages/:id/replies",
    {
      onRequest,
      bodyLimit,
      schema: { tags, params: idParams, body: messageReplyBody, response: { 201: message } },
    },
    async (req, reply) =>
      reply.status(201).send(await replyAsStaff(db, mail, staffOf(req), req.params.id, req.body)),
  );
  r.get(
    "/api/messages/:id/attachments/:attachmentId",
    {
      onRequest,
      schema: { tags, params: threadAttachmentParams, produces: ["application/octet-stream"] },
    },
    async (req, reply) =>
      sendAttachment(reply, await staffAttachment(db, staffOf(req), req.params.id, req.params.attachmentId)),
  );
}
