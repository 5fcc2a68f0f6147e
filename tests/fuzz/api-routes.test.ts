// Bad input, property-based (issue #9): every route handler under app/api is called
// in-process with arbitrary and malformed bodies, query strings, path params, content
// types and Authorization headers, against this file's own seeded database. For input
// that cannot be right the answer is a 4xx in the shared error shape (lib/errors.ts:
// `{ error: { code, message, fields? } }`, the request id in `x-request-id`), never a
// 5xx, and the database is exactly as it was (row counts and newest timestamps of every
// table after each request; an md5 of every table's rows around each route's run).
// GET routes may answer 200 to odd but harmless queries; they must not fail or write.
//
// A route without an entry in ROUTES (or EXCLUDED, with a reason) fails the first test.
// Reproduce a failure with the seed fast-check prints: FUZZ_SEED=<seed> npx vitest run tests/fuzz -t "<test name>"
import { beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { z } from "zod";
import examples from "@octokit/webhooks-examples";
import { testDb } from "@/tests/support/db";
import { createToken } from "@/lib/data/tokens/create-token";
import { revokeToken } from "@/lib/data/tokens/revoke-token";
import { signBody } from "@/lib/domain/webhook-signature";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/domain/tokens";
import { GATE_KEYS } from "@/lib/domain/gates";
import { ERROR_STATUS } from "@/lib/errors";

const WEBHOOK_SECRET = vi.hoisted(() => {
  process.env.GITHUB_WEBHOOK_SECRET = "fuzz-webhook-secret-0123456789";
  return "fuzz-webhook-secret-0123456789";
});

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const runs = (numRuns: number) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

const API_DIR = path.resolve(__dirname, "../../app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
type Params = Record<string, string>;
type Handler = (req: NextRequest, ctx: { params: Promise<Params> }) => Promise<Response> | Response;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// ---------------------------------------------------------------------------------------
// Records the fuzz may name: filled in beforeAll, read lazily by the arbitraries.
const real = {
  envSlugs: [] as string[],
  serviceSlugs: [] as string[],
  deploymentIds: [] as string[],
  promotionIds: [] as string[],
  secretIds: [] as string[],
  /** Ids of other kinds of record: never a deployment's or a promotion's. */
  otherIds: [] as string[],
  reportable: { promotionId: "", gate: "" },
};

// ---------------------------------------------------------------------------------------
// Arbitraries.

/** Strings that have broken parsers before, by kind: NUL, numbers, dates, text, words the portal knows. */
const EDGE = {
  nul: ["\u0000", "a\u0000b", "%00"],
  numbers: ["", "-1", "0", "-0", "1.5", "1e309", "NaN", "Infinity", "-Infinity", "0x1f", "99999999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e2", " 7 "],
  dates: ["0000-01-01", "0000-01-01T00:00:00Z", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "-000001-01-01T00:00:00Z", "-004714-01-01", "2026-02-30", "2026-13-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1970-01-01", "2026-01-01T00:00:00+25:00"],
  text: [" ", "null", "undefined", "true", "[]", "{}", "%zz", "../../etc/passwd", "' or 1=1 --", '"; drop table "User"; --', "<script>alert(1)</script>", "${7*7}", "\u202eevil", "\ud800", "\udfff", "\ufeff", "\u200b", "𝕏", "👩‍👩‍👧‍👦", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇"],
  words: ["production", "staging", "dev", "checkout", "e2e", "platform@example.com", "csv", "json", "all", "waiting", "name", "-name", "next_rotation", "-next_rotation", "show", "overdue", "succeeded", "flag"],
};

const printable = fc.string({ unit: "grapheme-ascii" });
/** The lists' opaque cursors (deployments "<date>|<id>", promotions [date, id], secrets { k, id }) around odd dates and ids. */
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const CURSOR_PARTS = { dates: ["2026-01-01T00:00:00.000Z", "0000-01-01T00:00:00Z", "-200000-01-01T00:00:00.000Z", "garbage", "\u0000"], ids: ["x", "\u0000", "", "a|b"] };
const cursorOf = (format: number, k: string, id: string) =>
  format === 0 ? b64(`${k}|${id}`) : format === 1 ? b64(JSON.stringify([k, id])) : b64(JSON.stringify({ k, id }));
const cursorLike = fc
  .tuple(fc.nat(2), fc.oneof(fc.constantFrom(...CURSOR_PARTS.dates), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), fc.constantFrom(...CURSOR_PARTS.ids))
  .map(([format, k, id]) => cursorOf(format, k, id));
/** Values every query key gets in the sweep: one of each kind that has broken a handler; cursors get forged cursors too. */
const BREAKERS = ["\u0000", "a\u0000b", "99999999999999999999999", "9223372036854775808", "1e309", "-1", ...EDGE.dates.slice(0, 6), "\ud800", "é".repeat(5000)];
const FORGED_CURSORS = [0, 1, 2].flatMap((f) => CURSOR_PARTS.dates.slice(1).map((d) => cursorOf(f, d, "x")).concat(cursorOf(f, CURSOR_PARTS.dates[0], "\u0000")));

const nasty: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE.nul), weight: 1 },
  { arbitrary: fc.oneof(fc.constantFrom(...EDGE.numbers), fc.bigInt().map(String), fc.integer().map(String), fc.double().map(String)), weight: 2 },
  { arbitrary: fc.oneof(fc.constantFrom(...EDGE.dates), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), weight: 2 },
  { arbitrary: fc.oneof(fc.constantFrom(...EDGE.text), fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), weight: 3 },
  { arbitrary: fc.constantFrom(...EDGE.words), weight: 1 },
  { arbitrary: cursorLike, weight: 1 },
  { arbitrary: fc.integer({ min: 201, max: 20_000 }).map((n) => "é".repeat(n)), weight: 1 },
);

