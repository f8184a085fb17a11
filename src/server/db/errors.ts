/** PostgreSQL error code of a failed query; drizzle wraps driver errors in `cause`. */
export function pgErrorCode(err: unknown): { code?: string; constraint?: string } {
  let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 3; i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code))
      return { code: e.code, constraint: e.constraint };
    e = e.cause as typeof e;
  }
  return {};
}

export const isUniqueViolation = (err: unknown, constraint?: string) => {
  const e = pgErrorCode(err);
  return e.code === "23505" && (!constraint || e.constraint === constraint);
};
