// A real HTTP receiver for outgoing webhooks: records every request (headers and the
// raw body) and answers with the statuses it is told to, in order per path (then 200).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Reply = { status: number; delayMs?: number; headers?: Record<string, string> };

export class WebhookReceiver {
  readonly received: Received[] = [];
  private scripts = new Map<string, Reply[]>();
  private server: Server | null = null;

  /** The next answers to requests for `path` ("*": any path without its own), one per request; afterwards 200. */
  answer(path: string, ...replies: (number | Reply)[]) {
    this.scripts.set(path, replies.map((r) => (typeof r === "number" ? { status: r } : r)));
  }

  reset() {
    this.received.length = 0;
    this.scripts.clear();
  }

  to(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "/";
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const reply = (this.scripts.get(path) ?? this.scripts.get("*"))?.shift() ?? { status: 200 };
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
          res.end(reply.status < 300 ? "ok" : "no");
        }, reply.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
