/** A small, deterministic XML writer: the Facturae golden files compare its output byte for byte. */
export type XmlNode = { name: string; children: XmlNode[] | string } | null | false | undefined | "";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The characters XML 1.0 cannot carry: controls other than tab and the newlines, and U+FFFE/U+FFFF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text and drops what XML cannot carry. */
export const escapeXml = (text: string) =>
  text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/** An element; `null`/`false` children are left out, so optional parts read inline. */
export const el = (name: string, children: XmlNode[] | string | number): XmlNode => ({
  name,
  children: typeof children === "number" ? String(children) : children,
});

function write(node: XmlNode, depth: number, out: string[]): void {
  if (!node) return;
  const pad = "  ".repeat(depth);
  if (typeof node.children === "string") {
    out.push(`${pad}<${node.name}>${escapeXml(node.children)}</${node.name}>`);
    return;
  }
  const kids = node.children.filter(Boolean);
  if (kids.length === 0) {
    out.push(`${pad}<${node.name}/>`);
    return;
  }
  out.push(`${pad}<${node.name}>`);
  for (const k of kids) write(k, depth + 1, out);
  out.push(`${pad}</${node.name}>`);
}

/** The document: declaration, the root with its namespace declarations, two-space indentation, final newline. */
export function xmlDocument(root: string, namespaces: Record<string, string>, children: XmlNode[]): string {
  const ns = Object.entries(namespaces)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`)
    .join("");
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${root}${ns}>`];
  for (const c of children) write(c, 1, out);
  out.push(`</${root}>`, "");
  return out.join("\n");
}
