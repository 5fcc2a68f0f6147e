// A small local Secrets Manager: speaks the service's JSON 1.1 protocol
// (POST /, X-Amz-Target: secretsmanager.<Operation>), paginates ListSecrets with
// NextToken, answers AWS error shapes, and records every call. Each secret has a
// canary value so a test can prove no value ever left it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSecret {
  Name: string;
  ARN: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationRules?: { AutomaticallyAfterDays?: number };
  LastRotatedDate?: Date;
  LastChangedDate?: Date;
  NextRotationDate?: Date;
  CreatedDate: Date;
  Tags?: { Key: string; Value: string }[];
  /** Never part of ListSecrets / DescribeSecret; only GetSecretValue / BatchGetSecretValue would return it. */
  SecretString: string;
  /** A binary secret instead (returned base64, like the service); SecretString is then ignored. */
  SecretBinary?: Buffer;
}

export interface FakeCall {
  target: string;
  body: Record<string, unknown>;
}

type Fault = { kind: "error"; type: string; status: number; message: string } | { kind: "malformed" } | { kind: "reset" };

const ACCOUNT = "123456789012";
const REGION = "eu-west-2";
const DAY = 86_400_000;

export function arnFor(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${h.toString(36).slice(0, 6).padEnd(6, "x")}`;
}

export function canaryFor(name: string): string {
  return `CANARY-VALUE-${Buffer.from(name).toString("hex").slice(0, 24)}`;
}

export function fakeSecret(name: string, over: Partial<FakeSecret> = {}, now = Date.now()): FakeSecret {
  return {
    Name: name,
    ARN: arnFor(name),
    Description: `Metadata for ${name}`,
    CreatedDate: new Date(now - 400 * DAY),
    LastChangedDate: new Date(now - 10 * DAY),
    Tags: [],
    SecretString: canaryFor(name),
    ...over,
  };
}

const PATHS = ["database/password", "orders/database/password", "stripe/api-key", "datadog/api-key", "search/api-key", "ssh/deploy-key", "tls/internal-cert", "kms/data-key", "redis/auth-token", "webhooks/signing-secret"];

/**
 * A realistic account: for each environment prefix the usual paths plus numbered
 * service credentials (`count` in all), a few secrets mapped only by an `environment`
 * tag, and a few that map nowhere.
 */
export function realisticSecrets(count = 300, now = Date.now()): FakeSecret[] {
  const prefixes = ["dev/", "staging/", "production/"];
  const out: FakeSecret[] = [];
  for (let i = 0; out.length < count - 6; i++) {
    const prefix = prefixes[i % 3];
    const base = PATHS[Math.floor(i / 3) % PATHS.length];
    const round = Math.floor(i / (3 * PATHS.length));
    const path = round === 0 ? base : `svc-${String(round).padStart(3, "0")}/${base}`;
    const team = ["platform", "payments", "commerce", "growth", "security"][i % 5];
    const automatic = base.includes("database") || base.includes("redis");
    const days = automatic ? 30 + (i % 3) * 30 : 180;
    const last = new Date(now - ((i * 7) % (days + 40)) * DAY);
    out.push(
      fakeSecret(
        `${prefix}${path}`,
        {
          RotationEnabled: automatic,
          RotationRules: automatic ? { AutomaticallyAfterDays: days } : undefined,
          LastRotatedDate: automatic || i % 4 ? last : undefined,
          NextRotationDate: automatic ? new Date(last.getTime() + days * DAY) : undefined,
          Tags: [
            { Key: "team", Value: team },
            { Key: "principals", Value: `arn:aws:iam::${ACCOUNT}:role/${team}-${prefix.slice(0, -1)}` },
          ],
        },
        now,
      ),
    );
  }
  out.push(fakeSecret("legacy-billing-db", { Tags: [{ Key: "environment", Value: "staging" }, { Key: "type", Value: "database_password" }] }, now));
  out.push(fakeSecret("analytics-warehouse-key", { Tags: [{ Key: "environment", Value: "production" }] }, now));
  out.push(fakeSecret("reporting/api-token", { Tags: [{ Key: "Environment", Value: "dev" }] }, now));
  out.push(fakeSecret("shared/ci/github-token", { Tags: [{ Key: "team", Value: "platform" }] }, now));
  out.push(fakeSecret("sandbox/experiment-key", {}, now));
  out.push(fakeSecret("qa-env/database/password", { Tags: [{ Key: "environment", Value: "qa" }] }, now));
  return out;
}

function toWire(s: FakeSecret) {
  const epoch = (d?: Date) => (d ? d.getTime() / 1000 : undefined);
  return {
    ARN: s.ARN,
    Name: s.Name,
    Description: s.Description,
    KmsKeyId: s.KmsKeyId,
    RotationEnabled: s.RotationEnabled ?? false,
    RotationRules: s.RotationRules,
    LastRotatedDate: epoch(s.LastRotatedDate),
    LastChangedDate: epoch(s.LastChangedDate),
    NextRotationDate: epoch(s.NextRotationDate),
    CreatedDate: epoch(s.CreatedDate),
    Tags: s.Tags ?? [],
    SecretVersionsToStages: { "00000000-0000-0000-0000-000000000001": ["AWSCURRENT"] },
  };
}

/** What GetSecretValue answers: the value itself. */
function valueOf(s: FakeSecret) {
  const value = s.SecretBinary ? { SecretBinary: s.SecretBinary.toString("base64") } : { SecretString: s.SecretString };
  return { ARN: s.ARN, Name: s.Name, ...value, VersionId: "00000000-0000-0000-0000-000000000001", VersionStages: ["AWSCURRENT"], CreatedDate: (s.LastChangedDate ?? s.CreatedDate).getTime() / 1000 };
}

export class FakeSecretsManager {
  secrets: FakeSecret[];
  readonly calls: FakeCall[] = [];
  private faults: { target: string; fault: Fault; remaining: number; afterCalls: number }[] = [];
  private server: Server | null = null;
  url = "";

  constructor(secrets: FakeSecret[] = realisticSecrets()) {
    this.secrets = secrets;
  }

  /** The next `times` calls of `target` (after `afterCalls` good ones) fail this way. */
  inject(target: string, fault: Fault, times = 1, afterCalls = 0): void {
    this.faults.push({ target, fault, remaining: times, afterCalls });
  }

  throttle(target: string, times = 1, afterCalls = 0): void {
    this.inject(target, { kind: "error", type: "ThrottlingException", status: 400, message: "Rate exceeded" }, times, afterCalls);
  }

  clearFaults(): void {
    this.faults = [];
  }

  targets(): string[] {
    return this.calls.map((c) => c.target);
  }

  /** Listens on 127.0.0.1 (`port` 0: any free port) and returns the endpoint URL. */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", resolve);
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const target = String(req.headers["x-amz-target"] ?? "");
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    } catch {
      return this.error(res, 400, "SerializationException", "Malformed request body");
    }
    const op = target.replace(/^secretsmanager\./, "");
    this.calls.push({ target: op, body });

    const fault = this.faults.find((f) => (f.target === op || f.target === "*") && f.remaining > 0);
    if (fault) {
      if (fault.afterCalls > 0) fault.afterCalls--;
      else {
        fault.remaining--;
        if (fault.fault.kind === "reset") return void req.socket.destroy();
        if (fault.fault.kind === "malformed") {
          res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
          return void res.end('{"SecretList": [ {"Name": "broken", ');
        }
        return this.error(res, fault.fault.status, fault.fault.type, fault.fault.message);
      }
    }
    if (req.method !== "POST" || !target.startsWith("secretsmanager.")) return this.error(res, 400, "UnknownOperationException", "Unknown operation");

    switch (op) {
      case "ListSecrets": {
        const max = Math.min(Number(body.MaxResults ?? 100), 100);
        const start = body.NextToken ? Number(Buffer.from(String(body.NextToken), "base64").toString("utf8").replace("offset:", "")) : 0;
        if (!Number.isInteger(start) || start < 0) return this.error(res, 400, "InvalidNextTokenException", "The NextToken value is invalid.");
        const page = this.secrets.slice(start, start + max);
        const next = start + max < this.secrets.length ? Buffer.from(`offset:${start + max}`).toString("base64") : undefined;
        return this.json(res, { SecretList: page.map(toWire), NextToken: next });
      }
      case "DescribeSecret": {
        const id = String(body.SecretId ?? "");
        const s = this.secrets.find((x) => x.Name === id || x.ARN === id);
        if (!s) return this.error(res, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        return this.json(res, toWire(s));
      }
      case "GetSecretValue": {
        // Answered like the real service, so a call would leak the canary: the tests prove none is made.
        const s = this.secrets.find((x) => x.Name === body.SecretId || x.ARN === body.SecretId);
        if (!s) return this.error(res, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        return this.json(res, valueOf(s));
      }
      case "BatchGetSecretValue": {
        const ids = Array.isArray(body.SecretIdList) ? body.SecretIdList.map(String) : [];
        // By id list, or (with Filters) the whole account: either way, values.
        const found = ids.length ? this.secrets.filter((x) => ids.includes(x.Name) || ids.includes(x.ARN)) : this.secrets;
        return this.json(res, { SecretValues: found.map(valueOf), Errors: [] });
      }
      default:
        return this.error(res, 400, "UnknownOperationException", `Operation ${op} is not supported by this fake`);
    }
  }

  private json(res: ServerResponse, data: unknown): void {
    const text = JSON.stringify(data);
    res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": crypto.randomUUID(), "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  private error(res: ServerResponse, status: number, type: string, message: string): void {
    const text = JSON.stringify({ __type: type, message });
    res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": type, "x-amzn-requestid": crypto.randomUUID() });
    res.end(text);
  }
}
