import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type MessageAttachmentType,
  type NewAttachment,
} from "../../../shared/contracts/index.js";
import { AppError } from "../../errors/errors.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from("%PDF-", "latin1");
const RIFF = Buffer.from("RIFF", "latin1");
const WEBP = Buffer.from("WEBP", "latin1");

/**
 * The type a file's bytes say it is, or null: the name and the type the browser declared are never
 * trusted (an executable renamed `.pdf` is refused; PNG bytes named `.pdf` are a PNG).
 */
export function sniffAttachmentType(data: Buffer): MessageAttachmentType | null {
  if (data.subarray(0, 8).equals(PNG)) return "image/png";
  if (data.subarray(0, 3).equals(JPEG)) return "image/jpeg";
  if (data.subarray(0, 5).equals(PDF)) return "application/pdf";
  if (data.length >= 12 && data.subarray(0, 4).equals(RIFF) && data.subarray(8, 12).equals(WEBP))
    return "image/webp";
  return null;
}

/** The name as shown and downloaded: no path, no control characters, never empty. */
export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(0, 200);
  return clean || "attachment";
}

export interface CheckedAttachment {
  filename: string;
  contentType: MessageAttachmentType;
  data: Buffer;
}

/** Decodes and checks a message's attachments; any refusal happens before anything is written. */
export function checkAttachments(list: NewAttachment[] | undefined): CheckedAttachment[] {
  const files = list ?? [];
  if (files.length > MAX_ATTACHMENTS)
    throw new AppError("TOO_MANY_ATTACHMENTS", [
      {
        field: "attachments",
        message: `at most ${MAX_ATTACHMENTS}`,
        code: "too_big",
        params: { maximum: MAX_ATTACHMENTS },
      },
    ]);
  return files.map((file, i) => {
    const data = Buffer.from(file.data, "base64");
    const field = `attachments.${i}.data`;
    if (data.length > MAX_ATTACHMENT_BYTES)
      throw new AppError("ATTACHMENT_TOO_LARGE", [
        { field, message: "at most 3 MB", code: "file_too_large", params: { maximumMb: 3 } },
      ]);
    const contentType = data.length > 0 ? sniffAttachmentType(data) : null;
    if (!contentType)
      throw new AppError("ATTACHMENT_TYPE_NOT_ALLOWED", [
        { field, message: "use a PDF, PNG, JPEG or WebP file", code: "invalid_value" },
      ]);
    return { filename: safeFilename(file.filename), contentType, data };
  });
}
