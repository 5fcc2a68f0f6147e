import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // One output folder per server port, so concurrent runs don't clear each other's artifacts.
  outputDir: `test-results/e2e-${port}`,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  // One retry in CI only: a cold dev-server compile on a busy 2-core machine can exceed a step's timeout.
  retries: process.env.CI ? 1 : 0,
  globalSetup: "./e2e/global-setup.ts",
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "flows", testIgnore: /(authz-matrix|secret-canary)\.spec\.ts/ },
    // The secret canary syncs a fake AWS account into the shared database (new secrets, changed
    // ones), which the flows' counts would notice, so it runs alone after them.
    { name: "secret-canary", testMatch: /secret-canary\.spec\.ts/, dependencies: ["flows"] },
    // The authorization matrix compares the whole database before and after an attacker's
    // attempts, so it runs alone, after every other spec has finished mutating it.
    { name: "authz-matrix", testMatch: /authz-matrix\.spec\.ts/, dependencies: ["secret-canary"] },
  ],
  webServer: {
    command: "npx tsx e2e/server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
