import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { App } from "../../app-types.js";
import { type PdfLanguageChoice, pdfLanguageChoice, pdfLanguageQuery } from "./pdf-language.js";

export interface PdfFile {
  pdf: Buffer;
  filename: string;
}

/** A document's PDF as a download under the document's own file name. */
export const replyPdfDownload = (reply: FastifyReply, { pdf, filename }: PdfFile) =>
  reply.type("application/pdf").header("content-disposition", `attachment; filename="${filename}"`).send(pdf);

type OnRequest = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * `GET url`: every document PDF route (staff and portal) in one shape: the route's guard, `?lang=`
 * (issue 10), then the PDF its service draws, replied as a download. The service decides who may read it.
 */
export function pdfRoute<P extends z.ZodType>(
  app: App,
  url: string,
  route: { onRequest: OnRequest; tags: string[]; params: P },
  load: (req: FastifyRequest, params: z.output<P>, language: PdfLanguageChoice) => Promise<PdfFile>,
): void {
  const { onRequest, tags, params } = route;
  app.get(
    url,
    { onRequest, schema: { tags, params, querystring: pdfLanguageQuery, produces: ["application/pdf"] } },
    async (req, reply) =>
      replyPdfDownload(reply, await load(req, req.params as z.output<P>, pdfLanguageChoice(req))),
  );
}
