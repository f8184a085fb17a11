/** @deprecated moved to ../contact-sessions/contact-sessions.service.ts; import it from there. */
export * from "../contact-sessions/contact-sessions.service.js";
