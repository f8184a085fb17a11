import { and, eq, notExists, sql } from "drizzle-orm";
import { emails, jobs } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { EMAIL_DELIVERY_JOB, EMAIL_MAX_ATTEMPTS, enqueueEmailDelivery } from "../email/mailer.js";
import type { JobHandler, PeriodicTask } from "./job-types.js";

/** Sends one email of the outbox (SMTP mode); retried with backoff, failed after its last attempt. */
export const emailDeliveryHandler: JobHandler<{ emailId: string }> = {
  kind: EMAIL_DELIVERY_JOB,
  maxAttempts: EMAIL_MAX_ATTEMPTS,
  run: (ctx, job) => ctx.mailer.deliverEmail(job.payload.emailId, job.attempt, EMAIL_MAX_ATTEMPTS),
};

/**
 * Queued emails without a delivery job (written before the job runner existed): each gets its job.
 * Idempotent: the job is keyed by the email.
 */
export const emailBackfillTask: PeriodicTask = {
  name: "email.backfill",
  everyMs: 60 * 60_000,
  async run(ctx) {
    if (ctx.mailer.mode !== "smtp") return;
    await withSystem(ctx.database.db, async (tx) => {
      const orphans = await tx
        .select({ id: emails.id, orgId: emails.orgId })
        .from(emails)
        .where(
          and(
            eq(emails.status, "queued"),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(jobs)
                .where(and(eq(jobs.kind, EMAIL_DELIVERY_JOB), sql`${jobs.key} = ${emails.id}::text`)),
            ),
          ),
        )
        .limit(500);
      for (const e of orphans) await enqueueEmailDelivery(tx, e.orgId, e.id);
    });
  },
};
