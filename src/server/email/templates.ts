import { Liquid } from "liquidjs";
import { type EmailLang, formatEmailMoney, formatLongDate } from "./format.js";

export type EmailKind =
  | "staff_notification"
  | "invoice_sent"
  | "payment_receipt"
  | "invitation"
  | "password_reset"
  | "password_changed"
  | "quote_sent"
  | "document_shared"
  | "sales_order_sent"
  | "staff_password_reset"
  | "staff_password_changed"
  | "team_invitation"
  | "timesheet_submitted"
  | "auto_charge_failed"
  | "appointment_booked"
  | "appointment_rescheduled"
  | "appointment_cancelled"
  | "message_reply";
/** Emails whose text staff write (decision 038): rendered by `renderStaffTemplate`, not from this table. */
export type StaffTemplateKind = "payment_reminder";
type Lang = EmailLang;

export interface Template {
  subject: string;
  /** Paragraphs in Liquid; `{{ button }}` marks where the call-to-action goes. */
  body: string;
  button?: string;
}

/**
 * Editable by staff later (C7), so they are Liquid, which cannot run code. The HTML engine escapes every
 * output (`outputEscape: "escape"`): a customer named `<script>` stays text in the email.
 */
const templates: Record<EmailKind, Record<Lang, Template>> = {
  /** C5: tells the organisation about a portal event; `event` picks the sentence. */
  staff_notification: {
    es: {
      subject:
        "{% if event == 'invoice_viewed' %}{{ customer_name }} ha abierto la factura {{ number }}{% elsif event == 'payment_received' %}Pago de {{ amount_minor | money: currency }} recibido de {{ customer_name }}{% elsif event == 'quote_viewed' %}{{ customer_name }} ha abierto el presupuesto {{ number }}{% elsif event == 'quote_accepted' %}{{ customer_name }} ha aceptado el presupuesto {{ number }}{% elsif event == 'quote_declined' %}{{ customer_name }} ha rechazado el presupuesto {{ number }}{% elsif event == 'timesheet_approved' %}{{ customer_name }} ha aprobado las horas de {{ number }}{% elsif event == 'timesheet_rejected' %}{{ customer_name }} ha rechazado las horas de {{ number }}{% elsif event == 'message_received' %}Mensaje de {{ contact_name }} ({{ customer_name }}): {{ number }}{% elsif event == 'comment_added' %}{{ contact_name }} ({{ customer_name }}) ha comentado en {{ document_kind }} {{ number }}{% elsif event == 'sales_order_viewed' %}{{ customer_name }} ha abierto el pedido de venta {{ number }}{% elsif event == 'payment_failed' %}Ha fallado el pago de {{ amount_minor | money: currency }} de {{ customer_name }}{% elsif event == 'payment_disputed' %}{{ customer_name }} ha disputado un pago de {{ amount_minor | money: currency }}{% elsif event == 'payment_mismatch' %}Pago de {{ customer_name }} no registrado: el importe no coincide{% elsif event == 'payment_unapplied' %}{{ customer_name }} tiene {{ amount_minor | money: currency }} a su favor del recibo {{ number }}{% elsif event == 'refund_failed' %}El proveedor ha rechazado la devolución de {{ amount_minor | money: currency }} a {{ customer_name }}{% elsif event == 'refund_unconfirmed' %}Devolución de {{ amount_minor | money: currency }} a {{ customer_name }} sin confirmar{% elsif event == 'appointment_booked' %}{{ contact_name }} ({{ customer_name }}) ha reservado una cita: {{ number }}{% elsif event == 'appointment_cancelled' %}Cita cancelada con {{ customer_name }}: {{ number }}{% elsif event == 'review_written' %}{{ contact_name }} ({{ customer_name }}) {% if edited %}ha editado su reseña{% else %}ha escrito una reseña{% endif %}: {{ rating }} de 5 estrellas{% else %}{{ customer_name }} ha actualizado sus datos{% endif %}",
      body: `Hola:

{% if event == 'invoice_viewed' %}{{ customer_name }} ha abierto por primera vez la factura {{ number }} en el portal.{% elsif event == 'payment_received' %}{{ customer_name }} ha pagado {{ amount_minor | money: currency }} de la factura {{ number }}.{% elsif event == 'quote_viewed' %}{{ customer_name }} ha abierto por primera vez el presupuesto {{ number }} en el portal.{% elsif event == 'quote_accepted' %}{{ customer_name }} ha aceptado el presupuesto {{ number }}.{% elsif event == 'quote_declined' %}{{ customer_name }} ha rechazado el presupuesto {{ number }}.{% elsif event == 'timesheet_approved' %}{{ contact_name }} ({{ customer_name }}) ha aprobado en el portal las horas de {{ number }}.{% elsif event == 'timesheet_rejected' %}{{ contact_name }} ({{ customer_name }}) ha rechazado en el portal las horas de {{ number }}. Motivo:

«{{ reason }}»{% elsif event == 'sales_order_viewed' %}{{ customer_name }} ha abierto por primera vez el pedido de venta {{ number }} en el portal.{% elsif event == 'message_received' %}{{ contact_name }} ({{ customer_name }}) te ha escrito sobre «{{ number }}»:

«{{ excerpt }}»{% elsif event == 'comment_added' %}{{ contact_name }} ({{ customer_name }}) ha escrito un comentario en {{ document_kind }} {{ number }}:

«{{ excerpt }}»{% elsif event == 'payment_failed' %}Ha fallado el pago de {{ amount_minor | money: currency }} de {{ customer_name }} para {{ number }}{% if reason != '' %}: {{ reason }} (código {{ code }}). La factura sigue pendiente; el cliente puede volver a intentarlo.{% else %}{% if code != '' %} (código {{ code }}){% endif %}: la factura vuelve a estar pendiente.{% endif %}{% elsif event == 'payment_disputed' %}{{ customer_name }} ha disputado ante el proveedor un pago de {{ amount_minor | money: currency }} ({{ number }}){% if reason != '' %}; motivo: {{ reason }}{% endif %}. Responde a la disputa en el proveedor.{% elsif event == 'payment_mismatch' %}El proveedor notifica un pago de {{ amount_minor | money: currency }} de {{ customer_name }} para {{ number }}, pero se pidieron {{ expected_minor | money: expected_currency }}: no se ha registrado. Revísalo en el proveedor (referencia {{ reference }}) y registra o devuelve el pago.{% elsif event == 'payment_unapplied' %}{{ customer_name }} ha pagado en línea facturas que ya estaban pagadas: {{ amount_minor | money: currency }} del recibo {{ number }} queda como saldo a su favor. Aplícalo a otra factura o devuélvelo.{% elsif event == 'refund_failed' %}El proveedor ha rechazado la devolución de {{ amount_minor | money: currency }} a {{ customer_name }} ({{ number }}){% if code != '' %}, código {{ code }}{% endif %}: no se ha devuelto nada.{% elsif event == 'refund_unconfirmed' %}El proveedor no ha respondido a la devolución de {{ amount_minor | money: currency }} a {{ customer_name }} ({{ number }}): aquí no consta. Revisa el pago en el proveedor; repetir la misma devolución es seguro.{% elsif event == 'appointment_booked' %}{{ contact_name }} ({{ customer_name }}) ha reservado en el portal una cita para el {{ number }}.{% elsif event == 'appointment_cancelled' %}Se ha cancelado la cita de {{ contact_name }} ({{ customer_name }}) del {{ number }}.{% if reason != '' %} Motivo: «{{ reason }}»{% endif %}{% elsif event == 'review_written' %}{{ contact_name }} ({{ customer_name }}) {% if edited %}ha editado su reseña{% else %}ha escrito una reseña{% endif %} en el portal: {{ rating }} de 5 estrellas.{% if excerpt != '' %}

«{{ excerpt }}»{% endif %}{% else %}{{ contact_name }} ({{ customer_name }}) ha cambiado sus datos en el portal: {{ fields }}.{% endif %}

{{ button }}

Puedes elegir qué avisos recibes por email en Ajustes › Notificaciones.`,
      button: "Abrir en Portico",
    },
    en: {
      subject:
        "{% if event == 'invoice_viewed' %}{{ customer_name }} opened invoice {{ number }}{% elsif event == 'payment_received' %}Payment of {{ amount_minor | money: currency }} received from {{ customer_name }}{% elsif event == 'quote_viewed' %}{{ customer_name }} opened quote {{ number }}{% elsif event == 'quote_accepted' %}{{ customer_name }} accepted quote {{ number }}{% elsif event == 'quote_declined' %}{{ customer_name }} declined quote {{ number }}{% elsif event == 'timesheet_approved' %}{{ customer_name }} approved the time of {{ number }}{% elsif event == 'timesheet_rejected' %}{{ customer_name }} rejected the time of {{ number }}{% elsif event == 'message_received' %}Message from {{ contact_name }} ({{ customer_name }}): {{ number }}{% elsif event == 'comment_added' %}{{ contact_name }} ({{ customer_name }}) commented on {{ document_kind }} {{ number }}{% elsif event == 'sales_order_viewed' %}{{ customer_name }} opened sales order {{ number }}{% elsif event == 'payment_failed' %}Payment of {{ amount_minor | money: currency }} from {{ customer_name }} failed{% elsif event == 'payment_disputed' %}{{ customer_name }} disputed a payment of {{ amount_minor | money: currency }}{% elsif event == 'payment_mismatch' %}Payment from {{ customer_name }} not recorded: the amount does not match{% elsif event == 'payment_unapplied' %}{{ customer_name }} holds {{ amount_minor | money: currency }} of credit from receipt {{ number }}{% elsif event == 'refund_failed' %}The provider refused the refund of {{ amount_minor | money: currency }} to {{ customer_name }}{% elsif event == 'refund_unconfirmed' %}Refund of {{ amount_minor | money: currency }} to {{ customer_name }} unconfirmed{% elsif event == 'appointment_booked' %}{{ contact_name }} ({{ customer_name }}) booked an appointment: {{ number }}{% elsif event == 'appointment_cancelled' %}Appointment with {{ customer_name }} cancelled: {{ number }}{% elsif event == 'review_written' %}{{ contact_name }} ({{ customer_name }}) {% if edited %}edited their review{% else %}wrote a review{% endif %}: {{ rating }} of 5 stars{% else %}{{ customer_name }} updated their details{% endif %}",
      body: `Hello,

{% if event == 'invoice_viewed' %}{{ customer_name }} opened invoice {{ number }} in the portal for the first time.{% elsif event == 'payment_received' %}{{ customer_name }} paid {{ amount_minor | money: currency }} towards invoice {{ number }}.{% elsif event == 'quote_viewed' %}{{ customer_name }} opened quote {{ number }} in the portal for the first time.{% elsif event == 'quote_accepted' %}{{ customer_name }} accepted quote {{ number }}.{% elsif event == 'quote_declined' %}{{ customer_name }} declined quote {{ number }}.{% elsif event == 'timesheet_approved' %}{{ contact_name }} ({{ customer_name }}) approved the time of {{ number }} in the portal.{% elsif event == 'timesheet_rejected' %}{{ contact_name }} ({{ customer_name }}) rejected the time of {{ number }} in the portal. Reason:

“{{ reason }}”{% elsif event == 'sales_order_viewed' %}{{ customer_name }} opened sales order {{ number }} in the portal for the first time.{% elsif event == 'message_received' %}{{ contact_name }} ({{ customer_name }}) wrote to you about “{{ number }}”:

“{{ excerpt }}”{% elsif event == 'comment_added' %}{{ contact_name }} ({{ customer_name }}) wrote a comment on {{ document_kind }} {{ number }}:

“{{ excerpt }}”{% elsif event == 'payment_failed' %}The payment of {{ amount_minor | money: currency }} from {{ customer_name }} for {{ number }} failed{% if reason != '' %}: {{ reason }} (code {{ code }}). The invoice is still open; the customer may try again.{% else %}{% if code != '' %} (code {{ code }}){% endif %}: the invoice is open again.{% endif %}{% elsif event == 'payment_disputed' %}{{ customer_name }} disputed a payment of {{ amount_minor | money: currency }} ({{ number }}) at the provider{% if reason != '' %}; reason: {{ reason }}{% endif %}. Answer the dispute at the provider.{% elsif event == 'payment_mismatch' %}The provider reports a payment of {{ amount_minor | money: currency }} from {{ customer_name }} for {{ number }}, but {{ expected_minor | money: expected_currency }} was asked: it is not recorded. Check it at the provider (reference {{ reference }}) and record or refund the payment.{% elsif event == 'payment_unapplied' %}{{ customer_name }} paid online for invoices already paid meanwhile: {{ amount_minor | money: currency }} of receipt {{ number }} is held as their credit. Apply it to another invoice or refund it.{% elsif event == 'refund_failed' %}The provider refused the refund of {{ amount_minor | money: currency }} to {{ customer_name }} ({{ number }}){% if code != '' %}, code {{ code }}{% endif %}: nothing was refunded.{% elsif event == 'refund_unconfirmed' %}The provider did not answer the refund of {{ amount_minor | money: currency }} to {{ customer_name }} ({{ number }}): it is not recorded here. Check the payment at the provider; refunding the same amount again is safe.{% elsif event == 'appointment_booked' %}{{ contact_name }} ({{ customer_name }}) booked an appointment in the portal for {{ number }}.{% elsif event == 'appointment_cancelled' %}The appointment of {{ contact_name }} ({{ customer_name }}) on {{ number }} was cancelled.{% if reason != '' %} Reason: “{{ reason }}”{% endif %}{% elsif event == 'review_written' %}{{ contact_name }} ({{ customer_name }}) {% if edited %}edited their review{% else %}wrote a review{% endif %} in the portal: {{ rating }} of 5 stars.{% if excerpt != '' %}

“{{ excerpt }}”{% endif %}{% else %}{{ contact_name }} ({{ customer_name }}) changed their details in the portal: {{ fields }}.{% endif %}

{{ button }}

You can choose which notices you get by email in Settings › Notifications.`,
      button: "Open in Portico",
    },
  },
  /** `kind` is invoice, retainer or credit_note (one template: the three share sending, A8/A9). */
  invoice_sent: {
    es: {
      subject:
        "{% if kind == 'credit_note' %}Factura rectificativa{% elsif kind == 'retainer' %}Factura de anticipo{% else %}Factura{% endif %} {{ number }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

{% if kind == 'credit_note' %}{{ org_name }} te ha enviado la factura rectificativa {{ number }} por {{ total_minor | money: currency }}: es un saldo a tu favor.{% else %}{{ org_name }} te ha enviado la factura{% if kind == 'retainer' %} de anticipo{% endif %} {{ number }} por {{ total_minor | money: currency }}{% if due_date %}, con vencimiento el {{ due_date | date_long }}{% endif %}.{% endif %}

{% if has_link %}Puedes verla{% if kind != 'credit_note' %}, descargarla y pagarla{% else %} y descargarla{% endif %} en tu portal:

{{ button }}
{% endif %}{% if has_attachment %}Adjuntamos la factura en PDF.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver factura",
    },
    en: {
      subject:
        "{% if kind == 'credit_note' %}Credit note{% elsif kind == 'retainer' %}Retainer invoice{% else %}Invoice{% endif %} {{ number }} from {{ org_name }}",
      body: `Hello {{ contact_name }},

{% if kind == 'credit_note' %}{{ org_name }} has sent you credit note {{ number }} for {{ total_minor | money: currency }}: credit in your favour.{% else %}{{ org_name }} has sent you {% if kind == 'retainer' %}retainer invoice{% else %}invoice{% endif %} {{ number }} for {{ total_minor | money: currency }}{% if due_date %}, due on {{ due_date | date_long }}{% endif %}.{% endif %}

{% if has_link %}You can view{% if kind != 'credit_note' %}, download and pay it{% else %} and download it{% endif %} in your portal:

{{ button }}
{% endif %}{% if has_attachment %}The {% if kind == 'credit_note' %}credit note{% else %}invoice{% endif %} is attached as a PDF.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "View invoice",
    },
  },
  /** Issue 15 §2: a recurring invoice's automatic charge did not go through; `reason` picks the sentence. */
  auto_charge_failed: {
    es: {
      subject: "No hemos podido cobrar la factura {{ number }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

Hemos intentado cobrar {{ due_minor | money: currency }} de la factura {{ number }} con tu método de pago guardado, pero {% if reason == 'authentication_required' %}tu banco pide que confirmes el pago tú mismo (autenticación 3-D Secure){% elsif reason == 'declined' %}la tarjeta ha sido rechazada{% elsif reason == 'no_method' %}no tienes ningún método de pago guardado{% else %}el proveedor de pagos no ha respondido{% endif %}. No se ha cobrado nada.

{% if has_link %}Puedes pagarla en tu portal:

{{ button }}
{% endif %}{% if has_attachment %}Adjuntamos la factura en PDF.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Pagar factura",
    },
    en: {
      subject: "We could not charge invoice {{ number }} from {{ org_name }}",
      body: `Hello {{ contact_name }},

We tried to charge {{ due_minor | money: currency }} for invoice {{ number }} to your saved payment method, but {% if reason == 'authentication_required' %}your bank asks you to confirm the payment yourself (3-D Secure authentication){% elsif reason == 'declined' %}the card was declined{% elsif reason == 'no_method' %}you have no saved payment method{% else %}the payment provider did not answer{% endif %}. Nothing was charged.

{% if has_link %}You can pay it in your portal:

{{ button }}
{% endif %}{% if has_attachment %}The invoice is attached as a PDF.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "Pay invoice",
    },
  },
  invitation: {
    es: {
      subject: "{{ org_name }} te invita a su portal de clientes",
      body: `Hola {{ contact_name }}:

{{ org_name }} te ha dado acceso a su portal de clientes, donde puedes ver, descargar y pagar sus facturas.

Dirección del portal: {{ portal_url }}
Usuario: {{ user_name }}

Acepta la invitación para elegir tu contraseña (el enlace caduca en 7 días y solo se puede usar una vez):

{{ button }}

Si no esperabas este mensaje, puedes ignorarlo.

{{ org_name }}`,
      button: "Aceptar invitación",
    },
    en: {
      subject: "{{ org_name }} invites you to its customer portal",
      body: `Hello {{ contact_name }},

{{ org_name }} has given you access to its customer portal, where you can view, download and pay its invoices.

Portal address: {{ portal_url }}
User name: {{ user_name }}

Accept the invitation to choose your password (the link expires in 7 days and works once):

{{ button }}

If you were not expecting this email, you can ignore it.

{{ org_name }}`,
      button: "Accept invitation",
    },
  },
  password_reset: {
    es: {
      subject: "Restablece tu contraseña del portal de {{ org_name }}",
      body: `Hola {{ contact_name }}:

Alguien (esperamos que tú) ha pedido restablecer la contraseña de tu acceso al portal de {{ org_name }}.

Elige una contraseña nueva con este enlace; caduca en 30 minutos y solo se puede usar una vez:

{{ button }}

Si no lo has pedido tú, ignora este mensaje: tu contraseña no cambiará.

{{ org_name }}`,
      button: "Elegir contraseña nueva",
    },
    en: {
      subject: "Reset your password for the {{ org_name }} portal",
      body: `Hello {{ contact_name }},

Someone (hopefully you) asked to reset the password of your access to the {{ org_name }} portal.

Choose a new password with this link; it expires in 30 minutes and works once:

{{ button }}

If you did not ask for this, ignore this email: your password will not change.

{{ org_name }}`,
      button: "Choose a new password",
    },
  },
  password_changed: {
    es: {
      subject: "Tu contraseña del portal de {{ org_name }} ha cambiado",
      body: `Hola {{ contact_name }}:

La contraseña de tu acceso al portal de {{ org_name }} se ha cambiado y se han cerrado tus otras sesiones.

Si no has sido tú, pide una contraseña nueva desde «¿Has olvidado tu contraseña?» en la página de acceso y avisa a {{ org_name }}:

{{ button }}

{{ org_name }}`,
      button: "Ir al portal",
    },
    en: {
      subject: "Your password for the {{ org_name }} portal was changed",
      body: `Hello {{ contact_name }},

The password of your access to the {{ org_name }} portal was changed, and your other sessions were signed out.

If this was not you, ask for a new password with "Forgot password?" on the sign-in page and let {{ org_name }} know:

{{ button }}

{{ org_name }}`,
      button: "Go to the portal",
    },
  },
  /** Decision 016: a staff member's own back-office password (not a contact's portal access). */
  /** Issue 12 §3: a colleague is invited to the organisation's team; 7 days, single use. */
  team_invitation: {
    es: {
      subject: "{{ inviter_name }} te invita al equipo de {{ org_name }} en Portico",
      body: `Hola:

{{ inviter_name }} te invita a unirte al equipo de {{ org_name }} en Portico como {% if role == 'owner' %}propietario{% elsif role == 'admin' %}administrador{% else %}personal{% endif %}.

Acepta la invitación con este enlace; caduca en 7 días y solo se puede usar una vez:

{{ button }}

Si no esperabas esta invitación, ignora este mensaje.`,
      button: "Aceptar la invitación",
    },
    en: {
      subject: "{{ inviter_name }} invites you to the {{ org_name }} team on Portico",
      body: `Hello,

{{ inviter_name }} invites you to join the {{ org_name }} team on Portico as {% if role == 'owner' %}an owner{% elsif role == 'admin' %}an admin{% else %}staff{% endif %}.

Accept the invitation with this link; it expires in 7 days and works once:

{{ button }}

If you did not expect this invitation, ignore this email.`,
      button: "Accept the invitation",
    },
  },
  staff_password_reset: {
    es: {
      subject: "Restablece tu contraseña de Portico",
      body: `Hola {{ user_name }}:

Alguien (esperamos que tú) ha pedido restablecer la contraseña con la que entras en Portico ({{ org_name }}).

Elige una contraseña nueva con este enlace; caduca en 30 minutos y solo se puede usar una vez:

{{ button }}

Si no lo has pedido tú, ignora este mensaje: tu contraseña no cambiará.`,
      button: "Elegir contraseña nueva",
    },
    en: {
      subject: "Reset your Portico password",
      body: `Hello {{ user_name }},

Someone (hopefully you) asked to reset the password you use to sign in to Portico ({{ org_name }}).

Choose a new password with this link; it expires in 30 minutes and works once:

{{ button }}

If you did not ask for this, ignore this email: your password will not change.`,
      button: "Choose a new password",
    },
  },
  staff_password_changed: {
    es: {
      subject: "Tu contraseña de Portico ha cambiado",
      body: `Hola {{ user_name }}:

La contraseña con la que entras en Portico ({{ org_name }}) se ha cambiado y se han cerrado tus otras sesiones.

Si no has sido tú, pide una contraseña nueva desde «¿Has olvidado tu contraseña?» en la página de acceso:

{{ button }}`,
      button: "Ir a Portico",
    },
    en: {
      subject: "Your Portico password was changed",
      body: `Hello {{ user_name }},

The password you use to sign in to Portico ({{ org_name }}) was changed, and your other sessions were signed out.

If this was not you, ask for a new password with "Forgot your password?" on the sign-in page:

{{ button }}`,
      button: "Go to Portico",
    },
  },
  quote_sent: {
    es: {
      subject: "Presupuesto {{ number }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

{{ org_name }} te ha enviado el presupuesto {{ number }} por {{ total_minor | money: currency }}{% if expiry_date %}, válido hasta el {{ expiry_date | date_long }}{% endif %}.

{% if has_link %}Puedes verlo, descargarlo y aceptarlo o rechazarlo en tu portal:

{{ button }}
{% endif %}{% if has_attachment %}Adjuntamos el presupuesto en PDF.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver presupuesto",
    },
    en: {
      subject: "Quote {{ number }} from {{ org_name }}",
      body: `Hello {{ contact_name }},

{{ org_name }} has sent you quote {{ number }} for {{ total_minor | money: currency }}{% if expiry_date %}, valid until {{ expiry_date | date_long }}{% endif %}.

{% if has_link %}You can view, download and accept or decline it in your portal:

{{ button }}
{% endif %}{% if has_attachment %}The quote is attached as a PDF.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "View quote",
    },
  },
  /**
   * E14: a contact forwarded a document; `document_label` is e.g. "la factura F2026-0001". The subject
   * names only the organisation and the document: the names come from contacts, and a subject in the
   * organisation's name is what a reader (and a spam filter) trusts.
   */
  document_shared: {
    es: {
      subject: "Te han compartido {{ document_label }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

{{ sharer_name }} ha compartido contigo {{ document_label }} de {{ org_name }}.

{% if has_link %}Puedes verlo en el portal de {{ org_name }}:

{{ button }}
{% else %}Pide acceso al portal a {{ org_name }} para verlo.
{% endif %}
{{ org_name }}`,
      button: "Abrir documento",
    },
    en: {
      subject: "{{ org_name }}: {{ document_label }} shared with you",
      body: `Hello {{ contact_name }},

{{ sharer_name }} shared {{ document_label }} from {{ org_name }} with you.

{% if has_link %}You can see it in {{ org_name }}'s portal:

{{ button }}
{% else %}Ask {{ org_name }} for access to their portal to see it.
{% endif %}
{{ org_name }}`,
      button: "Open document",
    },
  },
  sales_order_sent: {
    es: {
      subject: "Pedido de venta {{ number }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

{{ org_name }} ha confirmado el pedido de venta {{ number }} por {{ total_minor | money: currency }}{% if reference %} (su referencia {{ reference }}){% endif %}{% if delivery_date %}, con entrega prevista el {{ delivery_date | date_long }}{% endif %}.

{% if has_link %}Puedes verlo, descargarlo y seguir sus facturas en tu portal:

{{ button }}
{% endif %}{% if has_attachment %}Adjuntamos el pedido en PDF.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver pedido",
    },
    en: {
      subject: "Sales order {{ number }} from {{ org_name }}",
      body: `Hello {{ contact_name }},

{{ org_name }} has confirmed sales order {{ number }} for {{ total_minor | money: currency }}{% if reference %} (your reference {{ reference }}){% endif %}{% if delivery_date %}, for delivery on {{ delivery_date | date_long }}{% endif %}.

{% if has_link %}You can view and download it, and follow its invoices, in your portal:

{{ button }}
{% endif %}{% if has_attachment %}The sales order is attached as a PDF.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "View sales order",
    },
  },
  payment_receipt: {
    es: {
      subject: "Recibo de tu pago de {{ amount_minor | money: currency }} a {{ org_name }}",
      body: `Hola {{ contact_name }}:

Hemos recibido tu pago de {{ amount_minor | money: currency }} para {% if number contains ',' %}las facturas{% else %}la factura{% endif %} {{ number }}. Importe pendiente: {{ due_minor | money: currency }}.

Recibo {{ receipt_number }} · referencia del pago: {{ reference }}

{{ button }}

Gracias,
{{ org_name }}`,
      button: "Ver recibo",
    },
    en: {
      subject: "Receipt for your payment of {{ amount_minor | money: currency }} to {{ org_name }}",
      body: `Hello {{ contact_name }},

We have received your payment of {{ amount_minor | money: currency }} for {% if number contains ',' %}invoices{% else %}invoice{% endif %} {{ number }}. Amount still due: {{ due_minor | money: currency }}.

Receipt {{ receipt_number }} · payment reference: {{ reference }}

{{ button }}

Thank you,
{{ org_name }}`,
      button: "View receipt",
    },
  },
  /** Issue 15 §5: a project's time waits for the customer's approval (decision 040). */
  timesheet_submitted: {
    es: {
      subject: "{{ org_name }} te pide aprobar las horas de {{ project_name }}",
      body: `Hola {{ contact_name }}:

{{ org_name }} te envía para aprobar {{ hours }} h registradas en el proyecto {{ project_name }} del {{ period_from | date_long }} al {{ period_to | date_long }}.

{% if has_link %}Puedes revisarlas por día y por tarea, aprobarlas o rechazarlas indicando el motivo en tu portal:

{{ button }}
{% else %}Responde a este email para aprobarlas o decirnos qué hay que corregir.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Revisar las horas",
    },
    en: {
      subject: "{{ org_name }} asks you to approve the time of {{ project_name }}",
      body: `Hello {{ contact_name }},

{{ org_name }} sends you {{ hours }} h logged on project {{ project_name }} from {{ period_from | date_long }} to {{ period_to | date_long }} for your approval.

{% if has_link %}You can review it by day and by task, approve it, or reject it with a reason in your portal:

{{ button }}
{% else %}Reply to this email to approve it or to tell us what needs fixing.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "Review the time",
    },
  },
  appointment_booked: {
    es: {
      subject: "Cita con {{ org_name }} el {{ when }}",
      body: `Hola {{ contact_name }}:

Tu cita con {{ org_name }} está reservada para el {{ when }} ({{ zone }}), {{ minutes }} minutos.
{% if note != '' %}
Tu nota: «{{ note }}»
{% endif %}
Adjuntamos la invitación (.ics) para tu calendario.

{% if has_link %}Puedes cambiarla o cancelarla en tu portal:

{{ button }}
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver mis citas",
    },
    en: {
      subject: "Appointment with {{ org_name }} on {{ when }}",
      body: `Hello {{ contact_name }},

Your appointment with {{ org_name }} is booked for {{ when }} ({{ zone }}), {{ minutes }} minutes.
{% if note != '' %}
Your note: “{{ note }}”
{% endif %}
The invitation (.ics) for your calendar is attached.

{% if has_link %}You can change or cancel it in your portal:

{{ button }}
{% endif %}
Thank you,
{{ org_name }}`,
      button: "See my appointments",
    },
  },
  appointment_rescheduled: {
    es: {
      subject: "Tu cita con {{ org_name }} ha cambiado: {{ when }}",
      body: `Hola {{ contact_name }}:

Tu cita con {{ org_name }} es ahora el {{ when }} ({{ zone }}), {{ minutes }} minutos; antes era el {{ previous }}.

Adjuntamos la invitación actualizada (.ics): tu calendario moverá la cita.

{% if has_link %}{{ button }}
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver mis citas",
    },
    en: {
      subject: "Your appointment with {{ org_name }} has moved: {{ when }}",
      body: `Hello {{ contact_name }},

Your appointment with {{ org_name }} is now on {{ when }} ({{ zone }}), {{ minutes }} minutes; it was on {{ previous }}.

The updated invitation (.ics) is attached: your calendar will move the appointment.

{% if has_link %}{{ button }}
{% endif %}
Thank you,
{{ org_name }}`,
      button: "See my appointments",
    },
  },
  appointment_cancelled: {
    es: {
      subject: "Cita cancelada: {{ when }} con {{ org_name }}",
      body: `Hola {{ contact_name }}:

{% if by_staff %}{{ org_name }} ha cancelado{% else %}Has cancelado{% endif %} la cita del {{ when }} ({{ zone }}).{% if reason != '' %} Motivo: «{{ reason }}»{% endif %}

Adjuntamos la cancelación (.ics): tu calendario quitará la cita.

{% if has_link %}Puedes reservar otra hora en tu portal:

{{ button }}
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Reservar otra cita",
    },
    en: {
      subject: "Appointment cancelled: {{ when }} with {{ org_name }}",
      body: `Hello {{ contact_name }},

{% if by_staff %}{{ org_name }} cancelled{% else %}You cancelled{% endif %} the appointment on {{ when }} ({{ zone }}).{% if reason != '' %} Reason: “{{ reason }}”{% endif %}

The cancellation (.ics) is attached: your calendar will remove the appointment.

{% if has_link %}You can book another time in your portal:

{{ button }}
{% endif %}
Thank you,
{{ org_name }}`,
      button: "Book another time",
    },
  },
  /** E10 (decision 043): staff wrote to the customer; each contact with portal access hears of it. */
  message_reply: {
    es: {
      subject: "{{ org_name }}: nuevo mensaje sobre «{{ subject }}»",
      body: `Hola {{ contact_name }}:

{{ author_name }} de {{ org_name }} te ha escrito sobre «{{ subject }}»:

«{{ excerpt }}»

{% if has_link %}Puedes leer la conversación completa y responder en tu portal:

{{ button }}
{% else %}Responde a este email para contestar.
{% endif %}
{{ org_name }}`,
      button: "Leer y responder",
    },
    en: {
      subject: "{{ org_name }}: new message about “{{ subject }}”",
      body: `Hello {{ contact_name }},

{{ author_name }} from {{ org_name }} wrote to you about “{{ subject }}”:

“{{ excerpt }}”

{% if has_link %}You can read the whole conversation and answer in your portal:

{{ button }}
{% else %}Reply to this email to answer.
{% endif %}
{{ org_name }}`,
      button: "Read and reply",
    },
  },
};

