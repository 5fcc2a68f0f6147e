import { createServer } from "node:net";
import { describe, expect, it } from "vitest";

// A port where nothing listens: the health endpoint must answer 503, not hang or 500.
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

describe("GET /api/health", () => {
  it("answers 503 with the error shape when the database does not answer", async () => {
    process.env.DATABASE_URL = `postgresql://parity:parity@127.0.0.1:${await deadPort()}/parity`;
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable", error: { code: "UNAVAILABLE" } });
  });
});
