/**
 * A small XML writer for the AEAT records: elements with text or child elements, no attributes
 * besides namespace declarations. Hand-written because xmlbuilder2 is only a transitive dependency
 * (of @e-invoice-eu/core), and a project must not import what it does not declare (decision 050).
 */

/**
 * What XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return, lone surrogates,
 * U+FFFE/U+FFFF) makes a document not well-formed, so it is dropped; so are DEL and the C1 controls,
 * which XML allows but nobody means in a name or a description.
 */
const NOT_XML = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\ufffe\uffff]/gu;

/** Text content escaped for an element (and safe in a double-quoted attribute too). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** An element: its qualified name and either its text or its children (absent children are skipped). */
export type XmlNode = { name: string; text: string } | { name: string; children: (XmlNode | null)[] };

export const el = (name: string, text: string): XmlNode => ({ name, text });
export const parent = (name: string, children: (XmlNode | null)[]): XmlNode => ({ name, children });

/** Serialises a node, two spaces per level; `namespaces` are declared on this node only. */
export function writeXml(node: XmlNode, namespaces: Record<string, string> = {}, depth = 0): string {
  const pad = "  ".repeat(depth);
  const declarations = Object.entries(namespaces)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`)
    .join("");
  if ("text" in node) return `${pad}<${node.name}${declarations}>${escapeXml(node.text)}</${node.name}>`;
  const inner = node.children
    .filter((child): child is XmlNode => child !== null)
    .map((child) => writeXml(child, {}, depth + 1));
  return [`${pad}<${node.name}${declarations}>`, ...inner, `${pad}</${node.name}>`].join("\n");
}
