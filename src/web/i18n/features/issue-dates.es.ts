/**
 * Issuing keeps the draft's date or refuses (issue 10), merged into the catalogues under `issueDates`.
 * One offer for every place that issues: the Issue and Confirm buttons, and the send dialogs of a draft
 * invoice or quote (sending numbers it).
 */
export const issueDatesEs = {
  title: "No se puede emitir con esta fecha",
  beforeLast:
    "El último documento emitido de esta serie tiene fecha {{last}} y este tiene fecha {{date}}: dentro de una serie, los números y las fechas avanzan juntos.",
  inFuture: "La fecha del documento ({{date}}) es posterior a hoy ({{today}}).",
  dueBeforeIssue:
    "El vencimiento ({{due}}) es anterior a la fecha de emisión ({{date}}); cambia las fechas antes de emitir.",
  todayHint: {
    invoice:
      "Puedes emitirla con fecha de hoy ({{today}}); el vencimiento se mueve con ella y mantiene su plazo.",
    quote: "Puedes enviarlo con fecha de hoy ({{today}}); la validez se mueve con él y mantiene su duración.",
    salesOrder: "Puedes confirmarlo con fecha de hoy ({{today}}).",
  },
  useToday: {
    issue: "Emitir con fecha de hoy",
    send: "Enviar con fecha de hoy",
    confirm: "Confirmar con fecha de hoy",
  },
  editDates: "Cambiar las fechas",
};
