import { addDays } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { createProject, createTask } from "./projects.service.js";
import { createTimeEntry } from "./time-entries.service.js";

/**
 * The demo's project (A11): a website for Acme at 60 €/h with two tasks and a week of time, shown in the
 * portal, nothing invoiced yet, so "Invoice time" has something to bill.
 */
export async function seedDemoProject(
  db: Db,
  orgId: string,
  userId: string,
  customerId: string,
): Promise<void> {
  const project = await createProject(db, orgId, {
    customerId,
    name: "Web corporativa",
    description: "Diseño y desarrollo de la nueva web de Acme.",
    billingMethod: "task_rate",
    hourlyRateMinor: 6000,
    budgetMinutes: 40 * 60,
    budgetAmountMinor: 240_000,
    status: "active",
    visibleInPortal: true,
    needsApproval: false,
  });
  await createTask(db, orgId, project.id, { name: "Diseño", hourlyRateMinor: 7000, archived: false });
  const withTasks = await createTask(db, orgId, project.id, { name: "Desarrollo", archived: false });
  const [design, build] = withTasks.tasks;
  const today = clock.today("Europe/Madrid");
  const days: [number, string | undefined, number, string][] = [
    [-6, design?.id, 180, "Bocetos de la portada"],
    [-5, design?.id, 120, "Repaso de bocetos con Acme"],
    [-3, build?.id, 240, "Maquetación de plantillas"],
    [-2, build?.id, 150, "Formulario de contacto"],
    [-1, undefined, 30, "Reunión de seguimiento"],
  ];
  for (const [offset, taskId, minutes, notes] of days)
    await createTimeEntry(
      db,
      { orgId, userId },
      {
        projectId: project.id,
        taskId,
        workDate: addDays(today, offset),
        minutes,
        notes,
        billable: true,
      },
    );
}