/**
 * Issue 10: dates and amounts are formatted in one place, by filters bound to the email's language, so
 * the values handed to a template stay raw (`"2027-01-05"`, minor units) and no template shows them so:
 * `{{ due_date | date_long }}` → "5 de enero de 2027" / "5 January 2027",
 * `{{ total_minor | money: currency }}` → "12.345,60 €" / "€12,345.60".
 */
function engine(lang: Lang, html: boolean, staff = false): Liquid {
  const liquid = new Liquid({
    strictVariables: staff,
    ...(html ? { outputEscape: "escape" as const } : {}),
    // No engine has a file system (issue 16 §5): `include`, `render` and `layout` find nothing, so no
    // template, built-in or staff-written, can read a file under the server's working directory.
    templates: {},
    dynamicPartials: false,
    // Staff-edited text (DESIGN.md): unknown names and filters are errors, and parsing and rendering are
    // bounded, so a template cannot hang the task that renders it.
    ...(staff
      ? {
          strictFilters: true,
          parseLimit: 50_000,
          renderLimit: 1_000,
          memoryLimit: 1_000_000,
        }
      : {}),
  });
  liquid.registerFilter("date_long", (value: unknown) =>
    typeof value === "string" ? formatLongDate(value, lang) : "",
  );
  liquid.registerFilter("money", (value: unknown, currency: unknown) =>
    typeof value === "number" && Number.isSafeInteger(value) && typeof currency === "string"
      ? formatEmailMoney(value, currency, lang)
      : "",
  );
  return liquid;
}
type Engines = Record<Lang, { text: Liquid; html: Liquid }>;
const engines: Engines = {
  es: { text: engine("es", false), html: engine("es", true) },
  en: { text: engine("en", false), html: engine("en", true) },
};
const staffEngines: Engines = {
  es: { text: engine("es", false, true), html: engine("es", true, true) },
  en: { text: engine("en", false, true), html: engine("en", true, true) },
};