/** A path segment as Next hands it over (decoded, never empty). */
const garbageId = fc.oneof(nasty.filter((s) => s.length > 0), fc.uuid(), fc.stringMatching(/^c[a-z0-9]{24}$/));
const otherId = fc.constant(null).chain(() => fc.constantFrom(...real.otherIds));
const anyOf = (pick: () => string[]) => fc.constant(null).chain(() => fc.constantFrom(...pick()));

/** Query strings: the route's own keys (each there or not) with odd values, unknown keys, repeats, raw text. */
function queryArb(keys: readonly string[]): fc.Arbitrary<string> {
  const known = fc.record(Object.fromEntries(keys.map((k) => [k, nasty])) as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] });
  const extra = fc.array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom(...keys, "_")), nasty), { maxLength: 3 });
  return fc.oneof(
    { arbitrary: fc.constant(""), weight: 1 },
    { arbitrary: fc.tuple(known, extra).map(([o, pairs]) => "?" + new URLSearchParams([...(Object.entries(o) as [string, string][]), ...pairs]).toString()), weight: 6 },
    { arbitrary: fc.string({ unit: "binary" }).map((s) => "?" + s.replace(/#/g, "%23")), weight: 1 },
  );
}

type Kind = "string" | "int" | "record";
const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const WRONG: Record<Kind, fc.Arbitrary<unknown>> = {
  string: notString,
  int: fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }), fc.integer({ min: 101 }), fc.integer({ max: -1 }), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })),
  record: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.string(), notString, { minKeys: 1, maxKeys: 3 })),
};

const INVALID_JSON = ["{", "[1,", '{"a":}', "nul", "'single'", '{"a":1}garbage', "\ufeff{}", "{\"a\":\"\u0000\"}", "\u0000", "--", "{\"a\" 1}", "[", "]", "01", "1.", ".5", '{"a":NaN}', "undefined"];
const ODD_JSON = ["null", "[]", "0", '"str"', "true", "{}", '{"__proto__":{"status":"succeeded","progress":5}}', '{"constructor":{"prototype":{"x":1}}}', "[{}]", "1e999", "-0", '"\\ud800"'];

function stringLeaves(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v === "string") return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, [...at, i]));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, [...at, k]));
  return [];
}
function setAt(v: Json, at: (string | number)[], value: Json): Json {
  if (!at.length) return value;
  const copy = (v && typeof v === "object" ? structuredClone(v) : {}) as Record<string | number, Json>;
  copy[at[0]] = setAt(copy[at[0]] ?? null, at.slice(1), value);
  return copy as Json;
}

interface BodySpec {
  /** A body the route accepts (the fuzz only ever sends it spoiled, or to a record that is not there). */
  valid: { [k: string]: Json };
  kinds: Record<string, Kind>;
}

/** Request bodies a route must refuse: every one is wrong in at least one way. */
function bodyArb(spec: BodySpec): fc.Arbitrary<{ label: string; text: string }> {
  const keys = Object.keys(spec.kinds);
  const wrongTypes = fc
    .record(Object.fromEntries(keys.map((k) => [k, WRONG[spec.kinds[k]]])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
    .filter((o) => Object.keys(o).length > 0)
    .map((o) => ({ label: "wrong types", text: JSON.stringify({ ...spec.valid, ...o }) }));
  const leaves = stringLeaves(spec.valid);
  const poisoned = fc
    .tuple(fc.constantFrom(...leaves), fc.nat(), fc.constantFrom("\u0000", "oversize"))
    .map(([at, pos, how]) => {
      const old = at.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], spec.valid) as string;
      const i = pos % (old.length + 1);
      const value = how === "oversize" ? old + "é".repeat(70_000) : old.slice(0, i) + "\u0000" + old.slice(i);
      return { label: `poisoned ${at.join(".")} (${how === "oversize" ? "70k characters" : "NUL"})`, text: JSON.stringify(setAt(spec.valid, at, value)) };
    });
  const oddUnicode = fc
    .record(Object.fromEntries(keys.map((k) => [k, nasty])) as Record<string, fc.Arbitrary<string>>)
    .map((o) => ({ label: "odd strings on the right keys", text: JSON.stringify(o) }));
  const anyValues = fc
    .record(Object.fromEntries(keys.map((k) => [k, fc.jsonValue({ maxDepth: 2 })])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
    .map((o) => ({ label: "random values on the right keys", text: JSON.stringify(o) }));
  return fc.oneof(
    { arbitrary: fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: "binary" })).map((v) => ({ label: "random JSON", text: JSON.stringify(v) })), weight: 3 },
    { arbitrary: wrongTypes, weight: 3 },
    { arbitrary: poisoned, weight: 3 },
    { arbitrary: oddUnicode, weight: 2 },
    { arbitrary: anyValues, weight: 1 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(...INVALID_JSON),
        fc.string().filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return true;
          }
        }),
      ).map((text) => ({ label: "invalid JSON", text })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom(...ODD_JSON).map((text) => ({ label: "odd JSON", text })), weight: 1 },
    { arbitrary: fc.constant({ label: "over 1 MB", text: JSON.stringify({ ...spec.valid, pad: "x".repeat(1_100_000) }) }), weight: 1 },
  );
}

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "application/xml",
  "*/*",
  "garbage/\u00e9",
);

