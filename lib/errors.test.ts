// A database that went away is a 503 the client may retry, never a 500 (issue #9's fault test).
import { describe, expect, it } from "vitest";
import { isDatabaseDown, toErrorBody } from "./errors";

const adapterError = (message: string, cause?: unknown) => Object.assign(new Error(message), { name: "DriverAdapterError", cause });

describe("isDatabaseDown", () => {
  it("knows the shapes an outage takes", () => {
    // Seen in the fault test: Prisma's pg adapter rethrows a terminated query with only the message.
    expect(isDatabaseDown(adapterError("terminating connection due to administrator command: terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error("Can't reach database server at 127.0.0.1:54391"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseDown(adapterError("query failed", { kind: "postgres", originalCode: "08006", originalMessage: "connection failure" }))).toBe(true);
    // Also seen there: a query on a connection the server had just closed.
    expect(isDatabaseDown(Object.assign(new Error("Invalid `prisma.apiToken.findUnique()` invocation: Server has closed the connection."), { code: "P1017" }))).toBe(true);
    expect(isDatabaseDown(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error("Invalid invocation"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } } }))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseDown(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false);
    expect(isDatabaseDown(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseDown(null)).toBe(false);
    expect(isDatabaseDown("57P01 in a string is not an error object")).toBe(false);
  });

  it("maps an outage to 503 UNAVAILABLE and anything else unknown to 500", () => {
    expect(toErrorBody(adapterError("terminating connection due to administrator command")).status).toBe(503);
    expect(toErrorBody(adapterError("terminating connection due to administrator command")).body.error.code).toBe("UNAVAILABLE");
    expect(toErrorBody(new Error("boom")).status).toBe(500);
  });
});
