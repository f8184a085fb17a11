import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import * as clock from "../../clock.js";

const body = z.object({
  /** Moves the clock forward (or back) by this much; 0 only runs the due jobs. */
  advanceMs: z
    .number()
    .int()
    .min(-400 * 86_400_000)
    .max(400 * 86_400_000)
    .default(0),
  /** Back to the real time, after the moves. */
  reset: z.boolean().default(false),
});

/**
 * End-to-end tests only (`PORTICO_TEST_CLOCK=1`, refused in production by config.ts): moves the server's
 * one clock and runs every due job at once, periodic tasks included (the recurring tick), so a journey
 * can see what a month later brings. Registered only then, unauthenticated and out of the OpenAPI document.
 */
export async function testClockRoutes(app: App, { config, jobRunner }: Deps) {
  if (!config.testClock) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post("/api/test/clock", { schema: { hide: true, body } }, async (req) => {
    if (req.body.reset) clock.resetClock();
    clock.advanceClock(req.body.advanceMs);
    const ran = (await jobRunner?.drain()) ?? 0;
    return { now: clock.now().toISOString(), ran };
  });
}
