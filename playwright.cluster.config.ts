import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// e2e/cluster.spec.ts only, against two app processes on one PostgreSQL that scripts/test-e2e-cluster.sh
// starts (E2E_CLUSTER_A, E2E_CLUSTER_B); the normal run (playwright.config.ts) leaves this spec out.
export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: "cluster.spec.ts",
  workers: 1,
  projects: base.projects?.filter((p) => p.name === "chromium"),
  use: { ...base.use, baseURL: process.env.E2E_CLUSTER_A },
});
