import { SEARCH_KINDS, type SearchKind, type SearchResult } from "../../../shared/contracts/search.js";

/** The box's results as shown: one group per kind (the server's order), each option with its flat index. */
export interface SearchGroup {
  kind: SearchKind;
  options: { result: SearchResult; index: number }[];
}

export function groupResults(results: SearchResult[]): SearchGroup[] {
  let index = 0;
  return SEARCH_KINDS.flatMap((kind) => {
    const options = results.filter((r) => r.kind === kind).map((result) => ({ result, index: index++ }));
    return options.length > 0 ? [{ kind, options }] : [];
  });
}

/** The flat order the arrow keys walk (the groups' order), so index i is `flatResults(...)[i]`. */
export const flatResults = (groups: SearchGroup[]): SearchResult[] =>
  groups.flatMap((g) => g.options.map((o) => o.result));

/** Arrow keys wrap around; with nothing to choose there is no active option. */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}

/** True while the user types somewhere: "/" there is a character, not the shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

/** The shortcuts that open the box: Ctrl+K / ⌘K anywhere, "/" outside a text field. */
export function isOpenShortcut(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target">,
) {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") return true;
  return event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
}
