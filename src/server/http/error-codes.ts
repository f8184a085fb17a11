/** @deprecated moved to ../errors/error-codes.ts; add codes there. */
export * from "../errors/error-codes.js";
