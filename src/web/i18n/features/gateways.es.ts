import { gatewaysPortalEs } from "./gateways.portal.es.js";

/** Settings → Payments and the portal's choice of gateway (issue 13), merged under `gateways`. */
export const gatewaysEs = {
  ...gatewaysPortalEs,
  tab: "Pagos",
  intro:
    "Conecta los proveedores de pago con los que tus clientes pagan en el portal. Las claves se guardan cifradas y no se vuelven a mostrar.",
  configured: "Configurado",
  notConfigured: "Sin configurar",
  noCredentials: "No necesita claves.",
  stored: "Guardado: {{value}}",
  keepSecret: "Déjalo vacío para conservar el valor guardado",
  save: "Guardar claves",
  saved: "Claves guardadas",
  remove: "Olvidar claves",
  removed: "Claves olvidadas; el proveedor queda desactivado",
  test: "Probar la conexión",
  testOk: "La conexión funciona",
  enabled: "Ofrecer en el portal",
  enabledHint: "Solo se puede activar con las claves guardadas. Las facturas nuevas lo ofrecerán.",
  webhook: "URL de notificaciones (webhook)",
  webhookHint: "Pégala en el panel del proveedor para que avise a Portico de cada pago.",
  events: "Eventos a los que suscribirse",
  copy: "Copiar",
  copied: "Copiada",
  /** Invoice detail (issue 13): staff narrow the gateways one invoice offers. */
  invoice: {
    title: "Formas de pago ofrecidas",
    intro:
      "El portal ofrece para esta factura las formas de pago marcadas. Marcadas todas, sigue lo que ofrece la organización.",
    none: "La organización no ofrece pagos en línea. Actívalos en Ajustes › Pagos.",
    followsOrg: "Ofrece todas las de la organización",
    noneChecked: "Sin ninguna marcada, el cliente no podrá pagar esta factura en línea.",
    save: "Guardar formas de pago",
    saved: "Formas de pago de la factura guardadas: el portal ofrece solo las marcadas",
  },
};
