import { DOMParser, type Element } from "@xmldom/xmldom";

/**
 * Reads a UBL document back for the tests (rules, property, API): the values the Peppol rules we check
 * name, amounts as exact minor units. Test support only.
 */
const CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
const CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

/** "123.45" → 12345, "-0.5" is refused: the XML must carry exactly two decimals (BR-DEC). */
export function minorOf(text: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not an amount with two decimals: ${text}`);
  const value = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -value : value;
}

const children = (el: Element, ns: string, name: string) =>
  Array.from(el.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
  );

function child(el: Element, ns: string, name: string): Element | undefined {
  return children(el, ns, name)[0];
}

/** The element at a path of `cac:`/`cbc:` names below `el`. */
export function at(el: Element, path: string): Element | undefined {
  let node: Element | undefined = el;
  for (const step of path.split("/")) {
    const [prefix, name] = step.split(":") as [string, string];
    node = node && child(node, prefix === "cac" ? CAC : CBC, name);
  }
  return node;
}

export const textAt = (el: Element, path: string) => at(el, path)?.textContent ?? null;

export function allAt(el: Element, path: string): Element[] {
  const steps = path.split("/");
  const last = steps.pop() as string;
  const parent = steps.length ? at(el, steps.join("/")) : el;
  const [prefix, name] = last.split(":") as [string, string];
  return parent ? children(parent, prefix === "cac" ? CAC : CBC, name) : [];
}

export interface ReadUbl {
  root: Element;
  isCreditNote: boolean;
  lines: Element[];
  /** Every element with a currencyID attribute. */
  amounts: Element[];
}

export function readUbl(xml: string): ReadUbl {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const root = doc.documentElement as unknown as Element;
  const isCreditNote = root.localName === "CreditNote";
  const amounts = Array.from(doc.getElementsByTagNameNS(CBC, "*")).filter((e) =>
    e.hasAttribute("currencyID"),
  ) as unknown as Element[];
  return {
    root,
    isCreditNote,
    lines: children(root, CAC, isCreditNote ? "CreditNoteLine" : "InvoiceLine"),
    amounts,
  };
}
