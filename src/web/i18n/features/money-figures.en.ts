import type { Messages } from "../types.js";
import type { moneyFiguresEs } from "./money-figures.es.js";

export const moneyFiguresEn: Messages<typeof moneyFiguresEs> = {
  creditNotIncluded: "Your {{credit}} credit is not included in “Pay everything”.",
  applyAll: "Apply my {{amount}} credit to my oldest invoices",
  applyPart: "Apply {{amount}} of my credit to my invoices",
  confirmTitle: "Apply your credit",
  confirmBody:
    "{{amount}} of your credit (credit notes, unapplied payments and retainer balance) will be applied to your unpaid invoices, oldest first. What you owe goes down by that amount.",
  confirmRest: "You will have {{rest}} of credit left.",
  confirm: "Apply {{amount}}",
  applied_one: "{{amount}} applied to {{count}} invoice.",
  applied_other: "{{amount}} applied to {{count}} invoices.",
  reconciliationTitle: "How the balance adds up",
  reconciliation: "Invoices due {{due}} − credit available {{credit}} = balance {{balance}}",
  reconciliationHint:
    "The credit available (credit notes, unapplied payments and retainer balance) has not been applied to any invoice yet; you can apply it from Home.",
};
