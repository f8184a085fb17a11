import type { FastifyReply } from "fastify";

/**
 * An attachment always downloads (never shown inline on our origin), typed by its checked bytes, and
 * the browser may not second-guess the type.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { filename: string; contentType: string; data: Buffer },
) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", file.contentType)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .send(file.data);
}
