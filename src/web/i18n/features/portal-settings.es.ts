import { portalSettingsPortalEs } from "./portal-settings.portal.es.js";

/** Texts of one feature, merged into the catalogues under `portalSettings`. */
export const portalSettingsEs = {
  ...portalSettingsPortalEs,
  options: {
    title: "Qué muestra y permite el portal",
    intro: "Lo que desactives aquí desaparece del portal y la API de clientes lo rechaza.",
    allowMessages: "Los contactos pueden enviar mensajes",
    showAddress: "Mostrar la dirección de la empresa",
    showPhones: "Mostrar los teléfonos",
    showSocial: "Mostrar las redes sociales",
    allowPaypal: "Permitir PayPal",
    showBankAccount: "Mostrar la cuenta bancaria",
    showBankAccountHelp: "El IBAN y el BIC del perfil de la organización, para pagar por transferencia.",
    allowQuoteAcceptance: "Permitir aceptar presupuestos",
    showSalesOrders: "Mostrar los pedidos de venta",
    showProjects: "Mostrar proyectos y partes de horas",
    allowAppointments: "Permitir reservar citas",
  },
  slugKeepsLinks:
    "Si cambias la dirección, los enlaces antiguos siguen funcionando: llevan a la nueva. La dirección antigua queda reservada para tu organización.",
  notifications: {
    tab: "Notificaciones",
    title: "Avisos por email",
    intro:
      "Los avisos siempre aparecen en la campana de Portico. Elige cuáles se envían además por email: al email de la organización o, si no tiene, a sus propietarios y administradores.",
    invoice_viewed: "Un cliente abre una factura por primera vez",
    payment_received: "Se recibe un pago",
    customer_details_updated: "Un cliente actualiza sus datos en el portal",
    quote_viewed: "Un cliente abre un presupuesto por primera vez",
    quote_accepted: "Un cliente acepta un presupuesto",
    quote_declined: "Un cliente rechaza un presupuesto",
    comment_added: "Un cliente comenta un presupuesto o una factura",
    sales_order_viewed: "Un cliente abre un pedido de venta por primera vez",
    payment_failed: "Falla un pago en línea (tarjeta rechazada, adeudo devuelto)",
    payment_disputed: "Un cliente disputa un pago ante el proveedor",
    payment_mismatch: "El proveedor notifica un importe distinto del pedido",
    payment_unapplied: "Un pago en línea queda como saldo a favor del cliente",
    refund_failed: "El proveedor rechaza una devolución",
    refund_unconfirmed: "El proveedor no confirma una devolución",
    timesheet_approved: "Un cliente aprueba un parte de horas",
    timesheet_rejected: "Un cliente rechaza un parte de horas",
    message_received: "Un cliente envía un mensaje",
    review_written: "Un cliente escribe o edita una reseña",
    appointment_booked: "Un cliente reserva una cita",
    appointment_cancelled: "Un cliente cancela una cita",
    /** The bell's sentence for customer_details_updated (data: contactName, customerName). */
    detailsUpdated: "{{contactName}} ({{customerName}}) ha actualizado sus datos",
    /** Issue 10 (truthful screens): one line under each preference, saying what sends the email. */
    /** Issue 16 §4: the events in groups, a member's own notices, and the unsubscribe page (decision 044). */
    groups: {
      documents: "Documentos",
      payments: "Pagos",
      timesheets: "Partes de horas",
      customers: "Clientes",
      relationship: "Mensajes, reseñas y citas",
    },
    mine: {
      title: "Mis avisos por email",
      intro:
        "La organización no tiene email propio: los avisos llegan a sus propietarios y administradores. Aquí eliges cuáles recibes tú; los demás siguen recibiéndolos.",
      notRecipient:
        "Los avisos por email llegan a los propietarios y administradores; tú los ves en la campana.",
      orgInbox: "Los avisos llegan al email de la organización: se eligen arriba, para todos.",
      offForAll: "Desactivado para toda la organización",
      saved: "Tus avisos se han guardado",
    },
    revoke: {
      title: "Enlaces para darse de baja",
      intro:
        "Cada aviso por email lleva un enlace para dejar de recibirlo. Si se han reenviado emails a otras personas, revoca todos los enlaces ya enviados.",
      action: "Revocar los enlaces enviados",
      done: "Los enlaces enviados ya no funcionan; los próximos avisos llevan enlaces nuevos.",
    },
    unsubscribe: {
      title: "Avisos por email",
      working: "Aplicando el cambio…",
      off: "Ya no se enviará «{{event}}» por email a {{address}}.",
      offOrganisation:
        "{{org}} ya no enviará «{{event}}» por email a {{address}}; sigue apareciendo en la campana de Portico.",
      on: "Se vuelve a enviar «{{event}}» por email a {{address}}.",
      undo: "Deshacer",
      stopAgain: "Dejar de recibirlo",
      manage: "Elegir todos los avisos en Ajustes",
      invalid: "Este enlace no es válido o se ha revocado.",
    },
    descriptions: {
      invoice_viewed: "Cuando un contacto abre una factura en el portal o desde el enlace del email.",
      payment_received: "Cuando se registra un pago: en el portal con una pasarela o a mano en Portico.",
      customer_details_updated:
        "Cuando un contacto cambia en «Mis datos» los datos de la cuenta o los suyos.",
      quote_viewed: "Cuando un contacto abre un presupuesto en el portal o desde el enlace del email.",
      quote_accepted:
        "Cuando un contacto acepta un presupuesto en el portal (con su nombre y, si se pide, su firma).",
      quote_declined: "Cuando un contacto rechaza un presupuesto en el portal, con el motivo que indique.",
      comment_added: "Cuando un contacto escribe un comentario en un presupuesto o una factura.",
      sales_order_viewed:
        "Cuando un contacto abre un pedido de venta en el portal o desde el enlace del email.",
      payment_failed:
        "Cuando el proveedor rechaza un pago o devuelve un adeudo SEPA: la factura vuelve a estar pendiente.",
      payment_disputed: "Cuando el proveedor (Stripe, PayPal) avisa de una disputa o contracargo.",
      payment_mismatch:
        "Cuando el proveedor notifica un pago cuyo importe o moneda no es el pedido: no se registra.",
      payment_unapplied:
        "Cuando un cliente paga en línea facturas que ya estaban pagadas: el importe queda a su favor.",
      refund_failed: "Cuando el proveedor rechaza una devolución pedida desde Portico.",
      refund_unconfirmed: "Cuando el proveedor no responde a una devolución y hay que revisarla allí.",
      timesheet_approved: "Cuando un contacto aprueba en el portal las horas enviadas para aprobar.",
      timesheet_rejected:
        "Cuando un contacto rechaza en el portal las horas enviadas, con el motivo que indique.",
      message_received: "Cuando un contacto escribe un mensaje a la organización desde el portal.",
      review_written: "Cuando un contacto escribe una reseña en el portal o cambia la suya.",
      appointment_booked: "Cuando un contacto reserva o cambia una cita desde el portal.",
      appointment_cancelled: "Cuando un contacto cancela una cita desde el portal.",
    },
  },
};
