import { AppError } from "../../errors/errors.js";
import { isEmbeddableLogo } from "../../pdf/logo.js";

/** A hand-drawn signature is a few KB; this leaves room for a large, detailed canvas. */
export const MAX_SIGNATURE_BYTES = 256 * 1024;

const DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * The PNG bytes of a signature drawn on screen, sent as a data URL. The bytes themselves are checked
 * (signature, chunks, decodable pixel data), not the declared type: the image is embedded in the PDF
 * later, and pdfkit must never be handed something it cannot decode.
 */
export function parseSignature(dataUrl: string): Buffer {
  const match = DATA_URL.exec(dataUrl.trim());
  if (!match?.[1]) throw new AppError("SIGNATURE_INVALID");
  if (Math.floor((match[1].length * 3) / 4) > MAX_SIGNATURE_BYTES + 2)
    throw new AppError("SIGNATURE_TOO_LARGE");
  const bytes = Buffer.from(match[1], "base64");
  if (bytes.length > MAX_SIGNATURE_BYTES) throw new AppError("SIGNATURE_TOO_LARGE");
  if (!isEmbeddableLogo({ data: bytes, mime: "image/png" })) throw new AppError("SIGNATURE_INVALID");
  return bytes;
}
