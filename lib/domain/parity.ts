// The parity score: how alike two environments' effective config is.
//
// For one service: the share of keys in the union of both environments' effective
// config that are identical (secret references compared without their environment
// prefix) or whose difference is marked intended, as a whole percentage rounded down
// (so 99.6% never shows as a perfect 100). A service with no keys in either
// environment scores 100. Overall: the same ratio over all services' keys together
// (key-weighted, so a big service counts more than a tiny one).
import type { DiffCounts } from "./config-diff";

export interface ParityScore {
  score: number;
  matching: number;
  total: number;
}

export function parityScore(counts: Pick<DiffCounts, "identical" | "intended" | "total">): ParityScore {
  const matching = counts.identical + counts.intended;
  return { score: counts.total === 0 ? 100 : Math.floor((matching * 100) / counts.total), matching, total: counts.total };
}

export function overallParity(perService: readonly Pick<DiffCounts, "identical" | "intended" | "total">[]): ParityScore {
  return parityScore(
    perService.reduce((acc, c) => ({ identical: acc.identical + c.identical, intended: acc.intended + c.intended, total: acc.total + c.total }), { identical: 0, intended: 0, total: 0 }),
  );
}

export function parityTone(score: number): "good" | "warn" | "bad" {
  return score >= 90 ? "good" : score >= 70 ? "warn" : "bad";
}
