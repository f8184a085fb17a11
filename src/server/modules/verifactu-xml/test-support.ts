import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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
