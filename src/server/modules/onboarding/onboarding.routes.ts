import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { onboardingResponse } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { getOnboarding } from "./onboarding.service.js";

export async function onboardingRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/onboarding",
    { onRequest: requireStaff(db), schema: { tags: ["onboarding"], response: { 200: onboardingResponse } } },
    (req) => getOnboarding(db, staffOf(req).orgId),
  );
}
