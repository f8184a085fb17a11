/** Settings › Reminders (issue 15 §3, decision 038), under `reminders`. */
export const remindersEs = {
  tab: "Recordatorios",
  intro:
    "Portico envía por email a los contactos de cada factura pendiente los recordatorios que actives, una sola vez cada uno, en la zona horaria de la organización. Nunca a facturas pagadas, anuladas o con un pago en disputa, ni a clientes que no quieren recordatorios. Si un día no se envía, se recupera en los 3 días siguientes.",
  kinds: {
    before_due: "Antes del vencimiento",
    on_due: "El día del vencimiento",
    after_due: "Después del vencimiento",
  },
  enabled: "Enviar este recordatorio",
  daysBefore: "Días antes del vencimiento",
  daysAfter: "Días después del vencimiento",
  languages: { es: "Español", en: "Inglés" },
  subject: "Asunto",
  body: "Texto",
  variables: "Variables disponibles:",
  filters: "Importes y fechas con filtros:",
  buttonHint: "La variable button marca dónde va el botón del portal.",
};
