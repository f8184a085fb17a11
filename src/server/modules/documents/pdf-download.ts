import type { FastifyReply } from "fastify";

/** A document's PDF as a download under the document's own file name. */
export const replyPdfDownload = (reply: FastifyReply, { pdf, filename }: { pdf: Buffer; filename: string }) =>
  reply.type("application/pdf").header("content-disposition", `attachment; filename="${filename}"`).send(pdf);
