import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run on Debian's Chromium (/usr/bin/chromium); Playwright's own browser downloads
// are never used. The app is started by scripts/test-e2e.sh, which sets E2E_BASE_URL.
// Every spec runs on the desktop project; tag a test "@phone" to run it on the 375×812 project too.
const isCI = !!process.env.CI;

// scripts/test-e2e.sh starts one app per worker (E2E_BASE_URLS) so that two workers never share a
// server's state or its test clock; each worker process reads this file with its own TEST_PARALLEL_INDEX
// and talks only to its own app.
const baseUrls = (process.env.E2E_BASE_URLS ?? "").split(",").filter(Boolean);
const workerIndex = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const baseURL = baseUrls[workerIndex] ?? process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  // Two processes on PostgreSQL: its own run (scripts/test-e2e-cluster.sh, playwright.cluster.config.ts).
  testIgnore: ["cluster.spec.ts"],
  fullyParallel: false,
  workers: Math.max(1, baseUrls.length),
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: "test-results",
  use: {
    baseURL,
    // A trace records a screencast and DOM snapshots of every step: about a third of the browsers' CPU.
    // Only a retry (CI retries once) records one, so a failure still comes with its trace.
    trace: "on-first-retry",
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    // Fixed so that results do not depend on the machine; override per test with test.use().
    locale: "en-US",
    timezoneId: "UTC",
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
  projects: [
    { name: "chromium", use: chromium },
    {
      name: "phone",
      grep: /@phone/,
      use: {
        ...chromium,
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});
