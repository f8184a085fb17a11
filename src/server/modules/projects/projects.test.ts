import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  Customer,
  InvoiceDetail,
  ProjectDetail,
  ProjectSummary,
  StaffRate,
  TimeEntry,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { projects, projectTasks, timeEntries } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { daysFromToday, testToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { signInMember } from "../api-keys/test-support.js";
import { buildProject, logTime, staffApi } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let customer: Customer;
let api: ReturnType<typeof staffApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Time Org");
  other = await buildOrg(ctx, "Other Time Org");
  customer = await buildCustomer(ctx, org, "Time Customer");
  api = staffApi(ctx, org.cookie);
});
afterAll(() => {
  clock.resetClock();
  return ctx.close();
});

const refused = (res: { statusCode: number; json(): { code: string } }) => [res.statusCode, res.json().code];
const detail = async (id: string): Promise<ProjectDetail> => (await api("GET", `/api/projects/${id}`)).json();
const today = () => testToday();
const invoiceTime = (id: string, body: Record<string, unknown> = {}) =>
  api("POST", `/api/projects/${id}/invoice`, { from: daysFromToday(-30), to: today(), ...body });
const invoiceOf = async (id: string): Promise<InvoiceDetail> =>
  (await api("GET", `/api/invoices/${id}`)).json();
const setApproval = (ids: string[], approvalStatus: "pending" | "approved" | "rejected" | "none") =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(timeEntries).set({ approvalStatus }).where(inArray(timeEntries.id, ids)),
  );

describe("projects and tasks", () => {
  test("a project takes the customer's currency, lists per customer, changes and deletes while empty", async () => {
    const p = await buildProject(ctx, org, customer.id, {
      name: "Rebrand",
      budgetMinutes: 600,
      budgetAmountMinor: 60000,
    });
    expect(p).toMatchObject({
      name: "Rebrand",
      currency: customer.currency,
      billingMethod: "project_rate",
      status: "active",
      visibleInPortal: false,
      needsApproval: false,
      tasks: [],
      totals: { loggedMinutes: 0, unbilledMinutes: 0, billedMinutes: 0 },
    });
    const list: ProjectSummary[] = (await api("GET", `/api/projects?customerId=${customer.id}`)).json().items;
    expect(list.map((x) => x.id)).toContain(p.id);
    const updated = await api("PUT", `/api/projects/${p.id}`, {
      name: "Rebrand 2",
      billingMethod: "task_rate",
      status: "completed",
      visibleInPortal: true,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: "Rebrand 2",
      billingMethod: "task_rate",
      status: "completed",
    });
    expect(
      (await api("GET", "/api/projects?status=completed")).json().items.map((x: ProjectSummary) => x.id),
    ).toEqual([p.id]);
    expect((await api("DELETE", `/api/projects/${p.id}`)).statusCode).toBe(200);
    expect((await api("GET", `/api/projects/${p.id}`)).statusCode).toBe(404);
  });

  test("bad input names the field and changes nothing", async () => {
    const before = (await api("GET", "/api/projects/totals")).json().count;
    const res = await api("POST", "/api/projects", {
      customerId: customer.id,
      name: "",
      hourlyRateMinor: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["body.hourlyRateMinor", "body.name"]);
    expect((await api("GET", "/api/projects/totals")).json().count).toBe(before);
  });

  test("tasks: created with a rate, archived tasks take no time, a task with time is archived not deleted", async () => {
    const p = await buildProject(ctx, org, customer.id);
    const withTask: ProjectDetail = (
      await api("POST", `/api/projects/${p.id}/tasks`, { name: "Design", hourlyRateMinor: 8000 })
    ).json();
    const task = withTask.tasks[0];
    expect(task).toMatchObject({ name: "Design", hourlyRateMinor: 8000, archived: false });
    await logTime(ctx, org.cookie, { projectId: p.id, taskId: task?.id, workDate: today(), minutes: 30 });
    expect(refused(await api("DELETE", `/api/projects/${p.id}/tasks/${task?.id}`))).toEqual([
      409,
      "TASK_HAS_TIME",
    ]);
    expect(refused(await api("DELETE", `/api/projects/${p.id}`))).toEqual([409, "PROJECT_HAS_TIME"]);
    await api("PUT", `/api/projects/${p.id}/tasks/${task?.id}`, { name: "Design", archived: true });
    const onArchived = await api("POST", "/api/time-entries", {
      projectId: p.id,
      taskId: task?.id,
      workDate: today(),
      minutes: 10,
    });
    expect(refused(onArchived)).toEqual([409, "TASK_ARCHIVED"]);
    const empty: ProjectDetail = (await api("POST", `/api/projects/${p.id}/tasks`, { name: "Spare" })).json();
    const spare = empty.tasks.find((t) => t.name === "Spare");
    expect((await api("DELETE", `/api/projects/${p.id}/tasks/${spare?.id}`)).statusCode).toBe(200);
    // A task of another project is refused by name.
    const q = await buildProject(ctx, org, customer.id);
    const wrong = await api("POST", "/api/time-entries", {
      projectId: q.id,
      taskId: task?.id,
      workDate: today(),
      minutes: 10,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: "body.taskId", code: "unknown_task" });
  });

  test("another organisation's project, task and entries answer 404 and stay unchanged", async () => {
    const p = await buildProject(ctx, org, customer.id);
    const e = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 45 });
    const theirs = staffApi(ctx, other.cookie);
    for (const [method, url, body] of [
      ["GET", `/api/projects/${p.id}`, undefined],
      ["PUT", `/api/projects/${p.id}`, { name: "Stolen" }],
      ["DELETE", `/api/projects/${p.id}`, undefined],
      ["POST", `/api/projects/${p.id}/tasks`, { name: "X" }],
      ["GET", `/api/projects/${p.id}/time-entries`, undefined],
      ["POST", `/api/projects/${p.id}/invoice`, { from: today(), to: today() }],
      ["POST", "/api/time-entries", { projectId: p.id, workDate: today(), minutes: 5 }],
      ["PUT", `/api/time-entries/${e.id}`, { projectId: p.id, workDate: today(), minutes: 5 }],
      ["DELETE", `/api/time-entries/${e.id}`, undefined],
      ["POST", "/api/timer/start", { projectId: p.id }],
    ] as const)
      expect([method, url, (await theirs(method, url, body)).statusCode]).toEqual([method, url, 404]);
    expect((await theirs("GET", "/api/projects")).json().items).toEqual([]);
    expect((await detail(p.id)).totals.loggedMinutes).toBe(45);
  });
});

