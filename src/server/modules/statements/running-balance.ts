import type { StatementLine } from "../../../shared/contracts/index.js";
import type { Movement } from "./statement-queries.js";

/**
 * Walks movements in statement order from the balance carried in: each line's balance is the previous
 * one plus its amount. Returns the lines and the balance after the last, to carry into the next batch.
 */
export function addRunningBalance(
  movements: readonly Movement[],
  startMinor: number,
): { lines: StatementLine[]; balanceMinor: number } {
  let balanceMinor = startMinor;
  const lines = movements.map(({ createdKey: _k, ...m }): StatementLine => {
    balanceMinor += m.amountMinor;
    return { ...m, balanceMinor };
  });
  return { lines, balanceMinor };
}
