import { z } from "zod";
import { AppError } from "../../errors/errors.js";

/**
 * The opaque cursor of a thread page: the last row's activity time and id (newest first). Not signed: it
 * only says where to resume, and row-level security still scopes every row read.
 */
export interface ThreadCursor {
  at: string;
  id: string;
}

const payload = z.object({ t: z.iso.datetime(), i: z.uuid() });

export const encodeThreadCursor = (c: ThreadCursor): string =>
  Buffer.from(JSON.stringify({ t: c.at, i: c.id })).toString("base64url");

/** A cursor that does not decode is CURSOR_INVALID (400). */
export function decodeThreadCursor(raw: string): ThreadCursor {
  try {
    const p = payload.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { at: p.t, id: p.i };
  } catch {
    throw new AppError("CURSOR_INVALID", [
      { field: "querystring.cursor", message: "not a cursor of this list", code: "invalid_cursor" },
    ]);
  }
}
