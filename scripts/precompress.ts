import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Text files worth compressing; images, fonts (woff2) and the like are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|ico|xml)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

export function brotli(data: Buffer): Buffer {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/**
 * Writes `x.br` (brotli 11) and `x.gz` (gzip -9) beside every compressible file under `dir`, so the server
 * sends them as they are (@fastify/static `preCompressed`) instead of compressing on every request. A copy
 * that would not be smaller is not written: the server then falls back to the plain file.
 */
export function precompressDir(dir: string): { files: number; bytes: number; brotliBytes: number } {
  const totals = { files: 0, bytes: 0, brotliBytes: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = precompressDir(path);
      totals.files += sub.files;
      totals.bytes += sub.bytes;
      totals.brotliBytes += sub.brotliBytes;
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name) || statSync(path).size < MIN_BYTES) continue;
    const data = readFileSync(path);
    const br = brotli(data);
    const gz = gzipSync(data, { level: 9 });
    if (br.length < data.length) writeFileSync(`${path}.br`, br);
    if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
    totals.files += 1;
    totals.bytes += data.length;
    totals.brotliBytes += Math.min(br.length, data.length);
  }
  return totals;
}
