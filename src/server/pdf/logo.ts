import { inflateSync } from "node:zlib";

export interface LogoInput {
  data: Buffer;
  mime: "image/png" | "image/jpeg";
}

const MAX_PIXELS = 4_000_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Colour type → channels and the bit depths the PNG specification allows for it.
const COLOR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/**
 * Whether pdfkit can embed this logo without failing later. Needed because pdfkit decodes PNGs with
 * transparency in an asynchronous zlib callback that throws: a corrupt upload would crash the process
 * instead of rejecting one render. JPEGs are parsed synchronously, so the caller's try/catch covers them.
 */
export function isEmbeddableLogo(logo: LogoInput): boolean {
  if (logo.mime === "image/jpeg") return logo.data.length > 3 && logo.data.readUInt16BE(0) === 0xffd8;
  return isSafePng(logo.data);
}

function isSafePng(data: Buffer): boolean {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  let offset = 8;
  let header: {
    width: number;
    height: number;
    bitDepth: number;
    colorType: number;
    interlace: number;
  } | null = null;
  const idat: Buffer[] = [];
  let hasPalette = false;
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("latin1", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) return false;
    if (type === "IHDR" && length >= 13) {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body.readUInt8(8),
        colorType: body.readUInt8(9),
        interlace: body.readUInt8(12),
      };
    } else if (type === "PLTE") {
      hasPalette = true;
    } else if (type === "IDAT") {
      idat.push(body);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  const color = header ? COLOR_TYPES[header.colorType] : undefined;
  if (!header || !color?.depths.includes(header.bitDepth) || idat.length === 0) return false;
  if (header.colorType === 3 && !hasPalette) return false;
  // Interlaced images go through pdfkit's asynchronous decoder whatever their colours; logos rarely are.
  if (header.interlace !== 0) return false;
  const channels = color.channels;
  if (header.width === 0 || header.height === 0 || header.width * header.height > MAX_PIXELS) return false;
  const rowBytes = 1 + Math.ceil((header.width * channels * header.bitDepth) / 8);
  const expected = rowBytes * header.height;
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return false;
  }
  if (pixels.length !== expected) return false;
  // Each row starts with a filter type 0..4; anything else makes the PNG decoder throw.
  for (let row = 0; row < header.height; row++) if ((pixels[row * rowBytes] ?? 5) > 4) return false;
  return true;
}
