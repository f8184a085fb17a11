import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  MESSAGE_BODY_LIMIT,
  message,
  messageReplyBody,
  messageThreadDetail,
  messageThreadListQuery,
  messageThreadPage,
  newMessageThreadBody,
  slugIdParams,
  slugParams,
  slugThreadAttachmentParams,
  unreadMessages,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { sendAttachment } from "./attachment-reply.js";
import {
  getPortalThread,
  listPortalThreads,
  portalAttachment,
  portalUnread,
  replyAsContact,
  startPortalThread,
} from "./messages.portal.service.js";

/** The contact's messages with the organisation (E10), behind C4 allowMessages. */
export async function portalMessageRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];
  const bodyLimit = MESSAGE_BODY_LIMIT;

  r.get(
    "/api/portal/:slug/messages",
    {
      onRequest,
      schema: {
        tags,
        params: slugParams,
        querystring: messageThreadListQuery,
        response: { 200: messageThreadPage },
      },
    },
    (req) => listPortalThreads(db, contactOf(req), req.query),
  );
  r.get(
    "/api/portal/:slug/messages/unread",
    { onRequest, schema: { tags, params: slugParams, response: { 200: unreadMessages } } },
    (req) => portalUnread(db, contactOf(req)),
  );
  r.post(
    "/api/portal/:slug/messages",
    {
      onRequest,
      bodyLimit,
      schema: {
        tags,
        params: slugParams,
        body: newMessageThreadBody,
        response: { 201: messageThreadDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await startPortalThread(db, mail, contactOf(req), req.body)),
  );
  r.get(
    "/api/portal/:slug/messages/:id",
    { onRequest, schema: { tags, params: slugIdParams, response: { 200: messageThreadDetail } } },
    (req) => getPortalThread(db, contactOf(req), req.params.id),
  );
  r.post(
    "/api/portal/:slug/messages/:id/replies",
    {
      onRequest,
      bodyLimit,
      schema: { tags, params: slugIdParams, body: messageReplyBody, response: { 201: message } },
    },
    async (req, reply) =>
      reply.status(201).send(await replyAsContact(db, mail, contactOf(req), req.params.id, req.body)),
  );
  r.get(
    "/api/portal/:slug/messages/:id/attachments/:attachmentId",
    {
      onRequest,
      schema: { tags, params: slugThreadAttachmentParams, produces: ["application/octet-stream"] },
    },
    async (req, reply) =>
      sendAttachment(
        reply,
        await portalAttachment(db, contactOf(req), req.params.id, req.params.attachmentId),
      ),
  );
}
