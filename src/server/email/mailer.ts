import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import * as clock from "../clock.js";
import type { Config } from "../config.js";
import type { Db, Tx } from "../db/client.js";
import { emails, type StoredAttachment } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { enqueueJob } from "../jobs/enqueue-job.js";

export interface OutgoingEmail {
  orgId: string;
  kind: string;
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
  /** Shown as the sender's name; the address is MAIL_FROM's, so SPF/DKIM stay ours. */
  fromName?: string;
  replyTo?: string | null;
  /** Extra headers (List-Unsubscribe of staff notifications); stored with the email, sent by SMTP. */
  headers?: Record<string, string>;
}

export const EMAIL_DELIVERY_JOB = "email.deliver";
export const EMAIL_MAX_ATTEMPTS = 5;

/** The delivery job of one email, in the transaction that writes it (keyed by the email: once). */
export function enqueueEmailDelivery(tx: Tx, orgId: string, emailId: string): Promise<void> {
  return enqueueJob(tx, {
    kind: EMAIL_DELIVERY_JOB,
    orgId,
    payload: { emailId },
    key: emailId,
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  });
}

/**
 * Emails are written in the transaction that causes them (so a rolled-back action sends nothing) and
 * delivered after commit. Without SMTP_URL the stored row is the delivery: staff read it in the outbox.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    private readonly config: Config,
    private readonly db: Db,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get mode(): "smtp" | "outbox" {
    return this.transport ? "smtp" : "outbox";
  }

  async enqueue(tx: Tx, email: OutgoingEmail): Promise<string> {
    const attachments: StoredAttachment[] = (email.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      contentBase64: a.content.toString("base64"),
    }));
    // The id is made here, not returned by the insert: RETURNING needs read access, and a contact's
    // transaction may queue an email to its organisation (C5) without being able to read the outbox.
    const id = randomUUID();
    await tx.insert(emails).values({
      id,
      orgId: email.orgId,
      kind: email.kind,
      toAddress: email.to,
      toName: email.toName ?? null,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      attachments,
      fromName: email.fromName ?? null,
      replyTo: email.replyTo ?? null,
      headers: email.headers ?? {},
      status: this.transport ? "queued" : "outbox",
    });
    if (this.transport) await enqueueEmailDelivery(tx, email.orgId, id);
    return id;
  }

  private nudge: (() => Promise<unknown> | undefined) | null = null;

  /** The job runner of this process (app.ts): `deliverQueued()` nudges it. */
  onQueued(nudge: () => Promise<unknown> | undefined): void {
    this.nudge = nudge;
  }

  /**
   * Called after commits that queued email: delivery is a job of the runner (decision 036), written with
   * each email by `enqueue`, so this only asks the runner of this process to look now instead of at its
   * next poll. Never rejects, since callers do not wait for it.
   */
  deliverQueued(): Promise<void> {
    if (!this.transport || !this.nudge) return Promise.resolve();
    return Promise.resolve(this.nudge())
      .then(() => undefined)
      .catch(() => undefined);
  }

  /**
   * The `email.deliver` job: sends one queued (or failed, when staff retry it) email and marks it sent.
   * On an error the row keeps it and stays queued, or becomes failed on the job's last attempt, and the
   * error is thrown so the runner retries with backoff. A sent row is never sent again.
   */
  async deliverEmail(emailId: string, attempt: number, maxAttempts: number): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const [row] = await withSystem(this.db, (tx) =>
      tx
        .select()
        .from(emails)
        .where(and(eq(emails.id, emailId), inArray(emails.status, ["queued", "failed"]))),
    );
    if (!row) return;
    try {
      await transport.sendMail({
        from: row.fromName
          ? { name: row.fromName, address: addressOf(this.config.mailFrom) }
          : this.config.mailFrom,
        to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
        replyTo: row.replyTo ?? undefined,
        subject: row.subject,
        headers: row.headers,
        text: row.textBody,
        html: row.htmlBody,
        attachments: row.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, "base64"),
        })),
      });
    } catch (err) {
      await withSystem(this.db, (tx) =>
        tx
          .update(emails)
          .set({
            attempts: row.attempts + 1,
            error: String(err).slice(0, 500),
            status: attempt >= maxAttempts ? "failed" : "queued",
          })
          .where(eq(emails.id, row.id)),
      );
      throw err;
    }
    await withSystem(this.db, (tx) =>
      tx
        .update(emails)
        .set({ status: "sent", sentAt: clock.now(), error: null })
        .where(eq(emails.id, row.id)),
    );
  }

  close(): void {
    this.transport?.close();
  }
}

function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return m?.[1] ?? from;
}
