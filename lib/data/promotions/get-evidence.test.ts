import { describe, expect, it } from "vitest";
import { principalFor } from "@/tests/support/db";
import { decidePromotion } from "./decide-promotion";
import { getEvidence } from "./get-evidence";
import { awaitingApproval } from "./test-helpers";

describe("getEvidence", () => {
  it("bundles request, gates with evidence, decisions, window and the promotion's audit events; 404 when invisible", async () => {
    const id = await awaitingApproval("api-gateway");
    await decidePromotion(await principalFor("platform2@example.com"), id, { decision: "approve", comment: "fine" });
    const e = await getEvidence(await principalFor("qa@example.com"), id);
    expect(e.promotion).toMatchObject({ id, state: "approved", changeTicket: "CHG-1" });
    expect(e.gates.find((g) => g.gate === "e2e")).toMatchObject({ status: "passed", evidenceUrl: "https://ci.example.com/1" });
    expect(e.approvals).toEqual([expect.objectContaining({ decision: "approve", comment: "fine" })]);
    expect(e.window.policy).toBe("Mon–Thu 10:00–14:00 Europe/London");
    expect(e.audit.map((a) => a.action)).toEqual(["promotion.request", "promotion.start_checks", "promotion.gate.report", "promotion.gates_passed", "promotion.approve_final"]);
    expect(e.audit.every((a) => a.hash?.length === 64 && a.seq !== null)).toBe(true);
    await expect(getEvidence(await principalFor("exec@example.com"), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
