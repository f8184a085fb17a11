import type { rectifyingEs } from "./rectifying.es.js";

export const rectifyingEn: typeof rectifyingEs = {
  title: "Corrective invoice",
  section: "Correction",
  type: "Correction type",
  typePlaceholder: "Choose the type",
  types: {
    R1: "R1 · Error based on law and art. 80 One, Two and Six of the VAT Act",
    R2: "R2 · Art. 80.3 of the VAT Act (insolvency)",
    R3: "R3 · Art. 80.4 of the VAT Act (bad debts)",
    R4: "R4 · Other causes",
    R5: "R5 · Simplified invoices",
  },
  method: "Method",
  methods: {
    difference: "By difference",
    substitution: "By substitution",
  },
  methodHints: {
    difference: "The lines are the difference credited.",
    substitution:
      "The lines are the full corrected amounts of the invoice it replaces; the difference from the original is credited.",
  },
  reason: "Reason",
  reasonHint: "Why it is corrected (up to 500 characters).",
  rectified: "Corrected invoices",
  rectifiedHint: "Issued invoices of the same customer; by substitution, exactly one.",
  rectifiedEmpty: "This customer has no issued invoices",
  rectifiedOf: "{{number}} of {{date}}",
  rectifiedAmounts: "Amounts corrected: base {{base}}, tax {{tax}}",
  correctedAmounts: "Corrected amounts: base {{base}}, tax {{tax}}",
  none: "None",
};
