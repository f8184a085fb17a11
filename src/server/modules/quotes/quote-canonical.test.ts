import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalJson, type QuoteForHash, quoteHash } from "./quote-canonical.js";

const sample = (): QuoteForHash => ({
  displayNumber: "P2026-0003-R2",
  revision: 2,
  issueDate: "2026-03-01",
  expiryDate: "2026-03-31",
  currency: "EUR",
  notes: "Incluye dos rondas de cambios",
  terms: null,
  subtotalMinor: 100000,
  discountMinor: 10000,
  netMinor: 90000,
  taxMinor: 18900,
  totalMinor: 108900,
  taxBreakdown: [{ name: "IVA 21 %", rateBp: 2100, baseMinor: 90000, amountMinor: 18900 }],
  customerSnapshot: { name: "Acme", taxId: "A123", city: "Madrid", id: "ignored", updatedAt: "ignored" },
  lines: [
    {
      position: 1,
      description: "Diseño",
      quantityMilli: 1000,
      unitPriceMinor: 100000,
      discountBp: 1000,
      taxes: [{ taxId: "t1", name: "IVA 21 %", rateBp: 2100, amountMinor: 18900 }],
      grossMinor: 100000,
      discountMinor: 10000,
      netMinor: 90000,
      taxMinor: 18900,
      totalMinor: 108900,
    },
  ],
});

/** Rebuilds an object tree with its keys in a random order at every level. */
function shuffleKeys(value: unknown, rand: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rand));
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rand)]));
  }
  return value;
}

describe("canonicalJson", () => {
  test("sorts keys at every level, keeps array order, drops undefined, no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: "x" }, e: undefined, f: null })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1,"f":null}',
    );
  });

  test("refuses numbers that are not safe integers (money is never a float)", () => {
    expect(() => canonicalJson({ a: 1.5 })).toThrow(RangeError);
    expect(() => canonicalJson({ a: 2 ** 60 })).toThrow(RangeError);
  });

  test("key order never changes the text (property)", () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.string(),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        let s = seed;
        const rand = () => {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          return s / 0x80000000;
        };
        // biome-ignore lint/suspicious/noExplicitAny: arbitrary JSON
        expect(canonicalJson(shuffleKeys(value, rand) as any)).toBe(canonicalJson(value as any));
      }),
      { numRuns: 300 },
    );
  });
});

describe("quoteHash", () => {
  test("is a hex SHA-256 and ignores key order of the customer snapshot and lines", () => {
    const a = sample();
    const b = shuffleKeys(sample(), Math.random) as QuoteForHash;
    expect(quoteHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(quoteHash(b)).toBe(quoteHash(a));
  });

  test("ignores what the contact is not shown (ids, timestamps of the customer)", () => {
    const a = sample();
    const b = sample();
    b.customerSnapshot = { ...b.customerSnapshot, id: "other", updatedAt: "later" };
    expect(quoteHash(b)).toBe(quoteHash(a));
  });

  const amountPaths: [string, (q: QuoteForHash, d: number) => void][] = [
    ["line unit price", (q, d) => ((q.lines[0] as QuoteForHash["lines"][number]).unitPriceMinor += d)],
    ["line quantity", (q, d) => ((q.lines[0] as QuoteForHash["lines"][number]).quantityMilli += d)],
    ["line net", (q, d) => ((q.lines[0] as QuoteForHash["lines"][number]).netMinor += d)],
    [
      "line tax",
      (q, d) =>
        (((q.lines[0] as QuoteForHash["lines"][number]).taxes[0] as { amountMinor: number }).amountMinor +=
          d),
    ],
    ["total", (q, d) => (q.totalMinor += d)],
    ["net", (q, d) => (q.netMinor += d)],
    ["tax total", (q, d) => (q.taxMinor += d)],
    ["breakdown base", (q, d) => ((q.taxBreakdown[0] as { baseMinor: number }).baseMinor += d)],
    ["discount", (q, d) => (q.discountMinor += d)],
  ];

  test("any changed amount changes the hash (property)", () => {
    const original = quoteHash(sample());
    fc.assert(
      fc.property(
        fc.constantFrom(...amountPaths),
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0),
        ([, change], delta) => {
          const q = sample();
          change(q, delta);
          expect(quoteHash(q)).not.toBe(original);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("the number, revision, dates, currency, texts and customer are covered too", () => {
    const original = quoteHash(sample());
    const edits: ((q: QuoteForHash) => void)[] = [
      (q) => (q.displayNumber = "P2026-0003"),
      (q) => (q.revision = 3),
      (q) => (q.issueDate = "2026-03-02"),
      (q) => (q.expiryDate = null),
      (q) => (q.currency = "USD"),
      (q) => (q.notes = `${q.notes}.`),
      (q) => (q.terms = "Pago al contado"),
      (q) => ((q.lines[0] as { description: string }).description = "Diseno"),
      (q) => (q.customerSnapshot = { ...q.customerSnapshot, name: "Acme S.A." }),
    ];
    for (const edit of edits) {
      const q = sample();
      edit(q);
      expect(quoteHash(q)).not.toBe(original);
    }
  });
});