describe("time entries and the timer", () => {
  test("a duration or a span; totals per task and project; bad spans refused", async () => {
    const p = await buildProject(ctx, org, customer.id);
    const start = new Date(`${today()}T08:00:00Z`);
    const span = await logTime(ctx, org.cookie, {
      projectId: p.id,
      workDate: today(),
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 95 * 60_000 + 20_000).toISOString(),
      notes: "Kick-off",
    });
    expect(span).toMatchObject({ minutes: 95, notes: "Kick-off", editable: true, approvalStatus: "none" });
    await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 25, billable: false });
    expect((await detail(p.id)).totals).toEqual({
      loggedMinutes: 120,
      billableMinutes: 95,
      unbilledMinutes: 95,
      billedMinutes: 0,
    });
    const backwards = await api("POST", "/api/time-entries", {
      projectId: p.id,
      workDate: today(),
      startedAt: start.toISOString(),
      endedAt: start.toISOString(),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: "body.endedAt", code: "end_before_start" });
    const none = await api("POST", "/api/time-entries", { projectId: p.id, workDate: today() });
    expect(none.statusCode).toBe(400);
    const tooLong = await api("POST", "/api/time-entries", {
      projectId: p.id,
      workDate: today(),
      minutes: 1441,
    });
    expect(tooLong.statusCode).toBe(400);
    const edited = await api("PUT", `/api/time-entries/${span.id}`, {
      projectId: p.id,
      workDate: today(),
      minutes: 100,
    });
    expect(edited.json()).toMatchObject({ minutes: 100, startedAt: null });
    await api("PUT", `/api/projects/${p.id}`, { name: "Website", status: "archived" });
    const closed = await api("POST", "/api/time-entries", { projectId: p.id, workDate: today(), minutes: 5 });
    expect(refused(closed)).toEqual([409, "PROJECT_NOT_ACTIVE"]);
  });

  test("one running timer per person; stopping records the minutes elapsed", async () => {
    const p = await buildProject(ctx, org, customer.id);
    // Near the real time, so the staff session stays inside its 8-hour idle limit (a fixed 09:00 UTC was
    // 10 hours ahead when "today" in Madrid had already begun at 23:00 UTC), and moved past midnight when
    // the 42-minute timer would otherwise end on the next day in the organisation's zone.
    const dayAt = (ms: number) => {
      clock.setClock(new Date(ms));
      return today();
    };
    let start = Math.floor(clock.nowMs() / 1000) * 1000;
    if (dayAt(start) !== dayAt(start + 43 * 60_000)) start += 60 * 60_000;
    clock.setClock(new Date(start));
    try {
      const started = await api("POST", "/api/timer/start", { projectId: p.id, notes: "Call" });
      expect(started.statusCode).toBe(200);
      const entry: TimeEntry = started.json().entry;
      expect(entry).toMatchObject({ minutes: null, endedAt: null, editable: false });
      expect(refused(await api("POST", "/api/timer/start", { projectId: p.id }))).toEqual([
        409,
        "TIMER_ALREADY_RUNNING",
      ]);
      expect((await api("GET", "/api/timer")).json().entry.id).toBe(entry.id);
      const edit = await api("PUT", `/api/time-entries/${entry.id}`, {
        projectId: p.id,
        workDate: today(),
        minutes: 3,
      });
      expect(refused(edit)).toEqual([409, "TIME_ENTRY_RUNNING"]);
      // Another member has a timer of their own.
      const member = staffApi(ctx, await signInMember(ctx, org, "staff"));
      expect((await member("GET", "/api/timer")).json()).toEqual({ entry: null });
      expect((await member("POST", "/api/timer/start", { projectId: p.id })).statusCode).toBe(200);
      // Set, not advanced: under load more than a second of real time may pass between start and stop,
      // and 42:29 plus that would round to 43 minutes.
      clock.setClock(new Date(start + (42 * 60 + 29) * 1000));
      const stopped = await api("POST", "/api/timer/stop");
      expect(stopped.json()).toMatchObject({ id: entry.id, minutes: 42, notes: "Call", editable: true });
      expect(refused(await api("POST", "/api/timer/stop"))).toEqual([409, "TIMER_NOT_RUNNING"]);
      expect((await api("GET", "/api/timer")).json()).toEqual({ entry: null });
      // The running timer counts nowhere until it stops.
      expect((await detail(p.id)).totals.loggedMinutes).toBe(42);
    } finally {
      clock.resetClock();
    }
  });
});

