import type { verifactuEs } from "./verifactu.es.js";

/** Settings › VERI*FACTU (issue 17 §1, decision 049), under `verifactu`. */
export const verifactuEn: typeof verifactuEs = {
  tab: "VERI*FACTU",
  intro:
    "In VERI*FACTU mode, every invoice or rectifying invoice you issue and every invoice you void leaves a billing record chained by a fingerprint (SHA-256), as Spain's billing software regulation requires: no record can be changed or deleted afterwards.",
  notSentTitle: "Nothing is sent to AEAT yet",
  notSent:
    "Portico stores and chains the records but does not submit them to AEAT yet: that needs the organisation's electronic certificate. You can verify the chain at any time.",
  switch: "VERI*FACTU mode",
  issuer: "Issuer: NIF {{taxId}}, country {{country}}. Issuing without a valid NIF is refused.",
  notReady:
    "Needs the country ES and a valid Spanish NIF in Settings › Organisation (now: NIF {{taxId}}, country {{country}}).",
  fields: { taxId: "NIF", country: "Country" },
  cannotTurnOn: "It cannot be turned on yet",
  editProfile: "Correct it in Settings › Organisation and try again.",
  recordsTitle: "Billing records",
  verify: "Verify chain",
  sequence: "No.",
  kind: "Record",
  kinds: { alta: "Issue", anulacion: "Cancellation" },
  number: "Invoice",
  type: "Type",
  total: "Total amount",
  time: "Generated",
  huella: "Fingerprint",
  emptyTitle: "No records yet",
  emptyDescription: "They appear here once you issue an invoice with VERI*FACTU mode on.",
  latestOnly: "The 50 most recent records are shown; verifying goes through all of them.",
  verifiedTitle: "The chain is intact",
  verified_one: "The fingerprint of {{count}} record was recomputed and matches.",
  verified_other: "The fingerprints of all {{count}} records were recomputed and match, in order.",
  brokenTitle: "The chain is broken",
  broken: "Record no. {{sequence}} (invoice {{number}}) does not match what it should carry.",
  expected: "Expected:",
  stored: "Stored:",
};