// ---------------------------------------------------------------------------------------
// The route table: every handler under app/api, with what it takes.

interface RouteSpec {
  file: string;
  method: Method;
  url: (p: Params) => string;
  /** Path params: garbage, other records' ids, uuids of nothing; GETs also real ids. */
  params?: () => Record<string, fc.Arbitrary<string>>;
  query?: readonly string[];
  /** Query strings the sweep adds to "every key × every breaker" (combinations that reach other code). */
  sweep?: () => string[];
  /** Mutations: a JSON body, always refused. */
  body?: BodySpec;
  /** apiRoute (bearer token) or a route that takes no credentials. */
  auth: "token" | "none";
  /** The scope the route needs, and a request that is right in every other way. */
  scope?: { scope: TokenScope; params: () => Params; query?: string; body?: Json };
  runs?: number;
}

const DEPLOYMENT_BODY: BodySpec = {
  valid: { externalId: "fuzz-ext-1", environment: "staging", service: "checkout", version: "v1.2.3", commitSha: "abcdef1234567", status: "in_progress", strategy: "canary", progress: 10, startedAt: "2026-01-01T10:00:00Z", triggeredBy: "fuzz", changeTicket: "CHG-1" },
  kinds: { externalId: "string", environment: "string", service: "string", version: "string", commitSha: "string", status: "string", strategy: "string", progress: "int", startedAt: "string", finishedAt: "string", triggeredBy: "string", changeTicket: "string", promotionId: "string", rollbackOf: "string" },
};
const PATCH_BODY: BodySpec = { valid: { status: "succeeded", progress: 100, finishedAt: "2026-01-01T10:05:00Z" }, kinds: { status: "string", progress: "int", finishedAt: "string" } };
const PROMOTION_BODY: BodySpec = {
  valid: { service: "checkout", from: "staging", to: "production", version: "v1.2.3", kind: "standard", reason: "Fuzzing the API", changeTicket: "CHG-2", rollbackPlan: "Redeploy the previous version" },
  kinds: { service: "string", from: "string", to: "string", version: "string", kind: "string", severity: "string", reason: "string", changeTicket: "string", rollbackPlan: "string" },
};
const COMMENT_BODY: BodySpec = { valid: { comment: "Looks right to me" }, kinds: { comment: "string" } };
const GATE_BODY: BodySpec = { valid: { status: "passed", evidenceUrl: "https://ci.example.com/runs/1", detail: "All green" }, kinds: { status: "string", evidenceUrl: "string", detail: "string" } };
const SNAPSHOT_BODY: BodySpec = {
  valid: { layer: "env", entries: { FUZZ_KEY: "value", OTHER_KEY: "other" }, mode: "merge", comment: "fuzz" },
  kinds: { layer: "string", entries: "record", mode: "string", comment: "string" },
};

const promotionParam = () => ({ id: fc.oneof(garbageId, otherId) });
const promotionParamGet = () => ({ id: fc.oneof(garbageId, otherId, anyOf(() => real.promotionIds)) });
const configParams = () => ({ env: fc.oneof(anyOf(() => real.envSlugs), garbageId), service: fc.oneof(anyOf(() => real.serviceSlugs), garbageId) });
// A URL cannot carry a lone UTF-16 surrogate (encodeURIComponent throws; clients send U+FFFD),
// so the fuzz's binary strings are made well-formed the way a client would before encoding.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const enc = (s: string) => encodeURIComponent(s.replace(LONE_SURROGATE, "\uFFFD"));

const AUDIT_QUERY = ["actor", "action", "environment", "target", "from", "to", "cursor", "limit"];

