import { COLORS, ensureSpace, type RenderContext, STYLES } from "./layout.js";
import { isEmbeddableLogo } from "./logo.js";
import { cleanLine } from "./sanitize.js";
import { drawText, lineHeight, type TextStyle } from "./text.js";
import type { PdfAcceptance } from "./types.js";

const SIGNATURE_BOX: [number, number] = [200, 80];
const TYPED_SIGNATURE: TextStyle = { size: 22, weight: "italic", color: COLORS.text };

/** "2026-05-03 10:15:30 UTC": unambiguous in any language, as evidence should be. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The same instant on the organisation's clock, e.g. "2026-05-03 12:15:30 GMT+2". */
export function formatInZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "shortOffset",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}

/** The drawn signature (when there is one) and who accepted, below the totals and notes. */
export function drawSignature(ctx: RenderContext, a: PdfAcceptance): void {
  ensureSpace(ctx, SIGNATURE_BOX[1] + 3 * lineHeight(STYLES.body) + 12);
  ctx.y += drawText(ctx.doc, ctx.labels.signature, STYLES.bodyBold, ctx.left, ctx.y, ctx.width);
  if (a.signatureText) {
    // Typed (issue 10): the name in an italic script where a drawn signature would be, and how it was signed.
    ctx.y += 4;
    ctx.y += drawText(
      ctx.doc,
      cleanLine(a.signatureText),
      TYPED_SIGNATURE,
      ctx.left,
      ctx.y,
      SIGNATURE_BOX[0] * 2,
    );
    ctx.y += drawText(ctx.doc, ctx.labels.signedByTyping, STYLES.small, ctx.left, ctx.y, ctx.width) + 4;
  } else if (
    // Checked again here: a signature that pdfkit could not decode must never take the process down.
    a.signaturePng &&
    isEmbeddableLogo({ data: a.signaturePng, mime: "image/png" })
  ) {
    try {
      ctx.doc.x = ctx.left;
      ctx.doc.y = ctx.y + 4;
      ctx.doc.image(a.signaturePng, { fit: SIGNATURE_BOX });
      ctx.y = ctx.doc.y + 4;
    } catch {
      // Left out rather than failing the document; the certificate still records the acceptance.
    }
  }
  const when = formatInZone(a.acceptedAt, ctx.data.timeZone);
  ctx.y += drawText(
    ctx.doc,
    ctx.labels.acceptedBy(cleanLine(a.signerName), when),
    STYLES.body,
    ctx.left,
    ctx.y,
    ctx.width,
  );
  ctx.y += 12;
}

/** A page of its own with every piece of evidence, label above value. */
export function drawCertificate(ctx: RenderContext, a: PdfAcceptance): void {
  ensureSpace(ctx, Number.POSITIVE_INFINITY);
  const { doc, labels } = ctx;
  ctx.y += drawText(
    doc,
    labels.certificateTitle,
    { size: 16, weight: "bold", color: ctx.brandText },
    ctx.left,
    ctx.y,
    ctx.width,
  );
  ctx.y += 6;
  ctx.y += drawText(doc, labels.certificateIntro, STYLES.body, ctx.left, ctx.y, ctx.width) + 10;
  const rows: [string, string][] = [
    [labels.documentHash, a.documentHash],
    [labels.signerName, cleanLine(a.signerName)],
    [labels.signerEmail, cleanLine(a.signerEmail)],
    [labels.acceptedAtUtc, formatUtc(a.acceptedAt)],
    [labels.acceptedAtLocal(ctx.data.timeZone), formatInZone(a.acceptedAt, ctx.data.timeZone)],
    [labels.ipAddress, cleanLine(a.ip)],
    [labels.userAgent, cleanLine(a.userAgent) || labels.none],
  ];
  if (a.signatureText)
    rows.push([labels.signatureMethod, `${labels.signedByTyping}: ${cleanLine(a.signatureText)}`]);
  for (const [label, value] of rows) {
    ensureSpace(ctx, lineHeight(STYLES.smallBold) + 2 * lineHeight(STYLES.body));
    ctx.y += drawText(doc, label, STYLES.smallBold, ctx.left, ctx.y, ctx.width);
    ctx.y += drawText(doc, value, STYLES.body, ctx.left, ctx.y, ctx.width) + 8;
  }
}
