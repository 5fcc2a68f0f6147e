import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("production build guard", () => {
  it("refuses to start `next start` with the development sign-in enabled", () => {
    const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", "3998"], {
      env: { ...process.env, AUTH_DEV_LOGIN: "true", NEXT_DIST_DIR: ".next-guard", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: "a-production-secret-of-length" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("AUTH_DEV_LOGIN is enabled in a production build: refusing to start");
  });

  it("refuses a malformed variable, naming it", () => {
    const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", "3998"], {
      env: { ...process.env, DATABASE_URL: "not a url", NEXT_DIST_DIR: ".next-guard", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Invalid environment variables:\s+DATABASE_URL/);
  });
});
