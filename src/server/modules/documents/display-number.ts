/** "P2026-0003" for the first revision, "P2026-0003-R2" from the second on. */
export const displayNumberOf = (q: { number: string | null; revision: number }) =>
  q.number === null ? null : q.revision > 1 ? `${q.number}-R${q.revision}` : q.number;
