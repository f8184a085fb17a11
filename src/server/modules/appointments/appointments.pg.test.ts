import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import type { AvailabilitySettings } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { appointments } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, loginStaff } from "../../test/factories.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { allowAppointments } from "./test-support.js";

/**
 * The exclusion constraint under real concurrency (decision 045). Skipped on PGlite (one connection
 * cannot race); run `npm run test:pg -- src/server/modules/appointments/appointments.pg.test.ts`.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const { ctx, org } = setUpTestApp("Appointments Race");
afterAll(() => clock.resetClock());

const office = [{ start: "09:00", end: "13:00" }];
const AVAILABILITY: AvailabilitySettings = {
  timeZone: "Europe/Madrid",
  slotMinutes: 30,
  bufferBeforeMinutes: 15,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 60,
  horizonDays: 30,
  weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
  daysOff: [],
  overrides: [],
};

describe.skipIf(!onPostgres)("booking on PostgreSQL", () => {
  test("50 parallel bookings of one slot by 10 customers: exactly one wins, the rest 409 SLOT_TAKEN", async () => {
    clock.setClock("2031-03-03T07:00:00Z");
    org.cookie = await loginStaff(ctx, org.email, org.password);
    await allowAppointments(ctx, org, true);
    const put = await ctx.app.inject({
      method: "PUT",
      url: "/api/appointment-settings",
      headers: { cookie: org.cookie },
      payload: AVAILABILITY,
    });
    expect(put.statusCode, put.body).toBe(200);
    const cookies: string[] = [];
    for (let n = 0; n < 10; n++) {
      const customer = await buildCustomer(ctx, org, `Racer ${n}`);
      cookies.push(await contactSessionCookie(ctx, org, customer, "password"));
    }
    const startsAt = "2031-03-04T10:00:00+01:00";
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ctx.app.inject({
          method: "POST",
          url: `/api/portal/${org.slug}/appointments`,
          headers: { cookie: cookies[i % cookies.length] ?? "" },
          payload: { startsAt },
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().code).toBe("SLOT_TAKEN");
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(appointments)
        .where(and(eq(appointments.orgId, org.orgId), eq(appointments.status, "booked"))),
    );
    expect(rows).toHaveLength(1);

    // The neighbours whose buffered ranges overlap it are refused too, by the database; touching ones fit.
    const next = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/appointments`,
      headers: { cookie: cookies[1] ?? "" },
      payload: { startsAt: "2031-03-04T11:00:00+01:00" },
    });
    expect(next.statusCode, next.body).toBe(200);
  });
});
