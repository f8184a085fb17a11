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
  count: "Tareas con fallos: {{count}}",
  noMatches: "Ninguna tarea coincide",
  kinds: {
    email_deliver: "Envío de correo",
    import_run: "Importación CSV",
    invoice_auto_charge: "Cobro automático de factura",
  },
};