const ROUTES: RouteSpec[] = [
  { file: "health/route.ts", method: "GET", url: () => "/api/health", auth: "none", runs: 15 },
  { file: "openapi.json/route.ts", method: "GET", url: () => "/api/openapi.json", auth: "none", runs: 15 },
  { file: "v1/environments/route.ts", method: "GET", url: () => "/api/v1/environments", auth: "token", runs: 25 },
  { file: "v1/audit/route.ts", method: "GET", url: () => "/api/v1/audit", query: AUDIT_QUERY, auth: "token" },
  { file: "v1/audit/export/route.ts", method: "GET", url: () => "/api/v1/audit/export", query: [...AUDIT_QUERY, "format"], auth: "token" },
  { file: "v1/audit/verify/route.ts", method: "GET", url: () => "/api/v1/audit/verify", auth: "token", runs: 15 },
  {
    file: "v1/compare/route.ts", method: "GET", url: () => "/api/v1/compare", query: ["from", "to", "service"], auth: "token",
    scope: { scope: "read", params: () => ({}), query: "?from=staging&to=production" },
  },
  { file: "v1/deployments/route.ts", method: "GET", url: () => "/api/v1/deployments", query: ["environment", "service", "status", "person", "from", "to", "cursor", "limit"], auth: "token" },
  {
    file: "v1/deployments/route.ts", method: "POST", url: () => "/api/v1/deployments", body: DEPLOYMENT_BODY, auth: "token",
    scope: { scope: "deployments:write", params: () => ({}), body: DEPLOYMENT_BODY.valid },
  },
  {
    file: "v1/deployments/[id]/route.ts", method: "PATCH", url: (p) => `/api/v1/deployments/${enc(p.id)}`,
    params: () => ({ id: fc.oneof(garbageId, otherId, anyOf(() => real.promotionIds)) }), body: PATCH_BODY, auth: "token",
    scope: { scope: "deployments:write", params: () => ({ id: real.deploymentIds[0] }), body: PATCH_BODY.valid },
  },
  {
    file: "v1/environments/[env]/services/[service]/config/route.ts", method: "GET", url: (p) => `/api/v1/environments/${enc(p.env)}/services/${enc(p.service)}/config`,
    params: configParams, auth: "token",
    scope: { scope: "read", params: () => ({ env: "staging", service: "checkout" }) },
  },
  {
    file: "v1/environments/[env]/services/[service]/config/route.ts", method: "POST", url: (p) => `/api/v1/environments/${enc(p.env)}/services/${enc(p.service)}/config`,
    params: configParams, body: SNAPSHOT_BODY, auth: "token",
    scope: { scope: "config:write", params: () => ({ env: "staging", service: "checkout" }), body: SNAPSHOT_BODY.valid },
  },
  { file: "v1/promotions/route.ts", method: "GET", url: () => "/api/v1/promotions", query: ["tab", "state", "cursor", "limit"], auth: "token" },
  {
    file: "v1/promotions/route.ts", method: "POST", url: () => "/api/v1/promotions", body: PROMOTION_BODY, auth: "token",
    scope: { scope: "promotions:write", params: () => ({}), body: PROMOTION_BODY.valid },
  },
  { file: "v1/promotions/[id]/route.ts", method: "GET", url: (p) => `/api/v1/promotions/${enc(p.id)}`, params: promotionParamGet, auth: "token" },
  { file: "v1/promotions/[id]/evidence/route.ts", method: "GET", url: (p) => `/api/v1/promotions/${enc(p.id)}/evidence`, params: promotionParamGet, auth: "token" },
  {
    file: "v1/promotions/[id]/approve/route.ts", method: "POST", url: (p) => `/api/v1/promotions/${enc(p.id)}/approve`, params: promotionParam, body: COMMENT_BODY, auth: "token",
    scope: { scope: "promotions:write", params: () => ({ id: real.promotionIds[0] }), body: COMMENT_BODY.valid },
  },
  {
    file: "v1/promotions/[id]/reject/route.ts", method: "POST", url: (p) => `/api/v1/promotions/${enc(p.id)}/reject`, params: promotionParam, body: COMMENT_BODY, auth: "token",
    scope: { scope: "promotions:write", params: () => ({ id: real.promotionIds[0] }), body: COMMENT_BODY.valid },
  },
  {
    file: "v1/promotions/[id]/gates/[gate]/route.ts", method: "POST", url: (p) => `/api/v1/promotions/${enc(p.id)}/gates/${enc(p.gate)}`,
    params: () => ({ id: fc.oneof(garbageId, otherId), gate: fc.oneof(fc.constantFrom(...GATE_KEYS), garbageId) }), body: GATE_BODY, auth: "token",
    scope: { scope: "gates:write", params: () => ({ id: real.reportable.promotionId, gate: real.reportable.gate }), body: GATE_BODY.valid },
  },
  {
    file: "v1/secrets/route.ts", method: "GET", url: () => "/api/v1/secrets", query: ["environment", "q", "type", "tool", "rotation", "sort", "deleted", "cursor", "limit"], auth: "token",
    sweep: () => ["name", "-name", "next_rotation", "-next_rotation"].flatMap((sort) => FORGED_CURSORS.map((cursor) => `?${new URLSearchParams({ sort, cursor })}`)),
    scope: { scope: "read", params: () => ({}) },
  },
  {
    file: "v1/secrets/[id]/route.ts", method: "GET", url: (p) => `/api/v1/secrets/${enc(p.id)}`, params: () => ({ id: fc.oneof(garbageId, otherId, anyOf(() => real.secretIds)) }), auth: "token",
    scope: { scope: "read", params: () => ({ id: real.secretIds[0] }) },
  },
];

/** Covered by their own properties below. */
const WEBHOOK = { file: "webhooks/github/route.ts", method: "POST" as Method };
/** Handlers the fuzz does not call, each with the reason. */
const EXCLUDED: Record<string, string> = {
  "auth/[...nextauth]/route.ts GET": "NextAuth's own handler: it reads cookies through next/headers, which needs a Next request scope; sign-in is covered end to end (e2e/auth).",
  "auth/[...nextauth]/route.ts POST": "NextAuth's own handler (see GET).",
};

// ---------------------------------------------------------------------------------------
// Calling handlers and checking answers.

