import { randomUUID } from "node:crypto";
import { and, eq, inArray, lt } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import * as clock from "../clock.js";
import type { Config } from "../config.js";
import type { Db, Tx } from "../db/client.js";
import { emails, type StoredAttachment } from "../db/schema/index.js";
import { detachedFromRequest, withSystem } from "../db/scope.js";

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
}

const MAX_ATTEMPTS = 5;

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
      status: this.transport ? "queued" : "outbox",
    });
    return id;
  }

  private delivering: Promise<void> | null = null;
  private deliverAgain = false;

  /**
   * Sends what is queued; called after commits and at start-up (to finish what a crash left). Calls made
   * while a run is in progress do not start a second run (which would read the same queued rows and send
   * them twice): they ask the current run to look again when it ends. Never rejects, since callers do not
   * wait for it; a row that could not be sent stays queued for the next run.
   */
  deliverQueued(): Promise<void> {
    if (!this.transport) return Promise.resolve();
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    // Never inside a read request's shared transaction (decision 031): it would read rows not yet
    // committed, and send them even if the request then rolls back.
    this.delivering = detachedFromRequest(async () => {
      try {
        do {
          this.deliverAgain = false;
          await this.deliverBatch();
        } while (this.deliverAgain);
      } catch (err) {
        console.error("email delivery failed", err);
      } finally {
        this.delivering = null;
      }
    });
    return this.delivering;
  }

  private async deliverBatch(): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const queued = await withSystem(this.db, (tx) =>
      tx
        .select()
        .from(emails)
        .where(and(inArray(emails.status, ["queued"]), lt(emails.attempts, MAX_ATTEMPTS)))
        .limit(50),
    );
    for (const row of queued) {
      try {
        await transport.sendMail({
          from: row.fromName
            ? { name: row.fromName, address: addressOf(this.config.mailFrom) }
            : this.config.mailFrom,
          to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
          replyTo: row.replyTo ?? undefined,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          attachments: row.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, "base64"),
          })),
        });
        await withSystem(this.db, (tx) =>
          tx
            .update(emails)
            .set({ status: "sent", sentAt: clock.now(), error: null })
            .where(eq(emails.id, row.id)),
        );
      } catch (err) {
        const attempts = row.attempts + 1;
        await withSystem(this.db, (tx) =>
          tx
            .update(emails)
            .set({
              attempts,
              error: String(err).slice(0, 500),
              status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
            })
            .where(eq(emails.id, row.id)),
        );
      }
    }
  }

  close(): void {
    this.transport?.close();
  }
}

function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return m?.[1] ?? from;
}
