import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

describe("config paths in the OpenAPI document", () => {
  it("documents the config and compare endpoints", () => {
    const doc = openApiDocument();
    expect(doc.paths?.["/api/v1/environments/{env}/services/{service}/config"]?.get).toBeTruthy();
    expect(doc.paths?.["/api/v1/environments/{env}/services/{service}/config"]?.post).toBeTruthy();
    expect(doc.paths?.["/api/v1/compare"]?.get?.parameters?.map((p) => ("name" in p ? p.name : ""))).toEqual(expect.arrayContaining(["from", "to", "service"]));
  });
});
