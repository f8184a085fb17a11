/**
 * The part of `moneyAdmin` the portal shows (what paid an invoice, in the portal's payments table): in the
 * portal's catalogue.
 */
export const moneyAdminPortalEs = {
  source: {
    // Also shown to contacts in the portal (ui/payments-table.tsx): their word is "pago".
    payment: "Pago {{number}}",
    credit_note: "Rectificativa {{number}}",
    retainer: "Anticipo {{number}}",
  },
};
