import type { AllocationInput } from "../../../shared/contracts/index.js";
import { minorToDecimalString, parseMoney } from "../../../shared/money/index.js";

/** What the allocation editor needs of a document that can receive money. */
export interface Payable {
  id: string;
  dueMinor: number;
}

/** Typed amounts per document id; a blank amount means "nothing to this one". */
export type AllocationAmounts = Record<string, string>;

export interface AllocationCheck {
  /** Sum of the amounts that parse. */
  totalMinor: number;
  /** available − total; negative when the amounts exceed what there is to apply. */
  leftMinor: number;
  /** Per document id: "invalid" (does not parse or not above zero) or "exceedsDue". */
  errors: Record<string, "invalid" | "exceedsDue">;
  allocations: AllocationInput[];
}

/** An amount in minor units as a form field shows it: 1234.5 EUR → "1234,50" in Spanish. */
export function minorToInput(amountMinor: number, currency: string, decimalMark: "," | "."): string {
  return minorToDecimalString(amountMinor, currency).replace(".", decimalMark);
}

/**
 * Fills the documents in the order given (the caller sorts them oldest first), each with what it owes,
 * until `availableMinor` runs out; null available means "as much as they owe".
 */
export function fillOldestFirst(
  documents: Payable[],
  availableMinor: number | null,
  currency: string,
  decimalMark: "," | ".",
): AllocationAmounts {
  let left = availableMinor ?? Number.MAX_SAFE_INTEGER;
  const amounts: AllocationAmounts = {};
  for (const doc of documents) {
    const take = Math.max(0, Math.min(doc.dueMinor, left));
    amounts[doc.id] = take > 0 ? minorToInput(take, currency, decimalMark) : "";
    left -= take;
  }
  return amounts;
}

/** Parses and checks the typed amounts against each document's due and the money available. */
export function checkAllocations(
  documents: Payable[],
  amounts: AllocationAmounts,
  availableMinor: number,
  currency: string,
): AllocationCheck {
  const errors: AllocationCheck["errors"] = {};
  const allocations: AllocationInput[] = [];
  let totalMinor = 0;
  for (const doc of documents) {
    const text = (amounts[doc.id] ?? "").trim();
    if (text === "") continue;
    const minor = parseMoney(text, currency);
    if (minor === null || minor <= 0) {
      if (minor !== 0) errors[doc.id] = "invalid";
      continue;
    }
    if (minor > doc.dueMinor) errors[doc.id] = "exceedsDue";
    totalMinor += minor;
    allocations.push({ invoiceId: doc.id, amountMinor: minor });
  }
  return { totalMinor, leftMinor: availableMinor - totalMinor, errors, allocations };
}