describe("invoice time", () => {
  test("by task: hours × rate lines on a draft; billed time is locked, never invoiced twice; voiding releases it", async () => {
    const p = await buildProject(ctx, org, customer.id, { hourlyRateMinor: 5000 });
    const d: ProjectDetail = (await api("POST", `/api/projects/${p.id}/tasks`, { name: "Build" })).json();
    const build = d.tasks[0]?.id as string;
    const a = await logTime(ctx, org.cookie, {
      projectId: p.id,
      taskId: build,
      workDate: today(),
      minutes: 90,
    });
    await logTime(ctx, org.cookie, {
      projectId: p.id,
      taskId: build,
      workDate: daysFromToday(-1),
      minutes: 20,
    });
    await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 60 });
    await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 60, billable: false });
    const outside = await logTime(ctx, org.cookie, {
      projectId: p.id,
      workDate: daysFromToday(-40),
      minutes: 15,
    });

    const res = await invoiceTime(p.id);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ entryCount: 3, totalMinutes: 170 });
    const invoice = await invoiceOf(res.json().invoiceId);
    expect(invoice).toMatchObject({ status: "draft", customerId: customer.id, currency: p.currency });
    // 110 minutes = 1.833 h × 50.00 = 91.65; 60 minutes = 1 h × 50.00.
    expect(invoice.lines.map((l) => [l.description, l.quantityMilli, l.unitPriceMinor, l.netMinor])).toEqual([
      ["Website — Build (1:50 h)", 1833, 5000, 9165],
      ["Website — Sin tarea (1:00 h)", 1000, 5000, 5000],
    ]);
    expect((await detail(p.id)).totals).toMatchObject({ billedMinutes: 170, unbilledMinutes: 15 });
    expect((await detail(p.id)).billedValueMinor).toBe(14165);

    const billed = await api("GET", `/api/projects/${p.id}/time-entries?billing=billed`);
    expect(billed.json().map((e: TimeEntry) => [e.invoiceId, e.editable])).toEqual([
      [invoice.id, false],
      [invoice.id, false],
      [invoice.id, false],
    ]);
    expect(
      refused(
        await api("PUT", `/api/time-entries/${a.id}`, { projectId: p.id, workDate: today(), minutes: 1 }),
      ),
    ).toEqual([409, "TIME_ENTRY_BILLED"]);
    expect(refused(await api("DELETE", `/api/time-entries/${a.id}`))).toEqual([409, "TIME_ENTRY_BILLED"]);
    expect(refused(await invoiceTime(p.id))).toEqual([422, "PROJECT_NOTHING_TO_INVOICE"]);

    // Voiding the (issued) invoice releases its time, which can be invoiced again.
    expect((await api("POST", `/api/invoices/${invoice.id}/issue`)).statusCode).toBe(200);
    expect((await api("POST", `/api/invoices/${invoice.id}/void`)).statusCode).toBe(200);
    expect((await detail(p.id)).totals).toMatchObject({ billedMinutes: 0, unbilledMinutes: 185 });
    const again = await invoiceTime(p.id, { from: daysFromToday(-60), grouping: "single" });
    expect(again.json()).toMatchObject({ entryCount: 4, totalMinutes: 185 });
    const single = await invoiceOf(again.json().invoiceId);
    expect(single.lines.map((l) => [l.quantityMilli, l.netMinor])).toEqual([[3083, 15415]]);
    const entries: TimeEntry[] = (await api("GET", `/api/projects/${p.id}/time-entries`)).json();
    expect(entries.find((e) => e.id === outside.id)?.invoiceId).toBe(single.id);
  });

  test("per entry, task and staff rates; a missing rate is refused and bills nothing", async () => {
    const p = await buildProject(ctx, org, customer.id, {
      billingMethod: "task_rate",
      hourlyRateMinor: null,
    });
    const d: ProjectDetail = (
      await api("POST", `/api/projects/${p.id}/tasks`, { name: "Audit", hourlyRateMinor: 12000 })
    ).json();
    await logTime(ctx, org.cookie, {
      projectId: p.id,
      taskId: d.tasks[0]?.id,
      workDate: today(),
      minutes: 20,
      notes: "Logs",
    });
    const noRate = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 10 });
    expect(refused(await invoiceTime(p.id, { grouping: "entry" }))).toEqual([422, "PROJECT_RATE_MISSING"]);
    expect((await detail(p.id)).totals.billedMinutes).toBe(0);
    await api("DELETE", `/api/time-entries/${noRate.id}`);
    const byEntry = await invoiceOf((await invoiceTime(p.id, { grouping: "entry" })).json().invoiceId);
    // 20 minutes = 0.333 h × 120.00 = 39.96
    expect(byEntry.lines.map((l) => [l.description, l.quantityMilli, l.netMinor])).toEqual([
      [`${today()} · Audit · Logs (0:20 h)`, 333, 3996],
    ]);

    // Staff rate: each member's own rate.
    const s = await buildProject(ctx, org, customer.id, {
      billingMethod: "staff_rate",
      hourlyRateMinor: 1000,
    });
    const memberCookie = await signInMember(ctx, org, "staff");
    await logTime(ctx, memberCookie, { projectId: s.id, workDate: today(), minutes: 60 });
    await logTime(ctx, org.cookie, { projectId: s.id, workDate: today(), minutes: 30 });
    const rates: StaffRate[] = (await api("GET", "/api/staff-rates")).json();
    const owner = rates.find((r) => r.email === org.email) as StaffRate;
    expect(
      (await api("PUT", `/api/staff-rates/${owner.userId}`, { hourlyRateMinor: 9000 })).json(),
    ).toMatchObject({
      hourlyRateMinor: 9000,
    });
    const staffInvoice = await invoiceOf((await invoiceTime(s.id, { grouping: "single" })).json().invoiceId);
    // The member has no rate of their own: the project's 10.00; the owner 90.00 × 0.5 h.
    expect(staffInvoice.lines.map((l) => [l.quantityMilli, l.unitPriceMinor]).sort()).toEqual([
      [1000, 1000],
      [500, 9000],
    ]);
    const memberApi = staffApi(ctx, memberCookie);
    expect(
      (await memberApi("PUT", `/api/staff-rates/${owner.userId}`, { hourlyRateMinor: 1 })).statusCode,
    ).toBe(403);
  });

  test("fixed price: one line of the fixed amount, once", async () => {
    const p = await buildProject(ctx, org, customer.id, { billingMethod: "fixed", fixedAmountMinor: 250000 });
    expect(refused(await invoiceTime(p.id))).toEqual([422, "PROJECT_NOTHING_TO_INVOICE"]);
    await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 600 });
    const inv = await invoiceOf((await invoiceTime(p.id)).json().invoiceId);
    expect(inv.lines.map((l) => [l.description, l.quantityMilli, l.netMinor])).toEqual([
      ["Website", 1000, 250000],
    ]);
    await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 60 });
    expect(refused(await invoiceTime(p.id))).toEqual([409, "PROJECT_FIXED_ALREADY_INVOICED"]);
  });

  test("with approval required only approved time is invoiced; time awaiting approval is locked", async () => {
    const p = await buildProject(ctx, org, customer.id, { needsApproval: true });
    const pending = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 30 });
    const approved = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 45 });
    const rejected = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 15 });
    expect(refused(await invoiceTime(p.id))).toEqual([422, "PROJECT_NOTHING_TO_INVOICE"]);
    await setApproval([pending.id], "pending");
    await setApproval([approved.id], "approved");
    await setApproval([rejected.id], "rejected");
    const edit = await api("PUT", `/api/time-entries/${pending.id}`, {
      projectId: p.id,
      workDate: today(),
      minutes: 1,
    });
    // Time awaiting approval may change: it is no longer pending (decision 040 withdraws its timesheet).
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ approvalStatus: "none" });
    const res = await invoiceTime(p.id);
    expect(res.json()).toMatchObject({ entryCount: 1, totalMinutes: 45 });
    // Rejected time is corrected (and stays rejected until resubmitted); changed approved time needs approving again.
    const fixed = await api("PUT", `/api/time-entries/${rejected.id}`, {
      projectId: p.id,
      workDate: today(),
      minutes: 20,
    });
    expect(fixed.json().approvalStatus).toBe("rejected");
    const later = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 10 });
    await setApproval([later.id], "approved");
    const changed = await api("PUT", `/api/time-entries/${later.id}`, {
      projectId: p.id,
      workDate: today(),
      minutes: 12,
    });
    expect(changed.json().approvalStatus).toBe("none");
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(timeEntries).where(eq(timeEntries.id, approved.id)),
    );
    expect(row?.invoiceId).toBe(res.json().invoiceId);
  });

  test("a project without approval never invoices time awaiting approval", async () => {
    const p = await buildProject(ctx, org, customer.id);
    const e = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 30 });
    const ok = await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 30 });
    await setApproval([e.id], "pending");
    await setApproval([ok.id], "approved");
    expect((await invoiceTime(p.id)).json()).toMatchObject({ entryCount: 1 });
    const changed = await api("PUT", `/api/time-entries/${ok.id}`, {
      projectId: p.id,
      workDate: today(),
      minutes: 1,
    });
    expect(refused(changed)).toEqual([409, "TIME_ENTRY_BILLED"]);
  });
});

