import { describe, expect, it } from "vitest";
import type { DeploymentStatus } from "@/generated/prisma/enums";
import { decideTransition, type TransitionDecision } from "./deployment-status";

const CASES: [DeploymentStatus, DeploymentStatus, TransitionDecision["kind"]][] = [
  ["queued", "queued", "same"],
  ["queued", "in_progress", "apply"],
  ["queued", "succeeded", "apply"],
  ["queued", "failed", "apply"],
  ["queued", "rolled_back", "invalid"],
  ["in_progress", "queued", "stale"],
  ["in_progress", "in_progress", "same"],
  ["in_progress", "succeeded", "apply"],
  ["in_progress", "failed", "apply"],
  ["in_progress", "rolled_back", "invalid"],
  ["succeeded", "queued", "stale"],
  ["succeeded", "in_progress", "stale"],
  ["succeeded", "succeeded", "same"],
  ["succeeded", "failed", "invalid"],
  ["succeeded", "rolled_back", "apply"],
  ["failed", "queued", "stale"],
  ["failed", "in_progress", "stale"],
  ["failed", "succeeded", "invalid"],
  ["failed", "failed", "same"],
  ["failed", "rolled_back", "invalid"],
  ["rolled_back", "queued", "stale"],
  ["rolled_back", "in_progress", "stale"],
  ["rolled_back", "succeeded", "stale"],
  ["rolled_back", "failed", "stale"],
  ["rolled_back", "rolled_back", "same"],
];

describe("decideTransition", () => {
  it.each(CASES)("%s → %s is %s", (from, to, kind) => {
    expect(decideTransition(from, to).kind).toBe(kind);
  });

  it("covers every pair of statuses", () => expect(CASES).toHaveLength(25));

  it("explains a stale late in-progress after success", () => {
    expect(decideTransition("succeeded", "in_progress")).toEqual({ kind: "stale", reason: 'A late "in progress" after "succeeded" is ignored.' });
  });
});
