import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  idParams,
  invoiceTimeBody,
  invoiceTimeResult,
  listTotals,
  okResponse,
  projectBody,
  projectDetail,
  projectListQuery,
  projectPage,
  projectTaskBody,
  projectTaskParams,
  projectTotalsQuery,
  projectUpdateBody,
  runningTimer,
  staffRate,
  staffRateBody,
  staffRateParams,
  timeEntry,
  timeEntryBody,
  timeEntryListQuery,
  timerStartBody,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { invoiceProjectTime } from "./invoice-time.service.js";
import {
  createProject,
  createTask,
  deleteProject,
  deleteTask,
  getProject,
  listProjects,
  projectListTotals,
  updateProject,
  updateTask,
} from "./projects.service.js";
import { listStaffRates, setStaffRate } from "./staff-rates.service.js";
import {
  createTimeEntry,
  deleteTimeEntry,
  getRunningTimer,
  listProjectEntries,
  startTimer,
  stopTimer,
  updateTimeEntry,
} from "./time-entries.service.js";

/** Back-office projects, tasks, time entries, the timer and "Invoice time" (issue 15 §4, decision 039). */
export async function projectRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["projects"];
  const one = { tags, params: idParams, response: { 200: projectDetail } };
  const ok = { ok: true as const };

  r.get(
    "/api/projects",
    {
      onRequest,
      schema: { tags, querystring: projectListQuery, response: { 200: projectPage } },
    },
    (req) => listProjects(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/projects/totals",
    { onRequest, schema: { tags, querystring: projectTotalsQuery, response: { 200: listTotals } } },
    (req) => projectListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/projects",
    { onRequest, schema: { tags, body: projectBody, response: { 201: projectDetail } } },
    async (req, reply) => reply.status(201).send(await createProject(db, staffOf(req).orgId, req.body)),
  );
  r.get("/api/projects/:id", { onRequest, schema: one }, (req) =>
    getProject(db, staffOf(req).orgId, req.params.id),
  );
  r.put("/api/projects/:id", { onRequest, schema: { ...one, body: projectUpdateBody } }, (req) =>
    updateProject(db, staffOf(req).orgId, req.params.id, req.body),
  );
  r.delete(
    "/api/projects/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await deleteProject(db, staffOf(req).orgId, req.params.id);
      return ok;
    },
  );

  r.post(
    "/api/projects/:id/tasks",
    {
      onRequest,
      schema: { tags, params: idParams, body: projectTaskBody, response: { 201: projectDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await createTask(db, staffOf(req).orgId, req.params.id, req.body)),
  );
  r.put(
    "/api/projects/:id/tasks/:taskId",
    {
      onRequest,
      schema: { tags, params: projectTaskParams, body: projectTaskBody, response: { 200: projectDetail } },
    },
    (req) => updateTask(db, staffOf(req).orgId, req.params.id, req.params.taskId, req.body),
  );
  r.delete(
    "/api/projects/:id/tasks/:taskId",
    { onRequest, schema: { tags, params: projectTaskParams, response: { 200: projectDetail } } },
    (req) => deleteTask(db, staffOf(req).orgId, req.params.id, req.params.taskId),
  );

  r.get(
    "/api/projects/:id/time-entries",
    {
      onRequest,
      schema: {
        tags,
        params: idParams,
        querystring: timeEntryListQuery,
        response: { 200: z.array(timeEntry) },
      },
    },
    (req) => listProjectEntries(db, staffOf(req).orgId, req.params.id, req.query),
  );
  r.post(
    "/api/projects/:id/invoice",
    {
      onRequest,
      schema: { tags, params: idParams, body: invoiceTimeBody, response: { 201: invoiceTimeResult } },
    },
    async (req, reply) =>
      reply.status(201).send(await invoiceProjectTime(db, staffOf(req).orgId, req.params.id, req.body)),
  );

  r.post(
    "/api/time-entries",
    { onRequest, schema: { tags, body: timeEntryBody, response: { 201: timeEntry } } },
    async (req, reply) => reply.status(201).send(await createTimeEntry(db, staffOf(req), req.body)),
  );
  r.put(
    "/api/time-entries/:id",
    { onRequest, schema: { tags, params: idParams, body: timeEntryBody, response: { 200: timeEntry } } },
    (req) => updateTimeEntry(db, staffOf(req), req.params.id, req.body),
  );
  r.delete(
    "/api/time-entries/:id",
    { onRequest, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await deleteTimeEntry(db, staffOf(req).orgId, req.params.id);
      return ok;
    },
  );

  r.get("/api/timer", { onRequest, schema: { tags, response: { 200: runningTimer } } }, (req) =>
    getRunningTimer(db, staffOf(req)),
  );
  r.post(
    "/api/timer/start",
    { onRequest, schema: { tags, body: timerStartBody, response: { 200: runningTimer } } },
    (req) => startTimer(db, staffOf(req), req.body),
  );
  r.post("/api/timer/stop", { onRequest, schema: { tags, response: { 200: timeEntry } } }, (req) =>
    stopTimer(db, staffOf(req)),
  );

  r.get(
    "/api/staff-rates",
    { onRequest, config: { action: "team.read" }, schema: { tags, response: { 200: z.array(staffRate) } } },
    (req) => listStaffRates(db, staffOf(req).orgId),
  );
  r.put(
    "/api/staff-rates/:userId",
    {
      onRequest,
      config: { action: "team.manage" },
      schema: { tags, params: staffRateParams, body: staffRateBody, response: { 200: staffRate } },
    },
    (req) => setStaffRate(db, staffOf(req).orgId, req.params.userId, req.body.hourlyRateMinor),
  );
}
