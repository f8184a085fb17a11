/** @deprecated moved to ../documents/document-links.service.ts; import it from there. */
export * from "../documents/document-links.service.js";
