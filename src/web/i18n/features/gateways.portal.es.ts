/**
 * The part of `gateways` the portal shows (paying an invoice: the choice of gateway and the processing
 * notice): in the portal's catalogue.
 */
export const gatewaysPortalEs = {
  names: {
    sandbox: "Pasarela de pruebas",
    stripe: "Stripe (tarjeta y adeudo SEPA)",
    paypal: "PayPal",
    redsys: "RedSys (TPV virtual)",
    transfer: "Transferencia bancaria",
  },
  choose: "¿Cómo quieres pagar?",
  saveMethod: "Guardar la tarjeta para próximos pagos",
  saveMethodHint: "La guarda el proveedor de pagos; podrás quitarla en Mis datos.",
  processing: "Pago en curso",
  processingHint: "El proveedor ha aceptado el pago; la factura quedará pagada cuando se confirme.",
};
