import type { Messages } from "../types.js";

/** Texts of decision 017 (what the money figures mean), under `moneyFigures`: applying credit, reconciling. */
export const moneyFiguresEs = {
  creditNotIncluded: "Tu crédito de {{credit}} no está incluido en «Pagar todo».",
  applyAll: "Aplicar mi crédito de {{amount}} a mis facturas más antiguas",
  applyPart: "Aplicar {{amount}} de mi crédito a mis facturas",
  confirmTitle: "Aplicar tu crédito",
  confirmBody:
    "Se aplicarán {{amount}} de tu crédito (abonos, pagos sin aplicar y saldo de anticipos) a tus facturas pendientes, empezando por la más antigua. Lo que debes bajará en esa cantidad.",
  confirmRest: "Te quedarán {{rest}} de crédito disponible.",
  confirm: "Aplicar {{amount}}",
  applied_one: "Se han aplicado {{amount}} a {{count}} factura.",
  applied_other: "Se han aplicado {{amount}} a {{count}} facturas.",
  reconciliationTitle: "Cómo se llega al saldo",
  reconciliation: "Facturas pendientes {{due}} − crédito disponible {{credit}} = saldo {{balance}}",
  reconciliationHint:
    "El crédito disponible (abonos, pagos sin aplicar y saldo de anticipos) aún no se ha aplicado a ninguna factura; puedes aplicarlo desde Inicio.",
};

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
