import { z } from "zod";

export const uuid = z.uuid();
export const language = z.enum(["es", "en"]);
export type Language = z.infer<typeof language>;
/** Integer minor units (cents); never a float. */
export const minorAmount = z.number().int().refine(Number.isSafeInteger, "amount out of range");
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "use a 3-letter ISO 4217 code");
export const isoDate = z.iso.date();
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
export const requiredText = (max: number) => z.string().trim().min(1, "required").max(max);
export const email = z
  .email("enter a valid email address")
  .max(254)
  .transform((v) => v.toLowerCase());
export const idParams = z.object({ id: uuid });

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  cause: z.string().optional(),
  remedy: z.string().optional(),
});
export type Problem = z.infer<typeof problem>;
export const okResponse = z.object({ ok: z.literal(true) });
