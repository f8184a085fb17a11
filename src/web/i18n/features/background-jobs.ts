import type { Messages } from "../types.js";

/** Outbox → Background jobs (issue 15 §1, decision 036), under `backgroundJobs`. */
export const backgroundJobsEs = {
  title: "Tareas en segundo plano",
  link: "Tareas en segundo plano",
  intro:
    "Envíos de correo, importaciones y otras tareas que han fallado: las que se reintentarán solas y las que han agotado sus intentos. Reintenta estas cuando hayas corregido la causa.",
  emptyTitle: "Ninguna tarea con fallos",
  emptyDescription: "Todas las tareas en segundo plano de tu organización se han completado.",
  kind: "Tarea",
  state: "Estado",
  attempts: "Intentos",
  attemptsOf: "{{attempts}} de {{max}}",
  lastError: "Último error",
  when: "Próximo intento / fin",
  retry: "Reintentar",
  retryLabel: "Reintentar la tarea {{kind}}",
  retried: "La tarea vuelve a la cola.",
  states: { queued: "Se reintentará", running: "En curso", done: "Terminada", dead: "Fallida" },
  kinds: {
    email_deliver: "Envío de correo",
    import_run: "Importación CSV",
    invoice_auto_charge: "Cobro automático de factura",
  },
};

export const backgroundJobsEn: Messages<typeof backgroundJobsEs> = {
  title: "Background jobs",
  link: "Background jobs",
  intro:
    "Email deliveries, imports and other work that failed: what will be retried by itself and what ran out of attempts. Retry those once you have fixed the cause.",
  emptyTitle: "No failed jobs",
  emptyDescription: "Every background job of your organisation has completed.",
  kind: "Job",
  state: "State",
  attempts: "Attempts",
  attemptsOf: "{{attempts}} of {{max}}",
  lastError: "Last error",
  when: "Next attempt / ended",
  retry: "Retry",
  retryLabel: "Retry the {{kind}} job",
  retried: "The job is back in the queue.",
  states: { queued: "Will retry", running: "Running", done: "Done", dead: "Failed" },
  kinds: {
    email_deliver: "Email delivery",
    import_run: "CSV import",
    invoice_auto_charge: "Automatic invoice charge",
  },
};
