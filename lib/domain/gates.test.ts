import { describe, expect, it } from "vitest";
import type { AccessLevel, Role } from "@/generated/prisma/enums";
import { blockingGates, gatesGreen, mayRecordGate, mayWaiveGate, type GateActor } from "./gates";

const person = (roles: Role[], targetLevel: AccessLevel, isRequester = false): GateActor => ({ roles, targetLevel, isRequester });
const ci = (scopes: string[]): GateActor => ({ roles: [], targetLevel: "read_logs", scopes, isRequester: false });

// [gate, actor description, actor, allowed]
const RECORD: [string, string, GateActor, boolean][] = [
  ["qa_signoff", "qa (read on production)", person(["qa"], "read"), true],
  ["qa_signoff", "developer", person(["developer"], "read_logs"), false],
  ["qa_signoff", "platform (full)", person(["platform"], "full"), false],
  ["rollback_plan", "platform", person(["platform"], "full"), true],
  ["rollback_plan", "qa with full on staging", person(["qa"], "full"), true],
  ["rollback_plan", "qa with read on production", person(["qa"], "read"), false],
  ["oncall", "platform", person(["platform"], "full"), true],
  ["monitoring", "developer", person(["developer"], "read_logs"), false],
  ["monitoring", "executive", person(["executive"], "dashboards"), false],
  ["tests", "CI token with gates:write", ci(["gates:write"]), true],
  ["tests", "CI token without the scope", ci(["deployments:write"]), false],
  ["e2e", "platform in the browser", person(["platform"], "full"), true],
  ["e2e", "developer in the browser", person(["developer"], "read_logs"), false],
  ["qa_signoff", "CI token", ci(["gates:write"]), false],
  ["window", "platform", person(["platform"], "full"), false],
  ["window", "CI token", ci(["gates:write"]), false],
  ["change_ticket", "CI token", ci(["gates:write"]), true],
];

describe("mayRecordGate", () => {
  for (const [gate, who, actor, allowed] of RECORD) {
    it(`${who} ${allowed ? "may" : "may not"} record ${gate}`, () => expect(mayRecordGate(gate, actor).ok).toBe(allowed));
  }
  it("explains a refusal", () => {
    const r = mayRecordGate("qa_signoff", person(["developer"], "read_logs"));
    expect(r.ok ? "" : r.message).toMatch(/Only qa may record "QA sign-off"/);
  });
});

describe("mayWaiveGate", () => {
  it.each([
    ["e2e", person(["platform"], "full"), true],
    ["e2e", person(["platform"], "full", true), false],
    ["e2e", person(["qa"], "read"), false],
    ["window", person(["platform"], "full"), false],
  ] as const)("%s by %o → %s", (gate, actor, ok) => expect(mayWaiveGate(gate, actor).ok).toBe(ok));
});

describe("blockingGates", () => {
  it("counts pending and failed, not passed, waived or the window", () => {
    const gates = [
      { gate: "tests", status: "passed" as const },
      { gate: "e2e", status: "failed" as const },
      { gate: "qa_signoff", status: "pending" as const },
      { gate: "performance", status: "waived" as const },
      { gate: "window", status: "pending" as const },
    ];
    expect(blockingGates(gates).map((g) => g.gate)).toEqual(["e2e", "qa_signoff"]);
    expect(gatesGreen(gates)).toBe(false);
    expect(gatesGreen([])).toBe(true);
    expect(gatesGreen([{ gate: "window", status: "pending" }])).toBe(true);
  });
});
