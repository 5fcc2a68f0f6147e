// GitHub's X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw request body.
// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** True only when `header` is the body's signature; compared in constant time. */
export function verifySignature(secret: string, body: string | Buffer, header: string | null | undefined): boolean {
  if (!secret || !header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = Buffer.from(signBody(secret, body), "utf8");
  const given = Buffer.from(header.toLowerCase(), "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
