import type { ProjectBody, ProjectDetail, TimeEntry } from "../../../shared/contracts/index.js";
import type { TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

type Method = "GET" | "POST" | "PUT" | "DELETE";

export const staffApi =
  (ctx: TestContext, cookie: string) => (method: Method, url: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

/** A project of the customer (project rate 60.00/h unless `fields` say otherwise). */
export async function buildProject(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  fields: Partial<ProjectBody> = {},
): Promise<ProjectDetail> {
  const res = await staffApi(ctx, org.cookie)("POST", "/api/projects", {
    customerId,
    name: "Website",
    hourlyRateMinor: 6000,
    ...fields,
  });
  if (res.statusCode !== 201) throw new Error(`project: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function logTime(
  ctx: TestContext,
  cookie: string,
  body: { projectId: string; workDate: string; minutes?: number; taskId?: string; [k: string]: unknown },
): Promise<TimeEntry> {
  const res = await staffApi(ctx, cookie)("POST", "/api/time-entries", body);
  if (res.statusCode !== 201) throw new Error(`time entry: ${res.statusCode} ${res.body}`);
  return res.json();
}
