import { describe, expect, it } from "vitest";
import { detectSecret, maskValue, shannonEntropy } from "./secret-detection";

const CASES: [string, string, string | null][] = [
  ["AWS access key id", "AKIAIOSFODNN7EXAMPLE", "aws_access_key"],
  ["Stripe live key", "sk_live_" + "51HxDemoNotARealKey0000", "stripe_live_key"],
  ["Stripe restricted live key", "rk_live_" + "abcdefghijklmnop", "stripe_live_key"],
  ["SendGrid key", "SG.k3xQ9vLr2Tz8PwY1mN4bHc.7dFgJ0aSeR5tUiOpLkZxCvBnMqWeRtYuIoPaSdFgHj", "sendgrid_key"],
  ["RSA private key block", "-----BEGIN RSA PRIVATE KEY-----\nMIIE...", "private_key"],
  ["PKCS8 private key block", "-----BEGIN PRIVATE KEY-----", "private_key"],
  ["password in a URL", "postgres://app:s3cr3tpass@db.internal:5432/app", "url_credentials"],
  ["random 40-char token", "q8Zr2LmX0vT7bN4kJ9sW1eY6uH3cF5gA8dP2oQ7i", "high_entropy"],
  ["plain word", "production", null],
  ["number", "60000", null],
  ["url without credentials", "https://public@sentry.example.com/12", null],
  ["redis url", "redis://cache.prod.internal:6379", null],
  ["a long sentence", "this is a perfectly ordinary description of a thing", null],
  ["a secret reference (path)", "production/database/password", null],
  ["low-entropy long value", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null],
  ["empty", "", null],
  ["unicode", "héllo 🌍 你好", null],
];

describe("detectSecret", () => {
  for (const [name, value, kind] of CASES) it(`${name} → ${kind ?? "not a secret"}`, () => expect(detectSecret(value)?.kind ?? null).toBe(kind));
});

describe("shannonEntropy / maskValue", () => {
  it("is 0 for one repeated character and 1 for two balanced ones", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abab")).toBe(1);
  });
  it("masks all but the first four characters", () => {
    const masked = maskValue("sk_live_" + "abcdefghijklmnop");
    expect(masked).toBe("sk_l…(24 chars, masked)");
    expect(masked).not.toContain("abcdef");
  });
});
