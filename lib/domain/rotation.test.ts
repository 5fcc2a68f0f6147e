import { describe, expect, it } from "vitest";
import { DEFAULT_ROTATION_DAYS, nextRotationFrom, rotationOf, rotationStatusBounds, secretFindings, summarizeRotation, type RotationInput, type RotationStatus } from "./rotation";

const NOW = new Date("2026-03-15T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const base: RotationInput = { type: "database_password", rotationPolicy: "automatic", rotationDays: 30, lastRotatedAt: null };

describe("rotationOf", () => {
  const cases: [string, Partial<RotationInput>, RotationStatus, number | null][] = [
    ["never rotated", { lastRotatedAt: null }, "never_rotated", null],
    ["rotated yesterday, 30-day policy", { lastRotatedAt: daysAgo(1) }, "ok", 29],
    ["15 days left is still ok", { lastRotatedAt: daysAgo(15) }, "ok", 15],
    ["exactly 14 days left is due soon", { lastRotatedAt: daysAgo(16) }, "due_soon", 14],
    ["due today (same instant) is due soon, not overdue", { lastRotatedAt: daysAgo(30) }, "due_soon", 0],
    ["one millisecond past due is overdue", { lastRotatedAt: new Date(daysAgo(30).getTime() - 1) }, "overdue", -1],
    ["50 days on a 30-day policy is overdue", { lastRotatedAt: daysAgo(50) }, "overdue", -20],
    ["no period: the type's default (db password 90)", { rotationDays: null, lastRotatedAt: daysAgo(50) }, "ok", 40],
    ["zero period counts as none", { rotationDays: 0, lastRotatedAt: daysAgo(80) }, "due_soon", 10],
    ["SSH key default is yearly", { type: "ssh_key", rotationPolicy: "manual", rotationDays: null, lastRotatedAt: daysAgo(300) }, "ok", 65],
    ["a stated next rotation wins over last + period", { lastRotatedAt: daysAgo(50), nextRotationAt: new Date(NOW.getTime() + 40 * 86_400_000) }, "ok", 40],
    ["a stated next rotation in the past is overdue", { lastRotatedAt: daysAgo(5), nextRotationAt: daysAgo(1) }, "overdue", -1],
  ];
  for (const [name, input, status, daysLeft] of cases) {
    it(name, () => {
      const r = rotationOf({ ...base, ...input }, NOW);
      expect(r.status).toBe(status);
      expect(r.daysLeft).toBe(daysLeft);
    });
  }

  it("uses the reference's periods as defaults", () => {
    expect(DEFAULT_ROTATION_DAYS).toMatchObject({ database_password: 90, tls_certificate: 90, ssh_key: 365, encryption_key: 365 });
  });
});

describe("rotationStatusBounds agree with rotationOf on the stored due date", () => {
  const offsets = [-40, -1, -0.001, 0, 0.5, 13.9, 14, 14.001, 15, 200];
  for (const days of offsets) {
    it(`due in ${days} days`, () => {
      const next = new Date(NOW.getTime() + days * 86_400_000);
      const status = rotationOf({ ...base, lastRotatedAt: daysAgo(1), nextRotationAt: next }, NOW).status;
      const b = rotationStatusBounds(status, NOW);
      expect("never" in b).toBe(false);
      if ("never" in b) return;
      if (b.gte) expect(next.getTime()).toBeGreaterThanOrEqual(b.gte.getTime());
      if (b.lt) expect(next.getTime()).toBeLessThan(b.lt.getTime());
      for (const other of ["ok", "due_soon", "overdue"] as const) {
        if (other === status) continue;
        const o = rotationStatusBounds(other, NOW) as { gte?: Date; lt?: Date };
        const inside = (!o.gte || next >= o.gte) && (!o.lt || next < o.lt);
        expect(inside, `${other} must not also match`).toBe(false);
      }
    });
  }
});

describe("nextRotationFrom", () => {
  it("is last + period, or null when never rotated", () => {
    expect(nextRotationFrom({ type: "api_key", rotationDays: null, lastRotatedAt: daysAgo(0) })?.toISOString()).toBe(new Date(NOW.getTime() + 180 * 86_400_000).toISOString());
    expect(nextRotationFrom({ type: "api_key", rotationDays: 7, lastRotatedAt: null })).toBeNull();
  });
});

describe("secretFindings", () => {
  const s = (over: Partial<Parameters<typeof secretFindings>[0][number]>) => ({ ...base, name: "production/x", environmentId: "production", ...over });
  const cases: [string, ReturnType<typeof s>, string[]][] = [
    ["a fresh automatically rotated db password raises nothing", s({ lastRotatedAt: daysAgo(1) }), []],
    ["an overdue secret", s({ type: "api_key", rotationPolicy: "manual", lastRotatedAt: daysAgo(40) }), ["secret_rotation_overdue"]],
    ["a never rotated key", s({ type: "encryption_key", rotationPolicy: "manual", rotationDays: 365 }), ["secret_never_rotated"]],
    ["a manual db password", s({ rotationPolicy: "manual", lastRotatedAt: daysAgo(1) }), ["database_password_manual_rotation"]],
    ["an overdue manual db password raises both", s({ rotationPolicy: "manual", lastRotatedAt: daysAgo(100) }), ["secret_rotation_overdue", "database_password_manual_rotation"]],
    ["a due-soon secret is not a finding", s({ lastRotatedAt: daysAgo(25) }), []],
    ["a deleted secret raises nothing", s({ rotationPolicy: "manual", lastRotatedAt: daysAgo(100), deletedAt: daysAgo(1) }), []],
  ];
  for (const [name, secret, kinds] of cases) {
    it(name, () => expect(secretFindings([secret], NOW).map((f) => f.kind)).toEqual(kinds));
  }

  it("carries the environment, the name, a severity and a message", () => {
    const [f] = secretFindings([s({ lastRotatedAt: daysAgo(31) })], NOW);
    expect(f).toMatchObject({ severity: "high", environmentId: "production", secretName: "production/x" });
    expect(f.message).toContain("1 day overdue");
  });

  it("is empty for no secrets", () => expect(secretFindings([], NOW)).toEqual([]));
});

describe("summarizeRotation", () => {
  it("counts each status", () => {
    const rows = [base, { ...base, lastRotatedAt: daysAgo(1) }, { ...base, lastRotatedAt: daysAgo(20) }, { ...base, lastRotatedAt: daysAgo(60) }];
    expect(summarizeRotation(rows, NOW)).toEqual({ total: 4, ok: 1, due_soon: 1, overdue: 1, never_rotated: 1 });
    expect(summarizeRotation([], NOW).total).toBe(0);
  });
});
