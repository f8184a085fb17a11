import { z } from "zod";

/** E12: a payment method the contact saved at a provider, as My details lists it. */
export const savedMethod = z.object({
  id: z.uuid(),
  gateway: z.string(),
  /** "Visa ····4242", "SEPA ····3000": what the provider says of it, never the number. */
  label: z.string(),
  isDefault: z.boolean(),
});
export type SavedMethodItem = z.infer<typeof savedMethod>;

export const savedMethodList = z.object({ items: z.array(savedMethod) });
export type SavedMethodList = z.infer<typeof savedMethodList>;
