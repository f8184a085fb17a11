import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type {
  Customer,
  Notification,
  PortalHome,
  PortalProjectDetail,
  PortalProjectSummary,
  PortalTimesheetDetail,
  PortalTimesheetSummary,
  TimesheetDetail,
} from "../../../shared/contracts/index.js";
import { auditEvents, emails, timeEntries, timesheets } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday, testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice } from "../../test/factories.js";
import { contactSessionCookie, primaryContact, setUpTestApp } from "../../test/scenarios.js";
import { addEntry, buildProject, ownerUserId, showProjects, type TestProject } from "./test-support.js";
import { timesheetEntriesHash } from "./timesheet-hash.js";
import { withdrawTimesheetOfEntry } from "./timesheets.service.js";

const { ctx, org, otherOrg } = setUpTestApp("Timesheets Org", "Timesheets Other Org");
let userId: string;

beforeAll(async () => {
  userId = await ownerUserId(ctx, org);
  await showProjects(ctx, org, true);
});

const staff = (method: "GET" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: { cookie: org.cookie }, ...(payload ? { payload } : {}) });

const portal = (cookie: string, method: "GET" | "POST", path: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url: `/api/portal/${org.slug}${path}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

const period = () => ({ from: daysFromToday(-30), to: testToday() });

interface World {
  customer: Customer;
  cookie: string;
  project: TestProject;
  entries: string[];
}

/** A customer whose primary contact is signed in, and a visible project with three entries this month. */
async function world(name: string, opts: { visible?: boolean } = {}): Promise<World> {
  const customer = await buildCustomer(ctx, org, name);
  const cookie = await contactSessionCookie(ctx, org, customer, "password");
  const project = await buildProject(ctx, org, customer.id, {
    name: `${name} project`,
    visible: opts.visible,
  });
  const entries = [
    await addEntry(ctx, org, project, userId, { daysAgo: 3, minutes: 90, task: 0, notes: "Wireframes" }),
    await addEntry(ctx, org, project, userId, { daysAgo: 2, minutes: 120, task: 1 }),
    await addEntry(ctx, org, project, userId, { daysAgo: 2, minutes: 30, task: 1, billable: false }),
  ];
  return { customer, cookie, project, entries };
}

async function submit(w: World, body: Record<string, unknown> = period()) {
  return staff("POST", `/api/projects/${w.project.id}/timesheets`, body);
}

async function submitted(w: World): Promise<TimesheetDetail> {
  const res = await submit(w);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const entryRows = (ids: string[]) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(timeEntries)
      .then((rows) => rows.filter((r) => ids.includes(r.id))),
  );

const timesheetNotifications = async () =>
  ((await staff("GET", "/api/notifications")).json().items as Notification[]).filter((n) =>
    n.type.startsWith("timesheet_"),
  );

describe("submitting time for approval", () => {
  test("locks the period's unbilled entries as pending, hashes them and emails the portal contacts", async () => {
    const w = await world("Submit Co");
    const t = await submitted(w);
    expect(t.status).toBe("pending");
    expect(t.entryCount).toBe(3);
    expect(t.minutes).toBe(240);
    expect(t.billableMinutes).toBe(210);
    expect(t.hashMatches).toBe(true);
    expect(t.totals.byDay.map((d) => d.minutes)).toEqual([90, 150]);
    expect(t.totals.byTask.map((d) => [d.taskName, d.minutes])).toEqual([
      ["Design", 90],
      ["Development", 150],
    ]);
    const rows = await entryRows(w.entries);
    expect(rows.every((r) => r.approvalStatus === "pending" && r.timesheetId === t.id)).toBe(true);
    expect(t.entriesHash).toBe(
      timesheetEntriesHash(
        rows.map((r) => ({
          id: r.id,
          workDate: r.workDate,
          minutes: r.minutes,
          taskId: r.taskId,
          notes: r.notes,
          billable: r.billable,
        })),
      ),
    );
    const sent = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(emails)
        .where(
          and(eq(emails.kind, "timesheet_submitted"), eq(emails.toAddress, primaryContact(w.customer).email)),
        ),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain(`https://portico.test/p/${org.slug}/timesheets/${t.id}`);
    expect(sent[0]?.textBody).toMatch(/4 h/);
    // The portal home counts it.
    const home = (await portal(w.cookie, "GET", "/home")).json() as PortalHome;
    expect(home.timesheetsAwaiting).toBe(1);
    expect(home.allows.timesheets).toBe(true);
  });

  test("refuses invoiced entries, entries pending elsewhere, a reversed period and an empty one", async () => {
    const w = await world("Refusals Co");
    const invoice = await buildInvoice(ctx, org, w.customer.id);
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(timeEntries)
        .set({ invoiceId: invoice.id })
        .where(eq(timeEntries.id, w.entries[0] as string)),
    );
    const invoiced = await submit(w, { ...period(), entryIds: [w.entries[0]] });
    expect(invoiced.statusCode).toBe(409);
    expect(invoiced.json().code).toBe("TIMESHEET_ENTRY_INVOICED");
    // Without ids the invoiced entry is simply left out.
    const t = await submitted(w);
    expect(t.entries.map((e) => e.id).sort()).toEqual([w.entries[1], w.entries[2]].sort());
    const again = await submit(w, { ...period(), entryIds: [w.entries[1]] });
    expect(again.json().code).toBe("TIMESHEET_ENTRY_PENDING");
    expect((await submit(w)).json().code).toBe("TIMESHEET_EMPTY");
    const outside = await submit(w, { from: daysFromToday(-1), to: testToday(), entryIds: [w.entries[1]] });
    expect(outside.json().code).toBe("TIMESHEET_ENTRY_NOT_IN_PERIOD");
    const reversed = await submit(w, { from: testToday(), to: daysFromToday(-1) });
    expect(reversed.statusCode).toBe(400);
    // Another organisation's project is not found.
    const foreign = await ctx.app.inject({
      method: "POST",
      url: `/api/projects/${w.project.id}/timesheets`,
      headers: { cookie: otherOrg.cookie },
      payload: period(),
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe("the contact's decision", () => {
  test("reject needs a reason; rejected time is fixed and resubmitted, then approved with evidence", async () => {
    const w = await world("Decide Co");
    const t = await submitted(w);
    const list = (
      await portal(w.cookie, "GET", "/timesheets?status=pending")
    ).json() as PortalTimesheetSummary[];
    expect(list.map((s) => s.id)).toEqual([t.id]);
    const shown = (await portal(w.cookie, "GET", `/timesheets/${t.id}`)).json() as PortalTimesheetDetail;
    expect(shown.canDecide).toBe(true);
    expect(shown.entries).toHaveLength(3);

    for (const body of [{}, { reason: "   " }]) {
      const blank = await portal(w.cookie, "POST", `/timesheets/${t.id}/reject`, body);
      expect(blank.statusCode).toBe(422);
      expect(blank.json().code).toBe("REASON_REQUIRED");
    }
    expect((await entryRows(w.entries)).every((r) => r.approvalStatus === "pending")).toBe(true);

    const rejected = await portal(w.cookie, "POST", `/timesheets/${t.id}/reject`, {
      reason: "Too many hours",
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const r = rejected.json() as PortalTimesheetDetail;
    expect(r.status).toBe("rejected");
    expect(r.decision).toMatchObject({ by: "contact", reason: "Too many hours", from: "127.0.0.1" });
    expect(r.decision?.name).toBe(primaryContact(w.customer).name);
    expect((await entryRows(w.entries)).every((e) => e.approvalStatus === "rejected")).toBe(true);
    const [notice] = await timesheetNotifications();
    expect(notice).toMatchObject({
      type: "timesheet_rejected",
      data: { timesheetId: t.id, reason: "Too many hours" },
    });
    const again = await portal(w.cookie, "POST", `/timesheets/${t.id}/approve`, {
      entriesHash: t.entriesHash,
    });
    expect(again.json().code).toBe("TIMESHEET_NOT_PENDING");

    // Staff fix an entry (the projects service withdraws nothing: it is rejected) and resubmit.
    await withOrg(ctx.database.db, org.orgId, async (tx) => {
      expect(await withdrawTimesheetOfEntry(tx, w.entries[1] as string)).toBeNull();
      await tx
        .update(timeEntries)
        .set({ minutes: 60 })
        .where(eq(timeEntries.id, w.entries[1] as string));
    });
    const second = await submitted(w);
    expect(second.minutes).toBe(180);
    expect(second.entriesHash).not.toBe(t.entriesHash);

    const stale = await portal(w.cookie, "POST", `/timesheets/${second.id}/approve`, {
      entriesHash: t.entriesHash,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("TIMESHEET_CHANGED");

    const approved = await portal(w.cookie, "POST", `/timesheets/${second.id}/approve`, {
      entriesHash: second.entriesHash,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const a = approved.json() as PortalTimesheetDetail;
    expect(a.status).toBe("approved");
    expect(a.canDecide).toBe(false);
    expect(a.decision).toMatchObject({ by: "contact", from: "127.0.0.1", reason: null });
    expect((await entryRows(w.entries)).every((e) => e.approvalStatus === "approved")).toBe(true);
    expect((await timesheetNotifications()).map((n) => n.type)).toContain("timesheet_approved");
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.documentId, second.id)),
    );
    expect(audit.map((e) => e.action)).toEqual(["timesheet_approved"]);
    const home = (await portal(w.cookie, "GET", "/home")).json() as PortalHome;
    expect(home.timesheetsAwaiting).toBe(0);
    // Staff see the evidence too.
    const seen = (await staff("GET", `/api/timesheets/${second.id}`)).json() as TimesheetDetail;
    expect(seen.decision?.by).toBe("contact");
  });

  test("an entry changed after submission withdraws the request; a change that bypassed it is refused", async () => {
    const w = await world("Withdraw Co");
    const t = await submitted(w);
    await withOrg(ctx.database.db, org.orgId, async (tx) => {
      expect(await withdrawTimesheetOfEntry(tx, w.entries[0] as string)).toBe(t.id);
      await tx
        .update(timeEntries)
        .set({ notes: "Wireframes, v2" })
        .where(eq(timeEntries.id, w.entries[0] as string));
    });
    const after = (await staff("GET", `/api/timesheets/${t.id}`)).json() as TimesheetDetail;
    expect(after.status).toBe("withdrawn");
    expect((await entryRows(w.entries)).every((e) => e.approvalStatus === "none")).toBe(true);
    const late = await portal(w.cookie, "POST", `/timesheets/${t.id}/approve`, {
      entriesHash: t.entriesHash,
    });
    expect(late.json().code).toBe("TIMESHEET_NOT_PENDING");

    // A second submission, changed under it without withdrawing: the hash re-check refuses to approve.
    const second = await submitted(w);
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(timeEntries)
        .set({ minutes: 95 })
        .where(eq(timeEntries.id, w.entries[0] as string)),
    );
    const shown = (await portal(w.cookie, "GET", `/timesheets/${second.id}`)).json() as PortalTimesheetDetail;
    expect(shown.hashMatches).toBe(false);
    expect(shown.canDecide).toBe(false);
    const refused = await portal(w.cookie, "POST", `/timesheets/${second.id}/approve`, {
      entriesHash: second.entriesHash,
    });
    expect(refused.json().code).toBe("TIMESHEET_CHANGED");
    const staffRefused = await staff("POST", `/api/timesheets/${second.id}/approve`);
    expect(staffRefused.json().code).toBe("TIMESHEET_CHANGED");
  });

  test("another customer's timesheet, a hidden project's, and the option off answer 404 / 403", async () => {
    const mine = await world("Mine Co");
    const theirs = await world("Theirs Co");
    const hidden = await world("Hidden Co", { visible: false });
    const theirT = await submitted(theirs);
    const hiddenT = await submitted(hidden);
    for (const [cookie, id] of [
      [mine.cookie, theirT.id],
      [hidden.cookie, hiddenT.id],
    ] as const) {
      expect((await portal(cookie, "GET", `/timesheets/${id}`)).statusCode).toBe(404);
      const approve = await portal(cookie, "POST", `/timesheets/${id}/approve`, {
        entriesHash: "0".repeat(64),
      });
      expect(approve.statusCode).toBe(404);
      const reject = await portal(cookie, "POST", `/timesheets/${id}/reject`, { reason: "no" });
      expect(reject.statusCode).toBe(404);
    }
    expect((await portal(hidden.cookie, "GET", "/timesheets")).json()).toEqual([]);
    expect((await portal(hidden.cookie, "GET", `/projects/${hidden.project.id}`)).statusCode).toBe(404);
    expect((await portal(mine.cookie, "GET", `/projects/${theirs.project.id}`)).statusCode).toBe(404);
    expect(((await portal(hidden.cookie, "GET", "/home")).json() as PortalHome).timesheetsAwaiting).toBe(0);
    // Staff of another organisation do not find it either.
    const foreign = await ctx.app.inject({
      url: `/api/timesheets/${theirT.id}`,
      headers: { cookie: otherOrg.cookie },
    });
    expect(foreign.statusCode).toBe(404);

    await showProjects(ctx, org, false);
    try {
      const off = await portal(theirs.cookie, "GET", `/timesheets/${theirT.id}`);
      expect(off.statusCode).toBe(403);
      expect(off.json().code).toBe("FEATURE_DISABLED");
      expect(((await portal(theirs.cookie, "GET", "/home")).json() as PortalHome).allows.timesheets).toBe(
        false,
      );
    } finally {
      await showProjects(ctx, org, true);
    }
  });

  test("a staff preview reads but cannot decide", async () => {
    const w = await world("Preview Co");
    const t = await submitted(w);
    const preview = await contactSessionCookie(ctx, org, w.customer, "preview");
    const shown = (await portal(preview, "GET", `/timesheets/${t.id}`)).json() as PortalTimesheetDetail;
    expect(shown.canDecide).toBe(false);
    const res = await portal(preview, "POST", `/timesheets/${t.id}/approve`, { entriesHash: t.entriesHash });
    expect(res.statusCode).toBe(403);
  });
});

describe("staff decide on the customer's behalf", () => {
  test("recorded as staff, with a required reason to reject", async () => {
    const w = await world("Staff Decides Co");
    const t = await submitted(w);
    const blank = await staff("POST", `/api/timesheets/${t.id}/reject`, { reason: "" });
    expect(blank.json().code).toBe("REASON_REQUIRED");
    const rejected = await staff("POST", `/api/timesheets/${t.id}/reject`, { reason: "Agreed by phone" });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((rejected.json() as TimesheetDetail).decision).toMatchObject({
      by: "staff",
      reason: "Agreed by phone",
    });
    const second = await submitted(w);
    const approved = await staff("POST", `/api/timesheets/${second.id}/approve`);
    expect((approved.json() as TimesheetDetail).decision).toMatchObject({ by: "staff", reason: null });
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(timesheets).where(eq(timesheets.id, second.id)),
    );
    expect(row?.decidedByUserId).toBe(userId);
    expect(row?.decidedByContactId).toBeNull();
    const list = (await staff("GET", `/api/timesheets?projectId=${w.project.id}&status=approved`)).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([second.id]);
  });
});

describe("portal projects (E7)", () => {
  test("active visible projects with logged, billed and unbilled hours per task and entry billing", async () => {
    const w = await world("Projects Co");
    const old = await buildProject(ctx, org, w.customer.id, { name: "Old one", status: "completed" });
    await buildProject(ctx, org, w.customer.id, { name: "Hidden one", visible: false });
    const invoice = await buildInvoice(ctx, org, w.customer.id);
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .update(timeEntries)
        .set({ invoiceId: invoice.id })
        .where(eq(timeEntries.id, w.entries[0] as string)),
    );
    const list = (await portal(w.cookie, "GET", "/projects")).json() as PortalProjectSummary[];
    expect(list.map((p) => p.name)).toEqual(["Projects Co project"]);
    expect(list[0]).toMatchObject({ loggedMinutes: 240, billedMinutes: 90, unbilledMinutes: 120 });
    const detail = (await portal(w.cookie, "GET", `/projects/${w.project.id}`)).json() as PortalProjectDetail;
    expect(detail.tasks.map((t) => [t.name, t.loggedMinutes, t.billedMinutes, t.unbilledMinutes])).toEqual([
      ["Design", 90, 90, 0],
      ["Development", 150, 0, 120],
    ]);
    expect(detail.entries.map((e) => e.billing).sort()).toEqual(["billed", "non_billable", "unbilled"]);
    // A completed project is not in the list, and its page is not reachable either.
    expect((await portal(w.cookie, "GET", `/projects/${old.id}`)).statusCode).toBe(404);
  });
});

describe("comments on a timesheet (A14)", () => {
  test("both ways; another customer's and a hidden option's answer 404", async () => {
    const w = await world("Comments Co");
    const other = await world("Other Comments Co");
    const t = await submitted(w);
    const fromContact = await portal(w.cookie, "POST", `/timesheets/${t.id}/comments`, {
      body: "Why 2 h on Tuesday?",
    });
    expect(fromContact.statusCode, fromContact.body).toBe(201);
    const reply = await staff("POST", `/api/timesheets/${t.id}/comments`, {
      body: "Client call included",
      visibleInPortal: true,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const seen = (await portal(w.cookie, "GET", `/timesheets/${t.id}/comments`)).json() as { body: string }[];
    expect(seen.map((c) => c.body)).toEqual(["Why 2 h on Tuesday?", "Client call included"]);
    const notices = ((await staff("GET", "/api/notifications")).json().items as Notification[]).filter(
      (n) => n.type === "comment_added",
    );
    expect(notices[0]?.data).toMatchObject({ documentType: "timesheet", documentId: t.id });
    expect((await portal(other.cookie, "GET", `/timesheets/${t.id}/comments`)).statusCode).toBe(404);
    await showProjects(ctx, org, false);
    try {
      expect((await portal(w.cookie, "GET", `/timesheets/${t.id}/comments`)).statusCode).toBe(404);
    } finally {
      await showProjects(ctx, org, true);
    }
  });
});

describe("the projects service withdraws (decision 040)", () => {
  test("editing or deleting an entry of a pending or approved timesheet withdraws it", async () => {
    const w = await world("Projects Withdraw Co");
    const t = await submitted(w);
    const edit = (id: string) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/time-entries/${id}`,
        headers: { cookie: org.cookie },
        payload: { projectId: w.project.id, workDate: daysFromToday(-3), minutes: 75 },
      });
    // Pending: the change withdraws the request, and the contact can no longer approve it.
    expect((await edit(w.entries[0] as string)).statusCode).toBe(200);
    expect(((await staff("GET", `/api/timesheets/${t.id}`)).json() as TimesheetDetail).status).toBe(
      "withdrawn",
    );
    expect((await entryRows(w.entries)).map((e) => e.approvalStatus)).toEqual(["none", "none", "none"]);
    const late = await portal(w.cookie, "POST", `/timesheets/${t.id}/approve`, {
      entriesHash: t.entriesHash,
    });
    expect(late.json().code).toBe("TIMESHEET_NOT_PENDING");
    // Approved: the same.
    const sent = await submitted(w);
    const approved = await portal(w.cookie, "POST", `/timesheets/${sent.id}/approve`, {
      entriesHash: sent.entriesHash,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await edit(w.entries[0] as string)).statusCode).toBe(200);
    const after = (await staff("GET", `/api/timesheets/${sent.id}`)).json() as TimesheetDetail;
    expect(after.status).toBe("withdrawn");
    expect((await entryRows(w.entries)).map((e) => e.approvalStatus)).toEqual(["none", "none", "none"]);
    // Resubmitted and approved again, then an entry deleted: withdrawn again.
    const again = await submitted(w);
    await portal(w.cookie, "POST", `/timesheets/${again.id}/approve`, { entriesHash: again.entriesHash });
    const del = await ctx.app.inject({
      method: "DELETE",
      url: `/api/time-entries/${w.entries[2]}`,
      headers: { cookie: org.cookie },
    });
    expect(del.statusCode).toBeLessThan(300);
    expect(((await staff("GET", `/api/timesheets/${again.id}`)).json() as TimesheetDetail).status).toBe(
      "withdrawn",
    );
  });
});
