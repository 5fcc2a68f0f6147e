import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { verifySignature } from "@/lib/domain/webhook-signature";
import { nulPath } from "@/lib/domain/storable";
import { safeHeaders } from "@/lib/integrations/github/events";
import { receiveGithubDelivery, recordRejectedDelivery } from "@/lib/data/webhooks/receive-github-delivery";

const MAX_BYTES = 1_000_000;

function reply(status: number, body: Record<string, unknown>) {
  return NextResponse.json(body, { status });
}
const error = (status: number, code: string, message: string) => reply(status, { error: { code, message } });

/** GitHub deployment / deployment_status webhooks: signed, deduplicated by delivery id. */
export async function POST(req: NextRequest) {
  const secret = env.GITHUB_WEBHOOK_SECRET;
  if (!secret) return error(503, "UNAVAILABLE", "GITHUB_WEBHOOK_SECRET is not configured, so deliveries cannot be verified.");
  const event = req.headers.get("x-github-event") ?? "";
  const deliveryId = req.headers.get("x-github-delivery") ?? "";
  const headers = safeHeaders(req.headers);

  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BYTES) return error(413, "PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BYTES} bytes.`);
  const raw = Buffer.from(await req.arrayBuffer());
  if (raw.length > MAX_BYTES) return error(413, "PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BYTES} bytes.`);

  // Verify before parsing or storing anything that came from the body.
  if (!verifySignature(secret, raw, req.headers.get("x-hub-signature-256"))) {
    const missing = !req.headers.get("x-hub-signature-256");
    await recordRejectedDelivery({ deliveryId, event, headers }, missing ? "missing_signature" : "invalid_signature", 401, missing ? "No X-Hub-Signature-256 header" : "The signature does not match the body and the configured secret");
    return error(401, "UNAUTHENTICATED", missing ? "The X-Hub-Signature-256 header is missing." : "The signature does not match.");
  }
  if (!event || !/^[\w-]{1,100}$/.test(deliveryId)) return error(400, "BAD_REQUEST", "X-GitHub-Event and X-GitHub-Delivery headers are required.");

  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString("utf8"));
  } catch {
    return error(400, "BAD_REQUEST", "The body is not valid JSON (configure the webhook with content type application/json).");
  }
  const nulAt = nulPath(payload);
  if (nulAt !== null) return error(400, "BAD_REQUEST", `The payload holds a NUL (\\u0000) character${nulAt ? ` at ${nulAt}` : ""}, which cannot be stored.`);
  const result = await receiveGithubDelivery({ deliveryId, event, headers, payload });
  // Refusals and failures in the shared error shape; GitHub shows the body in the delivery log.
  if (result.status === 400) return error(400, "BAD_REQUEST", `Invalid ${event} payload: ${result.detail ?? result.outcome}`);
  if (result.status === 500) return error(500, "INTERNAL", result.detail ?? "Processing failed; redeliver to retry.");
  return reply(result.status, { outcome: result.outcome, ...(result.detail ? { detail: result.detail } : {}), ...(result.deploymentId ? { deploymentId: result.deploymentId } : {}) });
}
