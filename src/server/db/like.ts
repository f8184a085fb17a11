/**
 * A search box's text as an ILIKE pattern that matches it anywhere, with `%`, `_` and `\` taken literally
 * ("100%" finds "100%", not everything); null for an empty search.
 */
export function likeTerm(q: string | null | undefined): string | null {
  const t = q?.trim();
  return t ? `%${t.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
}