const modules = new Map<string, Record<string, unknown>>();
async function handler(file: string, method: Method): Promise<Handler> {
  if (!modules.has(file)) modules.set(file, await import(/* @vite-ignore */ path.join(API_DIR, file)));
  const h = modules.get(file)![method];
  if (typeof h !== "function") throw new Error(`${file} exports no ${method}`);
  return h as Handler;
}

interface Call {
  url: string;
  params: Params;
  body?: string;
  contentType?: string;
  authorization?: string;
  headers?: Record<string, string>;
}

async function call(file: string, method: Method, c: Call): Promise<{ status: number; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.contentType !== undefined) headers["content-type"] = c.contentType;
  if (c.authorization !== undefined) headers.authorization = c.authorization;
  const req = new NextRequest(new URL(c.url, "http://localhost"), { method, headers, body: c.body });
  const res = await (await handler(file, method))(req, { params: Promise.resolve(c.params) });
  // Read the whole body: a streamed answer (the audit export) fails while streaming, not before.
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const ZErrorBody = z
  .object({
    error: z
      .object({
        code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
        message: z.string().min(1),
        fields: z.record(z.string(), z.array(z.string())).optional(),
      })
      .strict(),
  })
  .strict();

/** The shared error shape, with the status its code maps to (and the request id, for apiRoute). */
function expectErrorShape(res: { status: number; text: string; headers: Headers }, o: { requestId?: boolean } = {}) {
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw new Error(`${res.status} answered with a body that is not JSON: ${res.text.slice(0, 200)}`);
  }
  const parsed = ZErrorBody.safeParse(body);
  if (!parsed.success) throw new Error(`${res.status} answered with a body not in the error shape: ${res.text.slice(0, 300)}`);
  expect(ERROR_STATUS[parsed.data.error.code], `code ${parsed.data.error.code} for status ${res.status}`).toBe(res.status);
  if (o.requestId !== false) expect(res.headers.get("x-request-id")).toBeTruthy();
  return parsed.data.error;
}

function describeFailure(res: { status: number; text: string }) {
  return `${res.status} ${res.text.slice(0, 400)}`;
}

// ---------------------------------------------------------------------------------------
// Database fingerprints: cheap after every request, full around each route's run.

let fingerprintSql = "";
let checksumSql = "";

async function fingerprint(): Promise<Record<string, string>> {
  const rows = await testDb.$queryRawUnsafe<{ t: string; f: string }[]>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}
