// One request id per request, whoever handles it: the id a request's audit events carry.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

// Next's request headers, as `headers()` gives them inside a request: one object per request.
let current: Headers | null = null;
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!current) throw new Error("headers() was called outside a request scope");
    return current;
  },
}));

const { acceptRequestId, requestMeta } = await import("./request-context");
const { apiRoute } = await import("./api/handler");

afterEach(() => {
  current = null;
});

describe("the request id a caller may choose", () => {
  it("is taken when well formed, replaced otherwise", () => {
    expect(acceptRequestId("ci-run_42.7:retry")).toBe("ci-run_42.7:retry");
    for (const bad of ["", "two\nlines", "<script>", "a b", "x".repeat(129), null, undefined]) {
      const id = acceptRequestId(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("server actions and page renders", () => {
  it("one id for the whole request, another for the next request", async () => {
    current = new Headers();
    const first = await requestMeta();
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await requestMeta()).requestId).toBe(first.requestId);
    current = new Headers();
    expect((await requestMeta()).requestId).not.toBe(first.requestId);
  });

  it("the caller's id when well formed, and the client address", async () => {
    current = new Headers({ "x-request-id": "deploy-7", "x-forwarded-for": "10.1.2.3, 10.0.0.1" });
    expect(await requestMeta()).toEqual({ requestId: "deploy-7", ip: "10.1.2.3" });
    current = new Headers({ "x-request-id": "forged id <script>" });
    const meta = await requestMeta();
    expect(meta.requestId).not.toContain("forged");
    expect((await requestMeta()).requestId).toBe(meta.requestId);
  });

  it("outside a request (CLI, seed): none", async () => {
    expect(await requestMeta()).toEqual({ requestId: null, ip: null });
  });
});

describe("API routes", () => {
  // A route whose handler audits twice: both events and the response name the same id.
  const route = apiRoute(async () => [(await requestMeta()).requestId, (await requestMeta()).requestId], { auth: false });
  const call = async (headers: Record<string, string> = {}) => {
    const res = await route(new NextRequest("http://localhost/api/v1/probe", { headers }), { params: Promise.resolve({}) });
    return { header: res.headers.get("x-request-id"), seen: (await res.json()) as string[] };
  };

  it("everything the handler audits carries the id the response names, with or without a request scope", async () => {
    const bare = await call();
    expect(bare.seen).toEqual([bare.header, bare.header]);
    current = new Headers();
    const scoped = await call();
    expect(scoped.seen).toEqual([scoped.header, scoped.header]);
    expect(scoped.header).not.toBe(bare.header);
  });

  it("a well-formed caller id is kept; a malformed one is replaced", async () => {
    expect(await call({ "x-request-id": "ci-1234" })).toEqual({ header: "ci-1234", seen: ["ci-1234", "ci-1234"] });
    const bad = await call({ "x-request-id": "x\ty" });
    expect(bad.header).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.seen).toEqual([bad.header, bad.header]);
  });
});
