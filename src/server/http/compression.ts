import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/**
 * JSON and other text answers are worth compressing; PDFs, zips and images are compressed already, and an
 * event stream must reach the browser event by event (it is hijacked anyway, so no hook sees it).
 */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:[\w.-]+\+)?(?:json|xml|javascript)(?:;|$))/i;

export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType);
}

/**
 * Answers above 1 KB in brotli (quality 4: fast enough per request) or gzip, by the client's
 * Accept-Encoding, with `Vary: Accept-Encoding` (decision 033). Registered before the routes: the plugin
 * hooks each route as it is added. Files the build compressed already carry their Content-Encoding and are
 * left alone; request bodies are not decompressed (the API never accepted compressed bodies).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ["br", "gzip"],
    customTypes: isCompressible,
  });
}
