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
