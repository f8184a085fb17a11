import { crc32 } from "node:zlib";

/**
 * A minimal STORE-only (uncompressed) zip archive: no dependency, enough for an export of JSON files and
 * PDFs (PDF streams are already compressed). Names are UTF-8 (general purpose flag bit 11); no zip64, so
 * the archive stays below 4 GiB and 65,535 entries, which an export of one organisation's data does.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const UTF8_FLAG = 0x0800;
/** 1980-01-01 00:00 in DOS time: entries carry no date, so the same data gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A header whose common fields (version needed, flags, method, time, date, CRC, sizes, name length)
 * start at `at`: 4 in a local header, 6 in a central directory one; every other field stays 0.
 */
function header(
  signature: number,
  length: number,
  at: number,
  crc: number,
  size: number,
  nameLength: number,
) {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(UTF8_FLAG, at + 2);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(crc, at + 10);
  b.writeUInt32LE(size, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
  return b;
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(entry.data);
    const local = header(0x04034b50, 30, 4, crc, entry.data.length, name.length);
    const central = header(0x02014b50, 46, 6, crc, entry.data.length, name.length);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Reads a STORE-only archive back through its central directory (for the tests and anyone checking an
 * export): refuses compressed entries and checks every CRC.
 */
export function readZip(archive: Buffer): ZipEntry[] {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error("not a zip archive");
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    if (archive.readUInt16LE(at + 10) !== 0) throw new Error("compressed entry");
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const data = archive.subarray(dataAt, dataAt + size);
    if (crc32(data) !== crc) throw new Error(`bad CRC for ${name}`);
    entries.push({ name, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
