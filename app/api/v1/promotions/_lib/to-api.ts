import type { PromotionDetail } from "@/lib/data/promotions/get-promotion";

/** The API shape of one promotion: everything but the viewer's UI flags. */
export function toApiPromotion(p: PromotionDetail) {
  const { viewer, gates, readiness, ...rest } = p;
  return {
    ...rest,
    gates: gates.map(({ canSignOff: _s, canWaive: _w, ...g }) => g),
    readiness: { ...readiness, deploy: readiness.deploy.ok ? { ok: true } : { ok: false, message: readiness.deploy.message } },
    allowed: { approve: viewer.approve.ok, reject: viewer.reject.ok, cancel: viewer.cancel },
  };
}
