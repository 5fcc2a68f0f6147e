import { describe, expect, it } from "vitest";
import type { AccessLevel, Role } from "@/generated/prisma/enums";
import { can, CAPABILITIES, DEFAULT_MATRIX, LEVELS, ROLES, type Capability } from "./levels";
import { environmentIdsWith, environmentWhere, levelsFor, type Principal } from "./principal";

// What each level allows (PRODUCT.md "What each level lets a person do").
const EXPECTED: Record<AccessLevel, Capability[]> = {
  none: [],
  dashboards: ["see"],
  read_logs: ["see", "view_deployments", "view_config"],
  read: ["see", "view_deployments", "view_config", "view_secrets"],
  read_deploy: ["see", "view_deployments", "view_config", "view_secrets", "request_promotion"],
  full: ["see", "view_deployments", "view_config", "view_secrets", "request_promotion", "manage"],
};

describe("can(level, capability)", () => {
  for (const level of LEVELS) {
    for (const capability of CAPABILITIES) {
      const allowed = EXPECTED[level].includes(capability);
      it(`${level} ${allowed ? "may" : "may not"} ${capability}`, () => expect(can(level, capability)).toBe(allowed));
    }
  }
});

const grants = Object.entries(DEFAULT_MATRIX).flatMap(([env, row]) => ROLES.map((role) => ({ role, environmentId: env, level: row[role] })));

function principal(roles: Role[]): Principal {
  return { kind: "user", userId: "u", email: "u@example.com", name: "u", roles, levels: levelsFor(roles, grants) };
}

describe("every role × environment × capability over the default matrix", () => {
  for (const role of ROLES) {
    for (const env of Object.keys(DEFAULT_MATRIX)) {
      const level = DEFAULT_MATRIX[env][role];
      for (const capability of CAPABILITIES) {
        const allowed = EXPECTED[level].includes(capability);
        it(`${role} on ${env} (${level}): ${capability} → ${allowed}`, () => {
          const ids = environmentIdsWith(principal([role]), capability);
          expect(ids.includes(env)).toBe(allowed);
          expect(environmentWhere(principal([role]), capability).id.in.includes(env)).toBe(allowed);
        });
      }
    }
  }
});

describe("levelsFor", () => {
  it("takes the best level across a person's roles", () => {
    const p = principal(["executive", "qa"]);
    expect(p.levels.get("production")).toBe("read");
    expect(p.levels.get("staging")).toBe("full");
    expect(p.levels.get("development")).toBe("none");
  });
  it("gives nothing to someone with no roles", () => {
    expect(environmentIdsWith(principal([]), "see")).toEqual([]);
  });
  it("matches the documented examples", () => {
    expect(environmentIdsWith(principal(["developer"]), "see").sort()).toEqual(["development", "production", "staging"]);
    expect(environmentIdsWith(principal(["qa"]), "see").sort()).toEqual(["production", "staging"]);
    expect(environmentIdsWith(principal(["executive"]), "view_deployments").sort()).toEqual(["staging"]);
    expect(environmentIdsWith(principal(["executive"]), "manage")).toEqual([]);
  });
});
