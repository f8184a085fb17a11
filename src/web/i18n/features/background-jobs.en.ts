import type { Messages } from "../types.js";
import type { backgroundJobsEs } from "./background-jobs.es.js";

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
  count: "Failed jobs: {{count}}",
  noMatches: "No job matches",
  kinds: {
    email_deliver: "Email delivery",
    import_run: "CSV import",
    invoice_auto_charge: "Automatic invoice charge",
  },
};
