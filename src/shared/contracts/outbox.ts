import { z } from "zod";
import { uuid } from "./common.js";

export const emailSummary = z.object({
  id: uuid,
  kind: z.string(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(["outbox", "queued", "sent", "failed"]),
  createdAt: z.string(),
  attachmentNames: z.array(z.string()),
});
export const emailDetail = emailSummary.extend({
  textBody: z.string(),
  htmlBody: z.string(),
  error: z.string().nullable(),
});
export type EmailSummary = z.infer<typeof emailSummary>;
export type EmailDetail = z.infer<typeof emailDetail>;
