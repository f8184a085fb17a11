/**
 * Stripe's request encoding, read back: `a[b][0][c]=v` form fields (bodies, and query strings of GETs)
 * into nested objects, lists where every key is an index. Test code for the Stripe fake.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export function parseStripeForm(encoded: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node = root as Record<string, FormValue>;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= {};
      node = node[part] as Record<string, FormValue>;
    });
  }
  return listsOf(root) as Record<string, FormValue>;
}

function listsOf(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, listsOf(value[key] as FormValue)] as const);
  if (keys.length > 0 && keys.every((key, i) => key === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

/** A nested field as a string, or undefined (`field(body, "line_items", 0, "quantity")`). */
export function field(form: FormValue | undefined, ...path: (string | number)[]): string | undefined {
  let node: FormValue | undefined = form;
  for (const part of path) {
    if (node === undefined || typeof node === "string") return undefined;
    node = Array.isArray(node) ? node[Number(part)] : node[String(part)];
  }
  return typeof node === "string" ? node : undefined;
}

/** A list field (`allowed_payment_method_types[0]=card…`) as strings. */
export function listField(form: FormValue | undefined, name: string): string[] {
  const node = form && typeof form !== "string" && !Array.isArray(form) ? form[name] : undefined;
  return Array.isArray(node) ? node.filter((item): item is string => typeof item === "string") : [];
}
