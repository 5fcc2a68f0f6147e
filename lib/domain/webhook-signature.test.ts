import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./webhook-signature";

// GitHub's documented test vector.
const SECRET = "It's a Secret to Everybody";
const PAYLOAD = "Hello, World!";
const SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("webhook signature", () => {
  it("matches GitHub's test vector", () => {
    expect(signBody(SECRET, PAYLOAD)).toBe(SIGNATURE);
    expect(verifySignature(SECRET, PAYLOAD, SIGNATURE)).toBe(true);
    expect(verifySignature(SECRET, Buffer.from(PAYLOAD), SIGNATURE)).toBe(true);
  });

  it.each([
    ["missing header", SECRET, PAYLOAD, null],
    ["empty header", SECRET, PAYLOAD, ""],
    ["sha1 scheme", SECRET, PAYLOAD, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d"],
    ["no prefix", SECRET, PAYLOAD, SIGNATURE.slice(7)],
    ["one digit off", SECRET, PAYLOAD, SIGNATURE.slice(0, -1) + "f"],
    ["truncated", SECRET, PAYLOAD, SIGNATURE.slice(0, 40)],
    ["other body", SECRET, "Hello, World?", SIGNATURE],
    ["body with trailing newline", SECRET, "Hello, World!\n", SIGNATURE],
    ["other secret", "It's a secret to everybody", PAYLOAD, SIGNATURE],
    ["empty secret", "", PAYLOAD, SIGNATURE],
  ])("rejects %s", (_name, secret, body, header) => {
    expect(verifySignature(secret, body, header)).toBe(false);
  });

  it("accepts an upper-case hex digest", () => {
    expect(verifySignature(SECRET, PAYLOAD, "sha256=" + SIGNATURE.slice(7).toUpperCase())).toBe(true);
  });
});
