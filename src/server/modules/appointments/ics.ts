/**
 * iCalendar (RFC 5545) invitations of iTIP (RFC 5546), written by hand (decision 045): CRLF line ends,
 * lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, times in UTC
 * with Z. One UID per appointment for its whole life; every change raises SEQUENCE, so calendar apps
 * replace the event (REQUEST) or remove it (CANCEL) instead of ignoring the message.
 */
export interface IcsInvite {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  /** When this version was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** YYYYMMDDTHHMMSSZ */
export function icsTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const isControl = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};
/** `s` without the characters `drop` says no to. */
const without = (s: string, drop: (c: string) => boolean) => [...s].filter((c) => !drop(c)).join("");

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
export function escapeText(s: string): string {
  const escaped = s
    .replace(/\r\n?/g, "\n")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
  return without(escaped, isControl);
}

/** A quoted parameter value (§3.2): no DQUOTE and no control character may appear inside. */
function paramValue(s: string): string {
  return `"${without(s, (c) => c === '"' || isControl(c))}"`;
}

/** A mailto: URI of an address (the address is already validated; controls and spaces removed anyway). */
function mailto(email: string): string {
  return `mailto:${without(email, (c) => c === '"' || c.trim() === "" || isControl(c))}`;
}

/** Folds one content line into chunks of at most 75 octets (§3.1), continuations starting with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never cut inside a UTF-8 sequence: back up while the next byte is a continuation byte (10xxxxxx).
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74; // the leading space of a continuation line is one of its 75 octets
  }
  return parts.join("\r\n ");
}

export function buildIcs(e: IcsInvite): string {
  const cancel = e.method === "CANCEL";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Portico//Appointments//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${e.method}`,
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsTime(e.stamp)}`,
    `DTSTART:${icsTime(e.start)}`,
    `DTEND:${icsTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `ORGANIZER;CN=${paramValue(e.organizer.name)}:${mailto(e.organizer.email)}`,
    `ATTENDEE;CN=${paramValue(e.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:${mailto(e.attendee.email)}`,
    `STATUS:${cancel ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** A parsed content line: name, parameters, raw value. */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/**
 * Reads iCalendar text back (unfolds, splits properties): tests check what was sent, and it is small
 * enough to keep beside the writer. Quoted parameter values may hold ':' and ';'.
 */
export function parseIcs(text: string): IcsProperty[] {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const out: IcsProperty[] = [];
  for (const line of unfolded.split("\r\n")) {
    if (!line) continue;
    let i = 0;
    let inQuotes = false;
    while (i < line.length && (inQuotes || line[i] !== ":")) {
      if (line[i] === '"') inQuotes = !inQuotes;
      i++;
    }
    const head = line.slice(0, i);
    const [name, ...rawParams] = head.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const params: Record<string, string> = {};
    for (const p of rawParams) {
      const eq = p.indexOf("=");
      params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, "");
    }
    out.push({ name: (name ?? "").toUpperCase(), params, value: line.slice(i + 1) });
  }
  return out;
}

/** The value of a TEXT property read back (unescaped). */
export function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}
