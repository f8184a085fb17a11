import { z } from "zod";
import { email, language, uuid } from "./common.js";

export const loginBody = z.object({ email, password: z.string().min(1, "required").max(1024) });
export const staffRole = z.enum(["owner", "admin", "staff"]);
export const staffMe = z.object({
  user: z.object({ id: uuid, name: z.string(), email: z.string(), language: language.nullable() }),
  org: z.object({ id: uuid, name: z.string(), portalSlug: z.string(), language, baseCurrency: z.string() }),
  role: staffRole,
});
export type StaffMe = z.infer<typeof staffMe>;
