// "Forgot password" timing (decision 016): `npx tsx bench/forgot-password.ts [repeats]`. Through the
// HTTP API (app.inject, PGlite in memory), the median time of the answer for a known address (a link is
// made and emailed), an unknown one (nothing happens) and a known one past its hourly limit, for contacts
// and for staff, and the known/unknown ratio, which should be ~1.00 (both wait for the same floor).
import { performance } from "node:perf_hooks";
import { advanceClock } from "../src/server/clock.js";
import { FORGOT_PASSWORD_FLOOR_MS } from "../src/server/http/forgot-password.js";
import { buildCustomer, buildOrg } from "../src/server/test/factories.js";
import { createTestContext } from "../src/server/test/harness.js";

const repeats = Number(process.argv[2] ?? 20);
const ctx = await createTestContext();
const org = await buildOrg(ctx, "Bench Forgot");
const customer = await buildCustomer(ctx, org, "Bench Forgot Customer");
const contactEmail = customer.contacts[0]?.email ?? "";
let ip = 0;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Median ms of `repeats` requests; `fresh` lets an hour pass first, so the known address is not limited. */
async function measure(url: string, email: string, fresh: boolean): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    if (fresh) advanceClock(3600_000 + 1000);
    ip++;
    const start = performance.now();
    const res = await ctx.app.inject({
      method: "POST",
      url,
      payload: { email },
      remoteAddress: `10.77.${ip >> 8}.${ip & 255}`,
    });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }
  return median(times);
}

console.log(`floor ${FORGOT_PASSWORD_FLOOR_MS} ms, ${repeats} requests per figure`);
for (const [who, url, known] of [
  ["contact", `/api/portal/${org.slug}/password/forgot`, contactEmail],
  ["staff", "/api/auth/password/forgot", org.email],
] as const) {
  await measure(url, "warm-up@example.com", false);
  const knownMs = await measure(url, known, true);
  const unknownMs = await measure(url, `nobody-${who}@example.com`, false);
  const limitedMs = await measure(url, known, false);
  console.log(
    `${who}: known ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms, ` +
      `known past its limit ${limitedMs.toFixed(1)} ms, known/unknown ${(knownMs / unknownMs).toFixed(3)}`,
  );
}
await ctx.close();
