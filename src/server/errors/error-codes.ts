/**
 * The one table of error codes. `code` is stable for the web apps and API clients; `message` is safe to
 * show to whoever made the request (a contact or staff); `cause` and `remedy` are for the organisation
 * (FEATURES.md F4). Add a code here, never an ad-hoc string elsewhere.
 */
export interface ErrorDef {
  status: number;
  message: { en: string; es: string };
  cause?: string;
  remedy?: string;
}

const def = (status: number, en: string, es: string, cause?: string, remedy?: string): ErrorDef => ({
  status,
  message: { en, es },
  cause,
  remedy,
});

export const errorCodes = {
  VALIDATION_FAILED: def(400, "Some fields are not valid.", "Algunos campos no son válidos."),
  BAD_REQUEST: def(400, "The request could not be understood.", "No se ha podido entender la petición."),
  CURSOR_INVALID: def(
    400,
    "This page of the list is no longer valid; start again from the first page.",
    "Esta página de la lista ya no es válida; vuelve a empezar desde la primera.",
  ),
  PERIOD_INVALID: def(
    400,
    "Choose a period of at most 60 months whose start is not after its end.",
    "Elige un periodo de 60 meses como máximo cuyo inicio no sea posterior a su final.",
  ),
  UNAUTHENTICATED: def(401, "Please sign in to continue.", "Inicia sesión para continuar."),
  INVALID_CREDENTIALS: def(401, "Wrong email or password.", "Email o contraseña incorrectos."),
  FORBIDDEN: def(403, "You are not allowed to do this.", "No tienes permiso para hacer esto."),
  CSRF_REJECTED: def(
    403,
    "This request came from another site and was refused.",
    "Esta petición venía de otro sitio y se ha rechazado.",
  ),
  NOT_FOUND: def(404, "Not found.", "No encontrado."),
  PORTAL_DISABLED: def(
    404,
    "This portal is not available.",
    "Este portal no está disponible.",
    "The organisation turned its portal off",
    "Turn the portal on in Portal settings",
  ),
  LINK_INVALID: def(
    404,
    "This link is not valid any more. Ask the sender for a new one.",
    "Este enlace ya no es válido. Pide uno nuevo a quien te lo envió.",
  ),
  CONFLICT: def(409, "This changed meanwhile; reload and try again.", "Ha cambiado mientras tanto; recarga."),
  SLUG_TAKEN: def(409, "This portal address is already in use.", "Esta dirección de portal ya está en uso."),
  EMAIL_TAKEN: def(409, "This email is already in use.", "Este email ya está en uso."),
  INVOICE_NOT_DRAFT: def(
    409,
    "Only draft invoices can be changed; issue a credit note instead.",
    "Solo se pueden cambiar facturas en borrador; emite una factura rectificativa.",
  ),
  INVOICE_NOT_ISSUED: def(409, "Issue the invoice first.", "Emite la factura primero."),
  INVOICE_VOID: def(409, "This invoice was voided.", "Esta factura está anulada."),
  INVOICE_EMPTY: def(422, "Add at least one line.", "Añade al menos una línea."),
  INVOICE_NOT_PAYABLE: def(409, "This invoice cannot be paid now.", "Esta factura no se puede pagar ahora."),
  INVOICE_HAS_PAYMENTS: def(
    409,
    "An invoice with payments cannot be voided.",
    "No se puede anular una factura con pagos.",
  ),
  STALE_STATE: def(
    409,
    "This was changed meanwhile (perhaps the same request was sent twice); reload and check before trying again.",
    "Ha cambiado mientras tanto (quizá se envió dos veces); recarga y compruébalo antes de repetir.",
  ),
  ALLOCATION_EXCEEDS_DUE: def(
    422,
    "That is more than the invoice still owes.",
    "Es más de lo que queda por pagar de la factura.",
  ),
  ALLOCATION_EXCEEDS_AVAILABLE: def(
    422,
    "The amounts add up to more than is available to apply.",
    "Los importes suman más de lo disponible para aplicar.",
  ),
  ALLOCATION_TARGET_INVALID: def(
    422,
    "Money can only go to an issued, unpaid invoice of the same customer and currency.",
    "Solo se puede aplicar a una factura emitida y pendiente del mismo cliente y moneda.",
  ),
  REFUND_EXCEEDS_REFUNDABLE: def(
    422,
    "That is more than can be refunded.",
    "Es más de lo que se puede devolver.",
  ),
  NOT_A_CREDIT_SOURCE: def(
    409,
    "Only an issued credit note or a paid retainer invoice has credit to apply or refund.",
    "Solo una factura rectificativa emitida o un anticipo pagado tienen saldo para aplicar o devolver.",
  ),
  PARTIAL_PAYMENT_NOT_ALLOWED: def(
    422,
    "This invoice must be paid in full.",
    "Esta factura se debe pagar completa.",
  ),
  NOTHING_TO_PAY: def(409, "There is nothing to pay right now.", "No hay nada pendiente de pago."),
  ALREADY_PAID: def(
    409,
    "These invoices were paid meanwhile; nothing was charged.",
    "Estas facturas se han pagado mientras tanto; no se ha cobrado nada.",
  ),
  INVOICE_HAS_CREDIT_USED: def(
    409,
    "Credit from this document was already applied or refunded.",
    "El saldo de este documento ya se ha aplicado o devuelto.",
  ),
  STATEMENT_RANGE_REVERSED: def(
    422,
    "The start date must be on or before the end date.",
    "La fecha de inicio debe ser igual o anterior a la fecha de fin.",
  ),
  STATEMENT_RANGE_TOO_LONG: def(
    422,
    "Choose a period of at most 10 years.",
    "Elige un periodo de 10 años como máximo.",
  ),
  QUOTE_NOT_DRAFT: def(
    409,
    "Only draft quotes can be changed; revise the quote instead.",
    "Solo se pueden cambiar presupuestos en borrador; revisa el presupuesto.",
  ),
  QUOTE_EMPTY: def(422, "Add at least one line.", "Añade al menos una línea."),
  QUOTE_NOT_SENT: def(409, "This quote has not been sent yet.", "Este presupuesto aún no se ha enviado."),
  QUOTE_NOT_SENDABLE: def(
    409,
    "This quote cannot be sent again; revise it instead.",
    "Este presupuesto no se puede volver a enviar; revísalo.",
  ),
  QUOTE_EXPIRED: def(
    409,
    "This quote has expired. Ask for a new one.",
    "Este presupuesto ha caducado. Pide uno nuevo.",
  ),
  QUOTE_ALREADY_ANSWERED: def(
    409,
    "This quote has already been answered.",
    "Este presupuesto ya se ha respondido.",
  ),
  QUOTE_SUPERSEDED: def(
    409,
    "There is a newer version of this quote; open it to answer.",
    "Hay una versión más reciente de este presupuesto; ábrela para responder.",
  ),
  QUOTE_CHANGED: def(
    409,
    "The quote changed since you opened it; reload it and review it again.",
    "El presupuesto ha cambiado desde que lo abriste; recárgalo y revísalo de nuevo.",
  ),
  QUOTE_NOT_REVISABLE: def(
    409,
    "Only a sent, viewed or declined quote can be revised.",
    "Solo se puede revisar un presupuesto enviado, visto o rechazado.",
  ),
  QUOTE_REVISION_EXISTS: def(
    409,
    "A revision of this quote is already being drafted.",
    "Ya hay una revisión de este presupuesto en borrador.",
  ),
  QUOTE_NOT_ACCEPTED: def(409, "This quote has not been accepted.", "Este presupuesto no se ha aceptado."),
  QUOTE_ALREADY_INVOICED: def(
    409,
    "This quote has already been converted to an invoice.",
    "Este presupuesto ya se ha convertido en factura.",
  ),
  QUOTE_ALREADY_ORDERED: def(
    409,
    "This quote has already been converted to a sales order.",
    "Este presupuesto ya se ha convertido en pedido de venta.",
  ),
  SALES_ORDER_NOT_DRAFT: def(
    409,
    "Only draft sales orders can be changed.",
    "Solo se pueden cambiar pedidos de venta en borrador.",
  ),
  SALES_ORDER_EMPTY: def(422, "Add at least one line.", "Añade al menos una línea."),
  SALES_ORDER_NOT_CONFIRMED: def(
    409,
    "Confirm the sales order first.",
    "Confirma el pedido de venta primero.",
  ),
  SALES_ORDER_VOID: def(409, "This sales order was voided.", "Este pedido de venta está anulado."),
  SALES_ORDER_NOT_VOIDABLE: def(
    409,
    "A sales order with invoices cannot be voided; void its invoices first.",
    "No se puede anular un pedido de venta con facturas; anula antes sus facturas.",
  ),
  SALES_ORDER_NOTHING_TO_INVOICE: def(
    409,
    "Everything in this sales order has been invoiced.",
    "Todo lo de este pedido de venta ya está facturado.",
  ),
  SALES_ORDER_OVER_INVOICED: def(
    422,
    "That is more than remains to be invoiced of the line.",
    "Es más de lo que queda por facturar de la línea.",
  ),
  SIGNATURE_REQUIRED: def(422, "Sign the quote to accept it.", "Firma el presupuesto para aceptarlo."),
  SIGNATURE_INVALID: def(
    422,
    "The signature could not be read; draw it again.",
    "No se ha podido leer la firma; vuelve a dibujarla.",
  ),
  SIGNATURE_TOO_LARGE: def(
    413,
    "The signature image is too large.",
    "La imagen de la firma es demasiado grande.",
  ),
  CUSTOMER_HAS_NO_CONTACT_EMAIL: def(
    422,
    "The customer has no contact with an email address.",
    "El cliente no tiene ningún contacto con email.",
  ),
  PAYMENT_SIGNATURE_INVALID: def(
    400,
    "The payment confirmation was not genuine.",
    "La confirmación del pago no es auténtica.",
  ),
  PORTAL_MOVED: def(
    404,
    "This portal has a new address.",
    "Este portal tiene una dirección nueva.",
    "the organisation changed its portal address",
    "use the new address; old links are redirected",
  ),
  FEATURE_DISABLED: def(
    403,
    "This is not available in this portal.",
    "Esto no está disponible en este portal.",
    "the organisation turned this option off in Portal settings",
    "turn the option on in Portal settings",
  ),
  PREVIEW_READ_ONLY: def(
    403,
    "This is a preview: nothing can be changed.",
    "Esto es una vista previa: no se puede cambiar nada.",
  ),
  TOKEN_INVALID: def(
    400,
    "This link has expired or was already used. Ask for a new one.",
    "Este enlace ha caducado o ya se ha usado. Pide uno nuevo.",
  ),
  PASSWORD_TOO_SHORT: def(422, "Use at least 12 characters.", "Usa al menos 12 caracteres."),
  PASSWORD_TOO_LONG: def(422, "Use at most 128 characters.", "Usa como máximo 128 caracteres."),
  PASSWORD_BREACHED: def(
    422,
    "This password appears in lists of leaked passwords; choose another.",
    "Esta contraseña aparece en listas de contraseñas filtradas; elige otra.",
  ),
  PASSWORD_MISMATCH: def(422, "The two passwords do not match.", "Las dos contraseñas no coinciden."),
  WRONG_PASSWORD: def(422, "The current password is not right.", "La contraseña actual no es correcta."),
  CONTACT_HAS_NO_EMAIL: def(
    422,
    "This contact has no email address; add one first.",
    "Este contacto no tiene email; añade uno primero.",
  ),
  PORTAL_ACCESS_DISABLED: def(
    409,
    "Portal access is disabled for this contact; enable it first.",
    "El acceso al portal de este contacto está desactivado; actívalo primero.",
  ),
  ACCOUNT_LOCKED: def(
    429,
    "Too many failed attempts. Wait a few minutes or reset your password.",
    "Demasiados intentos fallidos. Espera unos minutos o restablece tu contraseña.",
  ),
  RATE_LIMITED: def(
    429,
    "Too many attempts; wait a moment and try again.",
    "Demasiados intentos; espera un momento.",
  ),
  INTERNAL: def(
    500,
    "Something went wrong on our side. Try again.",
    "Algo ha fallado por nuestra parte. Inténtalo de nuevo.",
  ),
  // FEATURES.md F4
  CP1003: def(
    404,
    "This portal access is no longer valid.",
    "Este acceso al portal ya no es válido.",
    "the portal is tied to a customer contact that was deleted",
    "check the contact still exists",
  ),
  CP1004: def(
    409,
    "This invoice can't be paid online right now.",
    "Esta factura no se puede pagar en línea ahora.",
    "the invoice comes from a recurring profile that was deleted",
    "check the recurring profile still exists",
  ),
  CP2001: def(
    422,
    "Taxes are not set up.",
    "Los impuestos no están configurados.",
    "no default tax set for the organisation",
    "create a default tax",
  ),
  CP3001: def(
    502,
    "The payment could not be completed.",
    "No se ha podido completar el pago.",
    "reference transactions not enabled at the merchant account",
    "enable them at the gateway",
  ),
  CP3002: def(
    502,
    "Online payment is unavailable right now.",
    "El pago en línea no está disponible ahora.",
    "gateway credentials invalid or changed",
    "re-enter the credentials",
  ),
  CP3003: def(
    402,
    "The payment was declined.",
    "El pago ha sido rechazado.",
    "declined by the gateway's fraud filters",
    "review the transaction and the filters",
  ),
  CP3004: def(
    402,
    "The billing address could not be verified.",
    "No se ha podido verificar la dirección de facturación.",
    "the gateway could not verify the billing address",
    "ask for the address fields on the payment page",
  ),
  CP3005: def(
    409,
    "A payment of this amount was just made; try again in a few minutes.",
    "Se acaba de hacer un pago de este importe; inténtalo en unos minutos.",
    "same amount and card within a few minutes of the last payment",
    "try again after a few minutes",
  ),
  CP4001: def(
    422,
    "The amount is below the minimum for online payment.",
    "El importe es inferior al mínimo para pagar en línea.",
    "amount below the gateway's minimum (discounts or credits may cause it)",
    "keep the amount above the minimum",
  ),
  CP4002: def(
    422,
    "Recurring payments are not available.",
    "Los pagos recurrentes no están disponibles.",
    "the gateway does not support recurring payments",
    "use a gateway that does",
  ),
  CP4003: def(
    422,
    "This currency cannot be paid online.",
    "Esta moneda no se puede pagar en línea.",
    "the gateway does not support the transaction's currency",
    "use a gateway that does",
  ),
  // Sharing (E14, issue 9): daily limits per customer and per organisation.
  SHARE_LIMIT_REACHED: def(
    429,
    "Too many documents were shared today; try again tomorrow.",
    "Se han compartido demasiados documentos hoy; inténtalo mañana.",
    "the customer's or the organisation's daily limit of shared documents was reached",
    "wait a day, or add the person as a contact in the back office",
  ),
  // Bad input (issue 9, part 5): Fastify's own refusals, and amounts beyond what the product keeps.
  MALFORMED_JSON: def(
    400,
    "The request body is not valid JSON.",
    "El cuerpo de la petición no es JSON válido.",
  ),
  PAYLOAD_TOO_LARGE: def(413, "The request is too large.", "La petición es demasiado grande."),
  URI_TOO_LONG: def(414, "The address is too long.", "La dirección es demasiado larga."),
  UNSUPPORTED_MEDIA_TYPE: def(
    415,
    "This kind of content is not accepted here; send JSON.",
    "Aquí no se acepta este tipo de contenido; envía JSON.",
  ),
  AMOUNT_OUT_OF_RANGE: def(
    422,
    "An amount or a total is too large.",
    "Un importe o un total es demasiado grande.",
  ),
  INVOICE_TOTAL_NEGATIVE: def(
    422,
    "An invoice cannot be issued with a negative total; issue a credit note instead.",
    "No se puede emitir una factura con total negativo; emite una factura rectificativa.",
  ),
  // Production mode, gateways and the sandbox's hosted page (issue 9).
  GATEWAY_NOT_AVAILABLE: def(
    422,
    "This payment method is not available.",
    "Este medio de pago no está disponible.",
    "the gateway is not enabled for the organisation, or this server does not run it (the sandbox runs in production only with PORTICO_DEMO=1)",
    "enable a gateway the server runs in the organisation's payment settings",
  ),
  CHECKOUT_NOT_YOURS: def(
    403,
    "This payment page belongs to another portal session. Open the invoice in the portal and pay from there.",
    "Esta página de pago pertenece a otra sesión del portal. Abre la factura en el portal y paga desde allí.",
    "the hosted checkout was opened without the portal session of the contact who started it",
    "start the payment again from the portal",
  ),
  // Document dates on issue (issue 10): issuing keeps the draft's date or refuses, never re-dates silently.
  ISSUE_DATE_BEFORE_LAST: def(
    422,
    "This date is before the last issued document of the same series; issue it dated today or change its date.",
    "Esta fecha es anterior al último documento emitido de la misma serie; emítelo con fecha de hoy o cambia su fecha.",
    "numbers and dates must both ascend within a series and year, and a later document of the series is already issued",
    "issue it dated today, or date it on or after the last issued document's date",
  ),
  ISSUE_DATE_IN_FUTURE: def(
    422,
    "This date is after today; a document cannot be issued with a future date.",
    "Esta fecha es posterior a hoy; no se puede emitir un documento con fecha futura.",
    "the draft's date is later than the organisation's today",
    "issue it dated today, or issue it on its date",
  ),
  DUE_DATE_BEFORE_ISSUE: def(
    422,
    "The due date is before the issue date; change it before issuing.",
    "La fecha de vencimiento es anterior a la de emisión; cámbiala antes de emitir.",
  ),
  // Customers and contacts (issue 10, items 2 and 3): editing and removing contacts, archiving customers.
  CONTACT_EMAIL_TAKEN: def(
    409,
    "Another contact of this customer already uses this email.",
    "Otro contacto de este cliente ya usa este email.",
    "two contacts of one customer may not share an email address",
    "use another address, or edit the other contact",
  ),
  CONTACT_LAST: def(
    409,
    "A customer needs at least one contact; add another before removing this one.",
    "Un cliente necesita al menos un contacto; añade otro antes de eliminar este.",
  ),
  CONTACT_PRIMARY_REQUIRED: def(
    409,
    "A customer always has one primary contact; make another contact primary instead.",
    "Un cliente siempre tiene un contacto principal; marca otro contacto como principal.",
  ),
  CUSTOMER_ARCHIVED: def(
    409,
    "This customer is archived; restore it first.",
    "Este cliente está archivado; restáuralo primero.",
  ),
  CUSTOMER_NOT_ARCHIVED: def(409, "This customer is not archived.", "Este cliente no está archivado."),
  // Money figures (issue 10, item 4; decision 017): a contact applying its own credit from the portal.
  NO_CREDIT_TO_APPLY: def(
    409,
    "There is no credit to apply, or no invoice to apply it to, in this currency.",
    "No hay crédito que aplicar, o ninguna factura a la que aplicarlo, en esta moneda.",
  ),
  // Issue 10 leftovers (helper "gaps"): a contact's email is unique in the organisation (portal sign-in).
  CONTACT_EMAIL_IN_USE: def(
    409,
    "A contact of another customer already uses this email.",
    "Un contacto de otro cliente ya usa este email.",
    "the portal signs contacts in by email, so each address belongs to one contact of the organisation",
    "use another address, or edit or remove the other customer's contact",
  ),
  // API keys (issue 12, section 4; FEATURES G5).
  API_KEY_INVALID: def(
    401,
    "This API key is not valid: it is unknown, revoked or expired.",
    "Esta clave de API no es válida: no existe, está revocada o ha caducado.",
    "the key was revoked, passed its expiry, or was mistyped",
    "create a new key in Settings → API keys",
  ),
  API_KEY_READ_ONLY: def(
    403,
    "This API key can only read; use a read-write key to make changes.",
    "Esta clave de API solo puede leer; usa una clave de lectura y escritura para hacer cambios.",
  ),
  API_KEY_NOT_ALLOWED: def(
    403,
    "An API key cannot do this; sign in as a person instead.",
    "Una clave de API no puede hacer esto; inicia sesión como persona.",
    "API keys cannot manage API keys or a person's account, so a stolen key cannot mint more",
  ),
  API_KEY_EXPIRY_PAST: def(422, "Choose an expiry in the future.", "Elige una caducidad en el futuro."),
  // Sign-up and several organisations per person (issue 12, section 1).
  SIGNUP_CLOSED: def(
    403,
    "Sign-up is closed on this server; ask its operator for an organisation.",
    "El registro está cerrado en este servidor; pide una organización a quien lo administra.",
    "the server runs with SIGNUP=closed",
    "create organisations with npm run org:create",
  ),
  SIGNUP_EMAIL_HAS_ACCOUNT: def(
    409,
    "This email already has an account: sign in and add an organisation from the header.",
    "Este email ya tiene una cuenta: inicia sesión y añade una organización desde la cabecera.",
    "a new organisation is never given to an existing person without their password",
    'sign in, then use "Add an organisation" in the header',
  ),
  SLUG_RESERVED: def(
    409,
    "This portal address is reserved; choose another.",
    "Esta dirección de portal está reservada; elige otra.",
  ),
  // The team and its roles (issue 12 §3): one staff policy, modules/team/staff-policy.ts.
  FORBIDDEN_ROLE: def(
    403,
    "Your role in this organisation does not allow this.",
    "Tu rol en esta organización no permite hacer esto.",
    "the staff policy gives this action to owners (or owners and admins) only",
    "ask an owner or an admin of the organisation",
  ),
  TEAM_LAST_OWNER: def(
    409,
    "The organisation needs at least one active owner.",
    "La organización necesita al menos un propietario activo.",
  ),
  TEAM_ALREADY_MEMBER: def(
    409,
    "This person is already a member of the organisation.",
    "Esta persona ya es miembro de la organización.",
  ),
  TOTP_REQUIRED: def(
    401,
    "Enter the code of your authenticator app.",
    "Introduce el código de tu aplicación de autenticación.",
  ),
  TOTP_INVALID: def(
    401,
    "That code is not right, or it has already been used.",
    "Ese código no es correcto o ya se ha usado.",
  ),
  TWO_FACTOR_SETUP_REQUIRED: def(
    403,
    "Your organisation requires two-factor sign-in: set it up in your account first.",
    "Tu organización exige el acceso en dos pasos: actívalo primero en tu cuenta.",
  ),
  ORGANISATION_SLUG_MISMATCH: def(
    422,
    "Type the organisation's portal address (its slug) exactly to delete it.",
    "Escribe exactamente la dirección del portal (el slug) de la organización para eliminarla.",
  ),
  /** Setting up two-factor while signed in: a wrong code is a form error, not a 401 that would sign out. */
  TOTP_CODE_WRONG: def(
    422,
    "That code is not right. Type the 6 digits your authenticator app shows now.",
    "Ese código no es correcto. Escribe las 6 cifras que muestra ahora tu aplicación de autenticación.",
  ),
  // Payment gateways (issue 13): the core every provider plugs into.
  GATEWAY_UNAVAILABLE: def(
    503,
    "The payment provider did not answer; nothing was charged. Try again in a few minutes.",
    "El proveedor de pagos no ha respondido; no se ha cobrado nada. Inténtalo de nuevo en unos minutos.",
    "the provider timed out, refused the connection or answered an unexpected error",
    "try again; if it lasts, check the provider's status page and Settings → Payments → Test the connection",
  ),
  GATEWAY_CREDENTIALS_MISSING: def(
    422,
    "This payment method is not set up yet.",
    "Este medio de pago aún no está configurado.",
    "no credentials are stored for this provider (or they no longer decrypt with the server's keys)",
    "enter the provider's credentials in Settings → Payments",
  ),
  REFUND_FAILED: def(
    502,
    "The payment provider refused the refund; nothing was refunded.",
    "El proveedor de pagos ha rechazado la devolución; no se ha devuelto nada.",
    "the provider answered the refund with a failure (see the notification for its code)",
    "check the payment at the provider, then try again or refund by hand",
  ),
  IMPORT_FILE_TOO_LARGE: def(
    413,
    "The file is too large to import (at most 8 MB).",
    "El archivo es demasiado grande para importarlo (8 MB como máximo).",
  ),
  IMPORT_TOO_MANY_ROWS: def(
    413,
    "The file has too many rows (at most 20,000); split it and import each part.",
    "El archivo tiene demasiadas filas (20.000 como máximo); divídelo e importa cada parte.",
  ),
  IMPORT_EMPTY: def(
    422,
    "The file has no rows under its header.",
    "El archivo no tiene filas bajo la cabecera.",
  ),
  IMPORT_UNREADABLE: def(
    422,
    "The file could not be read as CSV (check its quotes).",
    "No se ha podido leer el archivo como CSV (revisa sus comillas).",
  ),
  IMPORT_HAS_PROBLEMS: def(
    422,
    "Some rows have problems: nothing was imported. Correct them and import the file again.",
    "Algunas filas tienen problemas: no se ha importado nada. Corrígelas e importa el archivo de nuevo.",
  ),
  // Stripe (issue 13): a request the provider refused that is no CP code of F4.
  GATEWAY_REQUEST_REFUSED: def(
    502,
    "The payment provider refused this payment; nothing was charged.",
    "El proveedor de pagos ha rechazado este pago; no se ha cobrado nada.",
    "the provider refused Portico's request (for example a payment method not activated in its dashboard)",
    "check the payment methods activated in the provider's dashboard, then try again",
  ),
  // Projects and time (issue 15 §4, decision 039).
  PROJECT_NOT_ACTIVE: def(
    409,
    "This project is completed or archived: it takes no new time. Reopen it first.",
    "Este proyecto está terminado o archivado: no admite más tiempo. Reábrelo primero.",
  ),
  PROJECT_HAS_TIME: def(
    409,
    "This project has time logged: archive it instead of deleting it.",
    "Este proyecto tiene tiempo registrado: archívalo en lugar de eliminarlo.",
  ),
  PROJECT_CURRENCY_LOCKED: def(
    409,
    "Time of this project is already invoiced in its currency; the currency can no longer change.",
    "Ya se ha facturado tiempo de este proyecto en su moneda; la moneda ya no puede cambiar.",
  ),
  PROJECT_RATE_MISSING: def(
    422,
    "Some time has no hourly rate: set the project's rate (or the task's or member's rate).",
    "Hay tiempo sin tarifa por hora: indica la tarifa del proyecto (o la de la tarea o del miembro).",
  ),
  PROJECT_FIXED_AMOUNT_MISSING: def(
    422,
    "A fixed-price project needs its fixed amount before it is invoiced.",
    "Un proyecto de precio cerrado necesita su importe antes de facturarse.",
  ),
  PROJECT_FIXED_ALREADY_INVOICED: def(
    409,
    "This fixed-price project is already invoiced; void that invoice to invoice it again.",
    "Este proyecto de precio cerrado ya está facturado; anula esa factura para volver a facturarlo.",
  ),
  PROJECT_NOTHING_TO_INVOICE: def(
    422,
    "There is no unbilled billable time in this period (with approval required, only approved time counts).",
    "No hay tiempo facturable sin facturar en este periodo (si se requiere aprobación, solo cuenta el aprobado).",
  ),
  TASK_ARCHIVED: def(
    409,
    "This task is archived: it takes no new time.",
    "Esta tarea está archivada: no admite más tiempo.",
  ),
  TASK_HAS_TIME: def(
    409,
    "This task has time logged: archive it instead of deleting it.",
    "Esta tarea tiene tiempo registrado: archívala en lugar de eliminarla.",
  ),
  TIME_ENTRY_BILLED: def(
    409,
    "This time is already invoiced and can no longer change; void the invoice to release it.",
    "Este tiempo ya está facturado y no puede cambiar; anula la factura para liberarlo.",
  ),
  TIME_ENTRY_RUNNING: def(
    409,
    "This entry is a running timer: stop it first.",
    "Esta entrada es un temporizador en marcha: páralo primero.",
  ),
  TIMER_ALREADY_RUNNING: def(
    409,
    "You already have a timer running; stop it before starting another.",
    "Ya tienes un temporizador en marcha; páralo antes de iniciar otro.",
  ),
  TIMER_NOT_RUNNING: def(409, "You have no timer running.", "No tienes ningún temporizador en marcha."),
  // The job runner (issue 15 §1, decision 036): Settings → Background jobs.
  JOB_NOT_FOUND: def(404, "This background job does not exist.", "Esta tarea en segundo plano no existe."),
  JOB_NOT_DEAD: def(
    409,
    "Only a job that failed for good can be retried; this one is still queued, running or done.",
    "Solo se puede reintentar una tarea que ha fallado definitivamente; esta sigue en cola, en curso o terminada.",
  ),
  // Timesheet approval (issue 15 §5, decision 040).
  TIMESHEET_EMPTY: def(
    422,
    "There is no unbilled time of this project to submit in that period.",
    "No hay horas sin facturar de este proyecto que enviar en ese periodo.",
  ),
  TIMESHEET_ENTRY_INVOICED: def(
    409,
    "Some of this time is already invoiced and cannot be sent for approval.",
    "Parte de estas horas ya está facturada y no se puede enviar para aprobar.",
  ),
  TIMESHEET_ENTRY_PENDING: def(
    409,
    "Some of this time is already waiting for approval in another timesheet.",
    "Parte de estas horas ya está pendiente de aprobación en otro parte de horas.",
  ),
  TIMESHEET_ENTRY_APPROVED: def(
    409,
    "Some of this time is already approved.",
    "Parte de estas horas ya está aprobada.",
  ),
  TIMESHEET_ENTRY_NOT_IN_PERIOD: def(
    422,
    "Some entries are not finished time of this project within the period.",
    "Algunas entradas no son horas terminadas de este proyecto dentro del periodo.",
  ),
  TIMESHEET_NOT_PENDING: def(
    409,
    "This timesheet is no longer waiting for approval.",
    "Este parte de horas ya no está pendiente de aprobación.",
  ),
  TIMESHEET_CHANGED: def(
    409,
    "The time in this timesheet changed since you opened it; reload it and review it again.",
    "Las horas de este parte han cambiado desde que lo abriste; recárgalo y revísalo de nuevo.",
  ),
  REASON_REQUIRED: def(422, "Say why you reject it.", "Indica por qué lo rechazas."),
  // Recurring invoice profiles (A5, decision 037).
  RECURRING_PROFILE_FINISHED: def(
    409,
    "This recurring profile was stopped or has ended; create a new one instead.",
    "Este perfil recurrente se detuvo o ha terminado; crea uno nuevo.",
  ),
  RECURRING_PROFILE_NOT_ACTIVE: def(
    409,
    "Only an active recurring profile can be paused.",
    "Solo se puede pausar un perfil recurrente activo.",
  ),
  RECURRING_PROFILE_NOT_PAUSED: def(
    409,
    "Only a paused recurring profile can be resumed.",
    "Solo se puede reanudar un perfil recurrente en pausa.",
  ),
  RECURRING_NOTHING_LEFT: def(
    422,
    "This schedule has no date left to make an invoice on; change its start or its end.",
    "Esta programación no tiene ninguna fecha pendiente para hacer una factura; cambia su inicio o su final.",
  ),
  // Appointments (issue 16 §3, decision 045).
  SLOT_TAKEN: def(
    409,
    "Someone has just booked this time; choose another one.",
    "Alguien acaba de reservar esta hora; elige otra.",
  ),
  SLOT_UNAVAILABLE: def(
    422,
    "This time cannot be booked: it is outside the available hours, too soon or too far ahead.",
    "Esta hora no se puede reservar: está fuera del horario disponible, es demasiado pronto o demasiado lejos.",
  ),
  CANCEL_REASON_REQUIRED: def(422, "Say why you cancel it.", "Indica por qué la cancelas."),
  APPOINTMENT_NOT_CHANGEABLE: def(
    409,
    "This appointment was cancelled or has already started; it can no longer be changed.",
    "Esta cita se ha cancelado o ya ha empezado; ya no se puede cambiar.",
  ),
  EMAIL_TEMPLATE_INVALID: def(
    422,
    "The email template cannot be used: see the field for the problem and its line.",
    "La plantilla de email no se puede usar: el campo indica el problema y su línea.",
  ),
  // Messages (E10, decision 043): attachments are checked on their bytes.
  ATTACHMENT_TYPE_NOT_ALLOWED: def(
    415,
    "Attach PDF, PNG, JPEG or WebP files only.",
    "Adjunta solo archivos PDF, PNG, JPEG o WebP.",
  ),
  ATTACHMENT_TOO_LARGE: def(
    413,
    "Each attachment may be at most 3 MB.",
    "Cada adjunto puede ocupar como máximo 3 MB.",
  ),
  TOO_MANY_ATTACHMENTS: def(
    422,
    "Attach at most 3 files to a message.",
    "Adjunta como máximo 3 archivos a un mensaje.",
  ),
  UNSUBSCRIBE_LINK_INVALID: def(
    404,
    "This unsubscribe link is not valid or was revoked. Choose your email notices in Settings › Notifications.",
    "Este enlace para darse de baja no es válido o se ha revocado. Elige tus avisos por email en Ajustes › Notificaciones.",
    "The link was altered, or the organisation revoked its unsubscribe links, or the member left.",
    "Change the preference in Settings › Notifications.",
  ),
  VERIFACTU_NIF_REQUIRED: def(
    422,
    "VERI*FACTU mode needs the organisation's NIF: add a valid Spanish NIF in Settings › Organisation before issuing.",
    "El modo VERI*FACTU necesita el NIF de la organización: añade un NIF español válido en Ajustes › Organización antes de emitir.",
    "The organisation is in VERI*FACTU mode and its profile has no NIF, or one that is not a valid Spanish NIF.",
    "Add the NIF in Settings › Organisation, or turn VERI*FACTU mode off.",
  ),
  VERIFACTU_EUR_ONLY: def(
    422,
    "In VERI*FACTU mode invoices are issued in euros.",
    "En modo VERI*FACTU las facturas se emiten en euros.",
    "VERI*FACTU billing records carry amounts in euros only.",
    "Change the invoice's currency to EUR.",
  ),
  ORGANISATION_HAS_VERIFACTU_RECORDS: def(
    409,
    "This organisation has VERI*FACTU billing records, which must be kept: export its data instead of deleting it.",
    "Esta organización tiene registros de facturación VERI*FACTU, que deben conservarse: exporta sus datos en lugar de eliminarla.",
    "Billing records are append-only and kept for the legal period; the database refuses to delete them.",
    "Export the organisation's data; ask the operator if it truly must go.",
  ),
  // UBL e-invoices (issue 17 §3, decision 052): what EN 16931 cannot say is refused, never written wrong.
  EINVOICE_UBL_TAXES: def(
    422,
    "This invoice cannot be a UBL e-invoice: UBL takes one VAT rate per line and no withholding (such as IRPF). Download the PDF or the Facturae file instead.",
    "Esta factura no puede ser una factura electrónica UBL: UBL admite un solo tipo de IVA por línea y ninguna retención (como el IRPF). Descarga el PDF o el archivo Facturae.",
    "A line of the invoice has more than one tax, or a withholding (a negative rate)",
    "Send the PDF or the Facturae file; UBL (EN 16931) has no withholdings",
  ),
  EINVOICE_UBL_ADDRESS: def(
    422,
    "The e-invoice needs an electronic address of the seller and of the buyer: a Spanish tax ID (NIF) or an email.",
    "La factura electrónica necesita una dirección electrónica del emisor y del destinatario: un NIF español o un email.",
    "The organisation or the customer has neither a Spanish tax ID nor an email",
    "Add the NIF or an email to the organisation's profile or to the customer (or a contact's email)",
  ),
  // Facturae (issue 17 §3, decision 053): a signed file needs the organisation's certificate.
  SIGNING_CERTIFICATE_MISSING: def(
    409,
    "The organisation has no signing certificate: an owner or admin uploads one in Settings › Organisation › Signing certificate.",
    "La organización no tiene certificado de firma: un propietario o administrador lo sube en Ajustes › Organización › Certificado de firma.",
    "no certificate is stored (or it no longer decrypts with the server's keys), so the Facturae file cannot be signed",
    "upload the organisation's PKCS#12 certificate in Settings › Organisation › Signing certificate",
  ),
  SIGNING_CERTIFICATE_EXPIRED: def(
    409,
    "The organisation's signing certificate is not valid today: an owner or admin replaces it in Settings › Organisation › Signing certificate.",
    "El certificado de firma de la organización no es válido hoy: un propietario o administrador lo sustituye en Ajustes › Organización › Certificado de firma.",
    "the stored certificate expired (or is not valid yet), and a signature made with it would be refused",
    "upload a current certificate in Settings › Organisation › Signing certificate",
  ),
  FACTURAE_INCOMPLETE: def(
    422,
    "A Facturae file needs the tax id and the address of the organisation and of the customer: see the fields missing.",
    "Una factura Facturae necesita el NIF y la dirección de la organización y del cliente: revisa los campos que faltan.",
    "the organisation's profile or the customer as the invoice recorded it lacks a tax id or an address",
    "complete the organisation's profile (Settings › Organisation) or the customer's record",
  ),
  // List exports (issue 19, decision 059): a bounded file; a larger set is narrowed by the list's filters.
  EXPORT_TOO_LARGE: def(
    400,
    "This list has too many rows to export at once: narrow it with the filters (a date range, a status, a customer) and export each part.",
    "Esta lista tiene demasiadas filas para exportarla de una vez: acótala con los filtros (fechas, estado, cliente) y exporta cada parte.",
    "the filtered list has more rows than one export writes",
    "filter the list (for example by a date range) and export it in parts",
  ),
} satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof errorCodes;
