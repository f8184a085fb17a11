import { describe, expect, test } from "vitest";
import type { SearchResult } from "../../../shared/contracts/search.js";
import { flatResults, groupResults, isOpenShortcut, moveActive } from "./search-model.js";

const result = (kind: SearchResult["kind"], id: string): SearchResult => ({
  kind,
  id,
  title: id,
  subtitle: null,
  path: `/x/${id}`,
  date: null,
  status: null,
  currency: null,
  totalMinor: null,
});

describe("search box model", () => {
  test("groups by kind in the server's kind order, with flat indexes the arrow keys walk", () => {
    const groups = groupResults([result("invoice", "i1"), result("customer", "c1"), result("invoice", "i2")]);
    expect(groups.map((g) => [g.kind, g.options.map((o) => [o.result.id, o.index])])).toEqual([
      ["customer", [["c1", 0]]],
      [
        "invoice",
        [
          ["i1", 1],
          ["i2", 2],
        ],
      ],
    ]);
    expect(flatResults(groups).map((r) => r.id)).toEqual(["c1", "i1", "i2"]);
  });

  test("arrow keys wrap; nothing to choose is no active option", () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });

  test("Ctrl+K and ⌘K open it anywhere; / only outside text fields", () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      target: null,
      ...mods,
    });
    expect(isOpenShortcut(key("k", { ctrlKey: true }))).toBe(true);
    expect(isOpenShortcut(key("K", { metaKey: true }))).toBe(true);
    expect(isOpenShortcut(key("/"))).toBe(true);
    expect(isOpenShortcut(key("k"))).toBe(false);
    expect(isOpenShortcut(key("k", { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
