import { z } from "zod";
import { requiredText, uuid } from "./common.js";

export const tax = z.object({ id: uuid, name: z.string(), rateBp: z.number().int(), isDefault: z.boolean() });
export type Tax = z.infer<typeof tax>;
/** rateBp: percent × 100 (2100 = 21 %); negative for withholdings such as IRPF −15 % (−1500). */
export const createTaxBody = z.object({
  name: requiredText(100),
  rateBp: z.number().int().min(-10000).max(10000),
  isDefault: z.boolean().default(false),
});
export type CreateTaxBody = z.input<typeof createTaxBody>;