/** The built-in (non-staff) text engine of a language: for the tests that prove it has no file system. */
export const builtInEngine = (lang: Lang): Liquid => engines[lang].text;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type Vars = Record<string, string | number | boolean | null>;
export type RenderOptions = { buttonUrl?: string | null; brandColor?: string };

/** The built-in text of one kind (the default of an editable template, decision 046). */
export function builtInTemplate(kind: EmailKind, lang: Lang): Template {
  return templates[kind][lang];
}

export function renderEmail(kind: EmailKind, lang: Lang, vars: Vars, opts: RenderOptions = {}) {
  return renderTemplate(engines, templates[kind][lang], lang, vars, opts);
}

/**
 * A template staff wrote (payment reminders): the strict engine, so a variable or filter that does not
 * exist is an error, never an empty gap in a customer's email. Check it on save with `checkStaffTemplate`.
 */
export function renderStaffTemplate(t: Template, lang: Lang, vars: Vars, opts: RenderOptions = {}) {
  return renderTemplate(staffEngines, t, lang, vars, opts, { escapeWholeBody: true });
}

/**
 * Parses a staff template and renders it once with `sampleVars` (every variable it may use): null when it
 * is fine, else the engine's first line of complaint (unknown variable or filter, unclosed tag…).
 */
export async function checkStaffTemplate(text: string, lang: Lang, sampleVars: Vars): Promise<string | null> {
  try {
    await staffEngines[lang].html.parseAndRender(text, sampleVars);
    await staffEngines[lang].text.parseAndRender(text, sampleVars);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split("\n")[0]?.slice(0, 200) || "invalid template";
  }
}

