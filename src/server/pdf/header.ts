import { formatPlainDate } from "./format.js";
import { COLORS, type RenderContext, STYLES } from "./layout.js";
import { isEmbeddableLogo } from "./logo.js";
import { cleanLine } from "./sanitize.js";
import { drawText } from "./text.js";
import type { PdfParty } from "./types.js";

const LOGO_BOX: [number, number] = [160, 60];

// A logo that pdfkit cannot read is left out rather than failing the invoice: the document matters
// more than the decoration, and the upload form is where a bad file should be refused.
function drawLogo(ctx: RenderContext, y: number): number {
  const logo = ctx.data.org.logo;
  if (!logo || !isEmbeddableLogo(logo)) return 0;
  try {
    // In flow mode (no explicit y) pdfkit moves doc.y below the image, which tells us its fitted height.
    ctx.doc.x = ctx.left;
    ctx.doc.y = y;
    ctx.doc.image(logo.data, { fit: LOGO_BOX });
    return ctx.doc.y - y + 12;
  } catch {
    return 0;
  }
}

function partyDetails(party: PdfParty, taxIdLabel: string): string[] {
  const name = cleanLine(party.name);
  const legalName = cleanLine(party.legalName);
  const taxId = cleanLine(party.taxId);
  return [
    legalName && legalName !== name ? legalName : "",
    taxId ? `${taxIdLabel}: ${taxId}` : "",
    ...party.addressLines.map(cleanLine),
    cleanLine(party.email),
    cleanLine(party.phone),
    cleanLine(party.website),
  ].filter((line) => line !== "");
}

function drawParty(ctx: RenderContext, party: PdfParty, x: number, y: number, width: number): number {
  let height = drawText(ctx.doc, cleanLine(party.name), STYLES.party, x, y, width);
  height += 2;
  for (const line of partyDetails(party, ctx.labels.taxId)) {
    height += drawText(ctx.doc, line, STYLES.body, x, y + height, width);
  }
  return height;
}

function drawTitleBlock(ctx: RenderContext, x: number, y: number, width: number): number {
  const { document } = ctx.data;
  const { doc, labels, brandText } = ctx;
  const isQuote = document.kind === "quote";
  const title = cleanLine(document.title) || (isQuote ? labels.quote : labels.invoice);
  let height = drawText(doc, title, { size: 20, weight: "bold", color: brandText }, x, y, width, "right");
  height += drawText(
    doc,
    cleanLine(document.number),
    { size: 12, weight: "bold", color: brandText },
    x,
    y + height,
    width,
    "right",
  );
  const status = cleanLine(document.statusLabel);
  if (status) height += drawText(doc, status, STYLES.smallBold, x, y + height, width, "right");
  height += 8;
  const dates: [string, string][] = [
    [labels.issueDate, formatPlainDate(document.issueDate, ctx.data.locale)],
  ];
  if (document.dueDate)
    dates.push([
      isQuote ? labels.validUntil : labels.dueDate,
      formatPlainDate(document.dueDate, ctx.data.locale),
    ]);
  for (const [label, value] of dates) {
    height += drawText(doc, `${label}: ${value}`, STYLES.body, x, y + height, width, "right");
  }
  return height;
}

/** Logo and organisation on the left, title, number and dates on the right, then the customer. */
export function drawHeader(ctx: RenderContext): void {
  const top = ctx.y;
  const leftWidth = ctx.width * 0.55;
  const rightX = ctx.left + leftWidth + 16;
  const rightWidth = ctx.right - rightX;

  const logoHeight = drawLogo(ctx, top);
  const orgHeight = logoHeight + drawParty(ctx, ctx.data.org, ctx.left, top + logoHeight, leftWidth);
  const titleHeight = drawTitleBlock(ctx, rightX, top, rightWidth);
  ctx.y = top + Math.max(orgHeight, titleHeight) + 18;

  const labelHeight = drawText(
    ctx.doc,
    (ctx.data.document.kind === "quote" ? ctx.labels.quoteFor : ctx.labels.billTo).toUpperCase(),
    STYLES.smallBold,
    ctx.left,
    ctx.y,
    leftWidth,
  );
  ctx.y += labelHeight + 2;
  ctx.y += drawParty(ctx, ctx.data.customer, ctx.left, ctx.y, leftWidth) + 20;
  ctx.doc.fillColor(COLORS.text);
}
