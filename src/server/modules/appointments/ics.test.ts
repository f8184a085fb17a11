import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildIcs, escapeText, foldLine, type IcsInvite, parseIcs, unescapeText } from "./ics.js";

const invite = (over: Partial<IcsInvite> = {}): IcsInvite => ({
  method: "REQUEST",
  uid: "8d3c6a0e-1111-4222-8333-944455556666@portico",
  sequence: 0,
  stamp: new Date("2031-03-03T07:00:00.123Z"),
  start: new Date("2031-03-04T09:00:00Z"),
  end: new Date("2031-03-04T09:30:00Z"),
  summary: "Cita con Reformas Ñandú, S.L.",
  description: "Traer planos; cocina\nsegunda línea",
  organizer: { name: "Reformas Ñandú", email: "hola@example.com" },
  attendee: { name: 'Ana "la jefa" Pérez', email: "ana@example.com" },
  ...over,
});

const propertyOf = (text: string, name: string) => parseIcs(text).find((p) => p.name === name);

describe("iCalendar invitations", () => {
  test("CRLF everywhere, UTC times with Z, METHOD, UID, SEQUENCE and STATUS", () => {
    const text = buildIcs(invite());
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(propertyOf(text, "METHOD")?.value).toBe("REQUEST");
    expect(propertyOf(text, "DTSTART")?.value).toBe("20310304T090000Z");
    expect(propertyOf(text, "DTEND")?.value).toBe("20310304T093000Z");
    expect(propertyOf(text, "DTSTAMP")?.value).toBe("20310303T070000Z");
    expect(propertyOf(text, "STATUS")?.value).toBe("CONFIRMED");
    expect(propertyOf(text, "ORGANIZER")?.value).toBe("mailto:hola@example.com");
    // A double quote cannot appear in a quoted parameter: it is dropped.
    expect(propertyOf(text, "ATTENDEE")?.params.CN).toBe("Ana la jefa Pérez");
    const cancel = buildIcs(invite({ method: "CANCEL", sequence: 2 }));
    expect(propertyOf(cancel, "METHOD")?.value).toBe("CANCEL");
    expect(propertyOf(cancel, "STATUS")?.value).toBe("CANCELLED");
    expect(propertyOf(cancel, "SEQUENCE")?.value).toBe("2");
    expect(propertyOf(cancel, "UID")?.value).toBe(propertyOf(text, "UID")?.value);
  });

  test("TEXT values are escaped, so a newline or a semicolon cannot start another property", () => {
    const text = buildIcs(
      invite({ description: "x\r\nMETHOD:CANCEL\nATTENDEE:mailto:evil@example.com;a,b\\c" }),
    );
    expect(parseIcs(text).filter((p) => p.name === "METHOD")).toHaveLength(1);
    expect(parseIcs(text).filter((p) => p.name === "ATTENDEE")).toHaveLength(1);
    expect(unescapeText(propertyOf(text, "DESCRIPTION")?.value ?? "")).toBe(
      "x\nMETHOD:CANCEL\nATTENDEE:mailto:evil@example.com;a,b\\c",
    );
    expect(escapeText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
  });

  test("long lines fold at 75 octets without splitting a UTF-8 character, and unfold back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const line = `DESCRIPTION:${escapeText(s)}`;
        const folded = foldLine(line);
        for (const physical of folded.split("\r\n"))
          expect(Buffer.byteLength(physical, "utf8")).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(line);
      }),
      { numRuns: 300 },
    );
    const text = buildIcs(invite({ description: "ñ".repeat(200) }));
    expect(unescapeText(propertyOf(text, "DESCRIPTION")?.value ?? "")).toBe("ñ".repeat(200));
  });
});