describe("what a contact reads (row-level security)", () => {
  test("its customer's projects, tasks and time only when the project is shown in the portal; never another customer's", async () => {
    const shown = await buildProject(ctx, org, customer.id, { name: "Shown", visibleInPortal: true });
    const hidden = await buildProject(ctx, org, customer.id, { name: "Hidden" });
    const someoneElse = await buildCustomer(ctx, org, "Someone Else");
    const theirs = await buildProject(ctx, org, someoneElse.id, { name: "Theirs", visibleInPortal: true });
    for (const p of [shown, hidden, theirs]) {
      await api("POST", `/api/projects/${p.id}/tasks`, { name: "T" });
      await logTime(ctx, org.cookie, { projectId: p.id, workDate: today(), minutes: 10 });
    }
    const seen = await withContact(ctx.database.db, org.orgId, customer.id, async (tx) => ({
      projects: (await tx.select({ id: projects.id }).from(projects)).map((r) => r.id),
      tasks: (await tx.select({ p: projectTasks.projectId }).from(projectTasks)).map((r) => r.p),
      entries: (await tx.select({ p: timeEntries.projectId }).from(timeEntries)).map((r) => r.p),
    }));
    expect(seen.projects).toContain(shown.id);
    for (const list of [seen.projects, seen.tasks, seen.entries]) {
      expect(list).not.toContain(hidden.id);
      expect(list).not.toContain(theirs.id);
    }
    expect(seen.tasks).toContain(shown.id);
    expect(seen.entries).toContain(shown.id);
    // A contact changes nothing of it (the timesheets module adds what a contact may decide).
    const changed = await withContact(ctx.database.db, org.orgId, customer.id, (tx) =>
      tx.update(projects).set({ name: "Renamed" }).where(eq(projects.id, shown.id)).returning(),
    );
    expect(changed).toEqual([]);
  });
});
