import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import jsQR from "jsqr";
import { PDFParse } from "pdf-parse";
import { validateXML, type XMLValidationResult } from "xmllint-wasm";

const SCHEMAS = ["SuministroLR.xsd", "SuministroInformacion.xsd", "xmldsig-core-schema.xsd"] as const;

/**
 * AEAT's schemas live beside the project, in `../shared/einvoice/verifactu/` (never copied in). From a
 * worktree the project root is deeper, so the folders above this file are tried in turn until one holds
 * `shared/einvoice/verifactu`.
 */
export function findAeatSchemaDir(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, "shared", "einvoice", "verifactu");
    if (existsSync(join(candidate, SCHEMAS[0]))) return candidate;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(
        `AEAT's VERI*FACTU schemas not found: no shared/einvoice/verifactu/${SCHEMAS[0]} above ${from}`,
      );
    dir = up;
  }
}

let schemaFiles: { fileName: string; contents: string }[] | null = null;

/** Validates a whole document against `SuministroLR.xsd` (which imports the other two), offline. */
export function validateAgainstAeat(xml: string): Promise<XMLValidationResult> {
  if (!schemaFiles) {
    const dir = findAeatSchemaDir();
    schemaFiles = SCHEMAS.map((fileName) => ({
      fileName,
      contents: readFileSync(join(dir, fileName), "utf8"),
    }));
  }
  const [main, ...imported] = schemaFiles;
  return validateXML({
    xml: [{ fileName: "record.xml", contents: xml }],
    schema: [main as { fileName: string; contents: string }],
    preload: imported,
  });
}

/** An 8-bit RGB or RGBA, non-interlaced PNG (what pdf-parse's screenshots are) as RGBA pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8ClampedArray } {
  const bytes = Buffer.from(png);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(`PNG not supported here: depth ${depth}, colour ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  // One filter per row, applied without allocating per byte (a page at 2× is 8 million bytes, decision 061).
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    if (filter > 4) throw new Error(`PNG filter ${filter} unknown`);
    const from = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[from + x] as number;
      const a = x >= channels ? (pixels[row + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[row - stride + x] as number) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4)
        predictor = paeth(a, b, x >= channels && y > 0 ? (pixels[row - stride + x - channels] as number) : 0);
      pixels[row + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = pixels[i * channels] as number;
    rgba[i * 4 + 1] = pixels[i * channels + 1] as number;
    rgba[i * 4 + 2] = pixels[i * channels + 2] as number;
    rgba[i * 4 + 3] = channels === 4 ? (pixels[i * channels + 3] as number) : 255;
  }
  return { width, height, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Rasterises a PDF's first page (pdf-parse's screenshot, at 2× so a module is several pixels) and decodes
 * the QR code on it with jsqr; null when there is none.
 */
export async function decodePdfQr(
  pdf: Buffer,
): Promise<{ text: string; sidePx: number; scale: number } | null> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({
      partial: [1],
      scale: 2,
      imageBuffer: true,
      imageDataUrl: false,
    });
    const page = shot.pages[0];
    if (!page) throw new Error("no page rendered");
    const { width, height, rgba } = decodePng(page.data);
    const found = jsQR(rgba, width, height);
    if (!found) return null;
    const { topLeftCorner: tl, topRightCorner: tr } = found.location;
    return { text: found.data, sidePx: Math.hypot(tr.x - tl.x, tr.y - tl.y), scale: page.scale };
  } finally {
    await parser.destroy();
  }
}
