import { crc32 } from "node:zlib";
import { describe, expect, test } from "vitest";
import { readZip, writeZip } from "./zip.js";

describe("STORE-only zip", () => {
  test("what is written reads back byte for byte, with UTF-8 names", () => {
    const entries = [
      { name: "README.txt", data: Buffer.from("hola\n") },
      { name: "pdf/Factura F-2026-1 ñ.pdf", data: Buffer.from([0, 1, 2, 255, 254]) },
      { name: "empty.json", data: Buffer.alloc(0) },
    ];
    const back = readZip(writeZip(entries));
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(back.map((e) => e.data.toString("hex"))).toEqual(entries.map((e) => e.data.toString("hex")));
  });

  test("the archive has the standard signatures and the CRC of each entry", () => {
    const data = Buffer.from("{}");
    const zip = writeZip([{ name: "a.json", data }]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt32LE(14)).toBe(crc32(data));
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  });

  test("a damaged entry is refused", () => {
    const zip = writeZip([{ name: "a.txt", data: Buffer.from("abc") }]);
    zip[30 + 5] = "x".charCodeAt(0);
    expect(() => readZip(zip)).toThrow(/CRC/);
  });
});
