/** @deprecated moved to ../errors (AppError) and ./error-handler.ts (problem+json); import those. */
export * from "../errors/errors.js";
export * from "./error-handler.js";
