import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { afterFailure, deliveryHeaders, eventForTransition, isRetryable, maskUrl, promotionBody, secretFingerprint } from "./notifications";
import { PROMOTION_EVENTS, PROMOTION_STATES, transition } from "./promotion-state";

describe("eventForTransition", () => {
  const cases: [Parameters<typeof eventForTransition>[0], Parameters<typeof eventForTransition>[1], string | null][] = [
    ["requested", "checking", null],
    ["checking", "awaiting_approval", "promotion.awaiting_approval"],
    ["awaiting_approval", "awaiting_approval", null], // an approval short of the quota
    ["awaiting_approval", "approved", "promotion.approved"],
    ["awaiting_approval", "checking", null], // a gate regressed
    ["approved", "checking", null],
    ["checking", "rejected", "promotion.rejected"],
    ["awaiting_approval", "rejected", "promotion.rejected"],
    ["approved", "deploying", null],
    ["deploying", "deployed", "promotion.deployed"],
    ["deploying", "failed", "promotion.failed"],
    ["deployed", "rolled_back", "promotion.rolled_back"],
    ["failed", "rolled_back", "promotion.rolled_back"],
    ["deploying", "rolled_back", "promotion.rolled_back"],
    ["approved", "cancelled", null],
    ["checking", "expired", null],
  ];
  for (const [from, to, event] of cases) it(`${from} → ${to}: ${event ?? "nothing"}`, () => expect(eventForTransition(from, to)).toBe(event));

  it("every transition the state machine allows maps to a known event or to nothing", () => {
    for (const state of PROMOTION_STATES) {
      for (const e of PROMOTION_EVENTS) {
        const to = transition(state, e);
        if (to) expect([null, `promotion.${to}`]).toContain(eventForTransition(state, to));
      }
    }
  });
});

describe("retries", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 30_000 };
  const cases: [number, boolean, ReturnType<typeof afterFailure>][] = [
    [1, true, { retry: true, delayMs: 30_000 }],
    [2, true, { retry: true, delayMs: 60_000 }],
    [3, true, { retry: true, delayMs: 120_000 }],
    [4, true, { retry: true, delayMs: 240_000 }],
    [5, true, { retry: false }],
    [1, false, { retry: false }],
  ];
  for (const [attempt, retryable, expected] of cases) it(`attempt ${attempt}${retryable ? "" : " (permanent)"}`, () => expect(afterFailure(attempt, retryable, policy)).toEqual(expected));

  const statuses: [number | null, boolean][] = [[null, true], [500, true], [502, true], [503, true], [408, true], [429, true], [400, false], [401, false], [404, false], [410, false], [301, false], [302, false]];
  for (const [status, retry] of statuses) it(`status ${status ?? "none"} ${retry ? "is" : "is not"} retried`, () => expect(isRetryable(status)).toBe(retry));
});

describe("signing and display", () => {
  it("signs the exact body with HMAC-SHA256, GitHub style; the delivery id and timestamp are stable", () => {
    const d = { id: "cdelivery1", event: "promotion.approved", body: '{"a":1}', createdAt: new Date("2026-11-25T10:00:00.500Z") };
    const h = deliveryHeaders(d, "whsec_test");
    expect(h).toEqual({
      "content-type": "application/json",
      "user-agent": "Parity-Notifications/1",
      "x-parity-event": "promotion.approved",
      "x-parity-delivery": "cdelivery1",
      "x-parity-timestamp": "1795600800",
      "x-parity-signature-256": `sha256=${createHmac("sha256", "whsec_test").update('{"a":1}').digest("hex")}`,
    });
    expect(deliveryHeaders(d, "whsec_test")).toEqual(h);
  });

  it("the body carries the promotion's facts and a readable line", () => {
    const body = JSON.parse(
      promotionBody("promotion.rolled_back", { id: "p1", service: { slug: "checkout", name: "Checkout" }, version: "v2.4.0", kind: "standard", from: { slug: "staging", name: "Staging" }, to: { slug: "production", name: "Production" }, state: "rolled_back" }, "pat@example.com", new Date("2026-11-25T10:00:00Z"), "https://parity.example.com/"),
    );
    expect(body).toEqual({
      event: "promotion.rolled_back",
      timestamp: "2026-11-25T10:00:00.000Z",
      actor: { email: "pat@example.com" },
      promotion: { id: "p1", url: "https://parity.example.com/promotions/p1", service: "checkout", version: "v2.4.0", kind: "standard", source: "staging", target: "production", state: "rolled_back" },
      text: "Checkout v2.4.0 Staging → Production rolled back (pat@example.com) https://parity.example.com/promotions/p1",
    });
  });

  const urls: [string, string][] = [
    ["https://hooks.slack.com/services/T0001/B0002/XXXXsecretYYYY", "https://hooks.slack.com/…YYYY"],
    ["https://example.com/", "https://example.com/"],
    ["http://127.0.0.1:4000/hook", "http://127.0.0.1:4000/hook"],
    ["http://127.0.0.1:4000/hooks/abc", "http://127.0.0.1:4000/…/abc"],
    ["not a url", "(invalid URL)"],
  ];
  for (const [url, masked] of urls) it(`masks ${url}`, () => expect(maskUrl(url)).toBe(masked));

  it("a fingerprint tells secrets apart without revealing them", () => {
    expect(secretFingerprint("whsec_a")).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(secretFingerprint("whsec_a")).not.toBe(secretFingerprint("whsec_b"));
  });
});