async function checksum(): Promise<Record<string, string>> {
  const rows = await testDb.$queryRawUnsafe<{ t: string; h: string }[]>(checksumSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}
const without = (fp: Record<string, string>, tables: string[]) => Object.fromEntries(Object.entries(fp).filter(([t]) => !tables.includes(t)));

// ---------------------------------------------------------------------------------------
// Tokens.

const tok = {
  platform: "",
  ci: "",
  developer: "",
  revoked: "",
  expired: "",
  lacking: {} as Record<TokenScope, string>,
};

beforeAll(async () => {
  const tables = (
    await testDb.$queryRawUnsafe<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by table_name`,
    )
  ).map((r) => r.table_name);
  const columns = await testDb.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name in ('updatedAt', 'createdAt', 'receivedAt')`,
  );
  const has = (t: string, c: string) => columns.some((x) => x.table_name === t && x.column_name === c);
  fingerprintSql = tables
    .map((t) => {
      const parts = [`count(*)::text`, ...["updatedAt", "createdAt", "receivedAt"].filter((c) => has(t, c)).map((c) => `coalesce(max("${c}")::text, '-')`)];
      return `select '${t}' as t, ${parts.join(` || '|' || `)} as f from "${t}"`;
    })
    .join(" union all ");
  // Bookkeeping is not a write the request asked for: last used / last seen, and the audit
  // chain's seal (position and hashes, set on committed events by the sealer, which the
  // verify, export and evidence routes run first). Every audit event's content still counts.
  const row = (t: string) => `(to_jsonb(x) - 'lastUsedAt' - 'lastSeenAt'${t === "AuditEvent" ? ` - 'seq' - 'prevHash' - 'hash'` : ""})::text`;
  checksumSql = tables.map((t) => `select '${t}' as t, md5(coalesce(string_agg(${row(t)}, '|' order by ${row(t)}), '')) as h from "${t}" x`).join(" union all ");

  real.envSlugs = (await testDb.environment.findMany({ select: { slug: true } })).map((e) => e.slug);
  real.serviceSlugs = (await testDb.service.findMany({ select: { slug: true } })).map((s) => s.slug);
  real.deploymentIds = (await testDb.deployment.findMany({ select: { id: true }, take: 5, orderBy: { startedAt: "desc" } })).map((d) => d.id);
  real.promotionIds = (await testDb.promotion.findMany({ select: { id: true }, take: 5 })).map((p) => p.id);
  real.secretIds = (await testDb.secret.findMany({ select: { id: true }, take: 5 })).map((s) => s.id);
  const reportable = await testDb.gate.findFirstOrThrow({
    where: { gate: { in: ["tests", "e2e", "staging_tests", "security_scan", "performance", "code_review"] }, promotion: { state: { in: ["requested", "checking", "awaiting_approval", "approved"] } } },
    select: { gate: true, promotionId: true },
  });
  real.reportable = { promotionId: reportable.promotionId, gate: reportable.gate };
  real.otherIds = [
    ...real.secretIds.slice(0, 2),
    ...(await testDb.user.findMany({ select: { id: true }, take: 2 })).map((u) => u.id),
    ...(await testDb.environment.findMany({ select: { id: true }, take: 2 })).map((e) => e.id),
    ...(await testDb.configEntry.findMany({ select: { id: true }, take: 2 })).map((c) => c.id),
    ...(await testDb.gate.findMany({ select: { id: true }, take: 2 })).map((g) => g.id),
    "1",
  ];

  const all = [...TOKEN_SCOPES];
  tok.platform = (await createToken({ actor: "operator", name: "fuzz platform", kind: "user", userEmail: "platform@example.com", scopes: all })).token;
  tok.ci = (await createToken({ actor: "operator", name: "fuzz ci", kind: "ci", scopes: all })).token;
  tok.developer = (await createToken({ actor: "operator", name: "fuzz dev", kind: "user", userEmail: "dev@example.com", scopes: all })).token;
  const revoked = await createToken({ actor: "operator", name: "fuzz revoked", kind: "ci", scopes: all });
  await revokeToken("operator", revoked.id);
  tok.revoked = revoked.token;
  const expired = await createToken({ actor: "operator", name: "fuzz expired", kind: "ci", scopes: all, expiresAt: new Date(Date.now() + 60_000) });
  await testDb.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tok.expired = expired.token;
  for (const scope of TOKEN_SCOPES) {
    tok.lacking[scope] = (await createToken({ actor: "operator", name: `fuzz without ${scope}`, kind: "user", userEmail: "platform@example.com", scopes: all.filter((s) => s !== scope) })).token;
  }
});

// ---------------------------------------------------------------------------------------

describe("the route table", () => {
  it("has a fuzz entry (or a stated exclusion) for every handler under app/api, and no stale ones", async () => {
    const files = (readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts")).map((f) => f.split(path.sep).join("/"));
    const covered = new Set([...ROUTES.map((r) => `${r.file} ${r.method}`), `${WEBHOOK.file} ${WEBHOOK.method}`, ...Object.keys(EXCLUDED)]);
    const found: string[] = [];
    for (const file of files) {
      const mod = await import(/* @vite-ignore */ path.join(API_DIR, file));
      for (const m of METHODS) if (typeof mod[m] === "function") found.push(`${file} ${m}`);
    }
    expect(found.filter((f) => !covered.has(f)), "handlers without a fuzz entry in tests/fuzz/api-routes.test.ts").toEqual([]);
    expect([...covered].filter((c) => !found.includes(c)), "fuzz entries for handlers that do not exist").toEqual([]);
  });
});

describe.each(ROUTES.map((r) => [`${r.method} /api/${r.file.replace(/\/?route\.ts$/, "")}`, r] as const))("%s", (_name, spec) => {
  it(spec.body ? "refuses bad input with a 4xx in the error shape and writes nothing" : "answers odd input with 2xx or a 4xx in the error shape and writes nothing", async () => {
    const before = await checksum();
    const arb = fc.record({
      params: spec.params ? fc.record(spec.params()) : fc.constant({} as Params),
      query: queryArb(spec.query ?? []),
      body: spec.body ? bodyArb(spec.body) : fc.constant(undefined),
      contentType,
      who: fc.constantFrom("platform", "ci", "developer") as fc.Arbitrary<"platform" | "ci" | "developer">,
    });
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        const fp = await fingerprint();
        const res = await call(spec.file, spec.method, {
          url: spec.url(input.params) + input.query,
          params: input.params,
          body: input.body?.text,
          contentType: input.body ? input.contentType : undefined,
          authorization: spec.auth === "token" ? `Bearer ${tok[input.who]}` : undefined,
        });
        expect(res.status, describeFailure(res)).toBeLessThan(500);
        if (spec.body) expect(res.status, `a ${input.body?.label} body was accepted: ${describeFailure(res)}`).toBeGreaterThanOrEqual(400);
        if (res.status >= 400) expectErrorShape(res, { requestId: spec.auth === "token" });
        expect(await fingerprint(), "the database changed").toEqual(fp);
      }),
      runs(spec.runs ?? (spec.body ? 70 : 45)),
    );
    expect(await checksum(), "the database changed").toEqual(before);
  });

  if (spec.query?.length) {
    it("answers every query key set to each known breaker with 2xx or a 4xx in the error shape, writing nothing", async () => {
      const before = await checksum();
      const values = (k: string) => (k === "cursor" ? [...BREAKERS, ...FORGED_CURSORS] : BREAKERS);
      const queries = [...spec.query!.flatMap((k) => values(k).map((v) => `?${new URLSearchParams({ [k]: v })}`)), ...(spec.sweep?.() ?? [])];
      const failures: string[] = [];
      for (const query of queries) {
        const res = await call(spec.file, spec.method, { url: spec.url({}) + query, params: {}, authorization: spec.auth === "token" ? `Bearer ${tok.platform}` : undefined });
        try {
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expectErrorShape(res, { requestId: spec.auth === "token" });
        } catch {
          failures.push(`${query.slice(0, 120)} → ${describeFailure(res).slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await checksum(), "the database changed").toEqual(before);
    });
  }
});

describe("without valid credentials", () => {
  // No Authorization header at all falls back to the NextAuth session, which reads cookies
  // through next/headers and so needs a Next request scope: that case (401) is covered end
  // to end (e2e/security/authz-matrix.spec.ts, e2e/security/csrf-and-headers.spec.ts). Here
  // every other way a credential can be wrong, on every token route, with random input.
  const tokenRoutes = ROUTES.filter((r) => r.auth === "token");
  it("answers 401 in the error shape and writes nothing", async () => {
    const before = await checksum();
    const authorization = fc.oneof(
      fc.constant(null).map(() => `Bearer ${tok.revoked}`),
      fc.constant(null).map(() => `Bearer ${tok.expired}`),
      fc.constant(null).map(() => `bearer  ${tok.platform}`), // two spaces: the token is empty
      fc.constant(null).map(() => `Basic ${Buffer.from(`x:${tok.platform}`).toString("base64")}`),
      fc.constant(null).map(() => tok.platform), // no scheme
      fc.constant(null).map(() => `Bearer ${tok.platform.slice(0, -1)}`),
      printable.map((s) => `Bearer pty_${s}`),
      printable.map((s) => `Bearer ${s}`),
      printable,
      fc.constant(`Bearer pty_${"a".repeat(500)}`),
    ).filter((h) => h.trim().length > 0);
    const arb = fc.constantFrom(...tokenRoutes).chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        params: spec.params ? fc.record(spec.params()) : fc.constant({} as Params),
        query: queryArb(spec.query ?? []),
        body: spec.body ? bodyArb(spec.body) : fc.constant(undefined),
        authorization,
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ spec, params, query, body, authorization }) => {
        const fp = await fingerprint();
        const res = await call(spec.file, spec.method, { url: spec.url(params) + query, params, body: body?.text, contentType: body ? "application/json" : undefined, authorization });
        expect(res.status, describeFailure(res)).toBe(401);
        expect(expectErrorShape(res).code).toBe("UNAUTHENTICATED");
        expect(await fingerprint(), "the database changed").toEqual(fp);
      }),
      runs(120),
    );
    expect(await checksum(), "the database changed").toEqual(before);
  });
});

describe("a token without the scope", () => {
  it.each(ROUTES.filter((r) => r.scope).map((r) => [`${r.method} /api/${r.file.replace(/\/?route\.ts$/, "")} without ${r.scope!.scope}`, r] as const))(
    "%s: 403 in the error shape, nothing written",
    async (_name, spec) => {
      const s = spec.scope!;
      const before = await checksum();
      const params = s.params();
      const res = await call(spec.file, spec.method, {
        url: spec.url(params) + (s.query ?? ""),
        params,
        body: s.body === undefined ? undefined : JSON.stringify(s.body),
        contentType: s.body === undefined ? undefined : "application/json",
        authorization: `Bearer ${tok.lacking[s.scope]}`,
      });
      expect(res.status, describeFailure(res)).toBe(403);
      expect(expectErrorShape(res).code).toBe("FORBIDDEN");
      expect(await checksum(), "the database changed").toEqual(before);
    },
  );
});

describe("POST /api/webhooks/github", () => {
  const events = fc.oneof(fc.constantFrom("deployment", "deployment_status", "ping", "push", "workflow_run", "installation"), printable);
  const deliveryIds = fc.oneof(fc.stringMatching(/^[\w-]{1,100}$/), fc.uuid(), printable);
  const rawBody = fc.oneof(
    { arbitrary: fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: "binary" })).map((v) => JSON.stringify(v)), weight: 4 },
    { arbitrary: fc.record({ action: fc.oneof(fc.constantFrom("created", "deleted", "edited"), nasty), deployment: fc.jsonValue({ maxDepth: 2 }), deployment_status: fc.jsonValue({ maxDepth: 2 }), repository: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ["action"] }).map((v) => JSON.stringify(v)), weight: 3 },
    { arbitrary: fc.oneof(fc.constantFrom(...INVALID_JSON, ...ODD_JSON), fc.string({ unit: "binary" })), weight: 2 },
    { arbitrary: fc.constant("x".repeat(1_100_000)), weight: 1 },
  );
  const send = (body: string, headers: Record<string, string>) => call(WEBHOOK.file, WEBHOOK.method, { url: "/api/webhooks/github", params: {}, body, contentType: "application/json", headers: { "user-agent": "GitHub-Hookshot/fuzz", ...headers } });

  it("with a valid signature over any body: 2xx (pong, ignored, duplicate) or a 4xx in the error shape, never a 5xx; only the delivery log is written", async () => {
    const before = without(await checksum(), ["WebhookDelivery"]);
    await fc.assert(
      fc.asyncProperty(events, deliveryIds, rawBody, async (event, delivery, body) => {
        const fp = await fingerprint();
        const logged = await testDb.webhookDelivery.count();
        const res = await send(body, { "x-github-event": event, "x-github-delivery": delivery, "x-hub-signature-256": signBody(WEBHOOK_SECRET, body) });
        expect(res.status, describeFailure(res)).toBeLessThan(500);
        if (res.status >= 400) expectErrorShape(res, { requestId: false });
        else {
          const outcome = (JSON.parse(res.text) as { outcome?: string }).outcome;
          expect(res.status === 202 ? ["ignored"] : ["pong", "duplicate"], describeFailure(res)).toContain(outcome);
        }
        expect(without(await fingerprint(), ["WebhookDelivery"]), "something besides the delivery log changed").toEqual(without(fp, ["WebhookDelivery"]));
        expect(await testDb.webhookDelivery.count()).toBeLessThanOrEqual(logged + 1);
        expect(await testDb.webhookDelivery.count({ where: { deliveryId: delivery, outcome: { in: ["processing", "error"] } } }), "the delivery is logged as failed").toBe(0);
      }),
      runs(80),
    );
    expect(without(await checksum(), ["WebhookDelivery"]), "something besides the delivery log changed").toEqual(before);
  });

  it("without a valid signature: 401 (or 413 for an oversized body) in the error shape; only the rejection is logged", async () => {
    const before = without(await checksum(), ["WebhookDelivery"]);
    const signature = fc.oneof(
      fc.constant(undefined),
      printable,
      fc.stringMatching(/^sha256=[0-9a-f]{64}$/),
      fc.constant(null).map(() => signBody("not-the-secret", "{}")),
    );
    await fc.assert(
      fc.asyncProperty(events, deliveryIds, rawBody, signature, async (event, delivery, body, sig) => {
        const fp = await fingerprint();
        const logged = await testDb.webhookDelivery.count();
        const res = await send(body, { "x-github-event": event, "x-github-delivery": delivery, ...(sig !== undefined ? { "x-hub-signature-256": sig } : {}) });
        expect(res.status, describeFailure(res)).toBe(Buffer.byteLength(body) > 1_000_000 ? 413 : 401);
        expectErrorShape(res, { requestId: false });
        expect(without(await fingerprint(), ["WebhookDelivery"])).toEqual(without(fp, ["WebhookDelivery"]));
        expect(await testDb.webhookDelivery.count()).toBe(res.status === 401 ? logged + 1 : logged);
      }),
      runs(40),
    );
    expect(without(await checksum(), ["WebhookDelivery"])).toEqual(before);
  });
  it("with a valid signature over a real deployment delivery with fields spoiled: never a 5xx; a refusal writes only its delivery row", async () => {
    // Map the examples' repository (Codertocat/Hello-World) to a service so deliveries reach
    // the deployment code; an unspoiled delivery creates or updates a deployment (200).
    await testDb.service.update({ where: { slug: "checkout" }, data: { repository: "github.com/Codertocat/Hello-World" } });
    const sample = (name: string) => (examples as unknown as { name: string; examples: Json[] }[]).find((e) => e.name === name)!.examples[0];
    const FOCUS: Record<string, (string | number)[][]> = {
      deployment: [["action"], ["deployment", "id"], ["deployment", "sha"], ["deployment", "ref"], ["deployment", "environment"], ["deployment", "created_at"], ["deployment", "creator"], ["deployment", "creator", "login"], ["deployment", "description"], ["deployment", "payload"], ["deployment", "payload", "service"], ["deployment", "payload", "version"], ["deployment", "payload", "strategy"], ["deployment", "payload", "change_ticket"], ["repository"], ["repository", "full_name"], ["repository", "name"]],
    };
    FOCUS.deployment_status = [...FOCUS.deployment, ["deployment_status"], ["deployment_status", "id"], ["deployment_status", "state"], ["deployment_status", "created_at"], ["deployment_status", "description"]];
    const value: fc.Arbitrary<Json> = fc.oneof(
      nasty,
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      fc.constantFrom<Json>(null, -1, 0, 1.5, 1e308, 2 ** 53 + 2, "", [], {}, "success", "failure", "in_progress", "inactive", "queued"),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    );
    let deliveries = 0;
    const delivery = fc.constantFrom("deployment", "deployment_status").chain((event) =>
      fc.record({
        event: fc.constant(event),
        id: fc.integer({ min: 1, max: 2 ** 31 }),
        spoils: fc.array(fc.tuple(fc.constantFrom(...FOCUS[event]), value), { minLength: 1, maxLength: 3 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(delivery, async ({ event, id, spoils }) => {
        // A fresh delivery id every call, so a replay while shrinking is not a "duplicate".
        const deliveryId = `fuzz-${++deliveries}`;
        let payload = setAt(sample(event), ["deployment", "id"], id);
        for (const [at, v] of spoils) payload = setAt(payload, at, v);
        const body = JSON.stringify(payload);
        const fp = await fingerprint();
        const res = await send(body, { "x-github-event": event, "x-github-delivery": deliveryId, "x-hub-signature-256": signBody(WEBHOOK_SECRET, body) });
        expect(res.status, describeFailure(res)).toBeLessThan(500);
        if (res.status >= 400) expectErrorShape(res, { requestId: false });
        if (res.status !== 200) expect(without(await fingerprint(), ["WebhookDelivery"]), `${res.status} changed more than the delivery log`).toEqual(without(fp, ["WebhookDelivery"]));
        expect(await testDb.webhookDelivery.count({ where: { deliveryId, outcome: { in: ["processing", "error"] } } }), "the delivery is logged as failed").toBe(0);
      }),
      runs(60),
    );
  });
});