/**
 * The variables a staff template reads from outside (not its own `assign`/`for` names), each with the
 * line it is first used on: checked against a kind's catalogue on save, branches that sample values do
 * not reach included (decision 046). Throws the engine's error on a template that does not parse.
 */
export async function staffTemplateGlobals(
  text: string,
  lang: Lang,
): Promise<{ name: string; line: number }[]> {
  const analysis = await staffEngines[lang].text.parseAndAnalyze(text);
  return Object.entries(analysis.globals).map(([name, uses]) => ({
    name,
    line: uses[0]?.location.row ?? 1,
  }));
}

async function renderTemplate(
  engines: Engines,
  t: Template,
  lang: Lang,
  vars: Vars,
  opts: RenderOptions,
  /**
   * Staff-written text is text, not markup: the whole rendered body is escaped for the HTML part (what
   * staff typed outside `{{ }}` too, and a `raw` filter cannot get past it). Built-in templates hold no
   * markup; their values are escaped by the engine.
   */
  how: { escapeWholeBody?: boolean } = {},
): Promise<RenderedEmail> {
  const subject = (await engines[lang].text.parseAndRender(t.subject, vars)).replace(/[\r\n]+/g, " ").trim();
  const buttonText = opts.buttonUrl && t.button ? `${t.button}: ${opts.buttonUrl}` : "";
  const text = (await engines[lang].text.parseAndRender(t.body, { ...vars, button: buttonText }))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const marker = "\u0000BUTTON\u0000";
  const htmlBody: string = how.escapeWholeBody
    ? escapeHtml(await engines[lang].text.parseAndRender(t.body, { ...vars, button: marker }))
    : await engines[lang].html.parseAndRender(t.body, { ...vars, button: marker });
  const color = /^#[0-9a-f]{6}$/i.test(opts.brandColor ?? "") ? opts.brandColor : "#1c7ed6";
  const button =
    opts.buttonUrl && t.button
      ? `<a href="${escapeHtml(opts.buttonUrl)}" style="display:inline-block;padding:12px 20px;background:${color};color:#fff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(t.button)}</a>`
      : "";
  const paragraphs = htmlBody
    .split(/\n{2,}/)
    .map((p: string) => p.trim())
    .filter(Boolean)
    .map((p: string) =>
      p === marker ? `<p>${button}</p>` : `<p>${p.replaceAll(marker, button).replace(/\n/g, "<br>")}</p>`,
    )
    .join("\n");
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2933;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
${paragraphs}
</div></body></html>`;
  return { subject, text, html };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
