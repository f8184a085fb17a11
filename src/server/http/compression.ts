import { constants } from "node:zlib";
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
 * Answers above 1 KB in brotli or gzip, by the client's Accept-Encoding, with `Vary: Accept-Encoding`
 * (decision 033). Registered before the routes: the plugin hooks each route as it is added. Files the build
 * compressed already carry their Content-Encoding and are left alone; request bodies are not decompressed
 * (the API never accepted compressed bodies).
 *
 * Per answer, CPU matters more than the last bytes (decision 062): brotli at quality 2 (a 50-invoice page,
 * 12 KB of JSON: 0.045 ms and 1,585 B, where quality 4 took 0.093 ms for 1,547 B and gzip -6 0.055 ms for
 * 1,756 B), and answers up to 64 KB compressed in one call instead of through a zlib stream each (the
 * plugin's default on 2 cores is 8 KB, above which every list page paid for a stream). A JSON answer is
 * in memory already; 64 KB at quality 2 holds the event loop for well under a millisecond.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    syncThreshold: 64 * 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } },
    encodings: ["br", "gzip"],
    customTypes: isCompressible,
  });
}
