import type { Messages } from "../types.js";

/** Issuing keeps the draft's date or refuses (issue 10), merged into the catalogues under `issueDates`. */
export const issueDatesEs = {
  title: "No se puede emitir con esta fecha",
  beforeLast: "La última factura emitida de esta serie tiene fecha {{date}}.",
  inFuture: "La fecha de la factura ({{date}}) es posterior a hoy.",
  todayHint: "Puedes emitirla con fecha de hoy; el vencimiento se mueve con ella y mantiene su plazo.",
  issueToday: "Emitir con fecha de hoy",
  editDates: "Cambiar las fechas",
};

export const issueDatesEn: Messages<typeof issueDatesEs> = {
  title: "This invoice cannot be issued with its date",
  beforeLast: "The last issued invoice of this series is dated {{date}}.",
  inFuture: "The invoice's date ({{date}}) is after today.",
  todayHint: "You can issue it dated today; its due date moves with it and keeps its term.",
  issueToday: "Issue dated today",
  editDates: "Change the dates",
};
