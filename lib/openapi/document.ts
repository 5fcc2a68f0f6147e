import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { registerCore } from "./core";
import { registerDeployments } from "./deployments";
import { registerSecrets } from "./secrets";
import { registerConfig } from "./config";
import { registerPromotions } from "./promotions";
import { registerAudit } from "./audit";

extendZodWithOpenApi(z);

// Each area registers its paths in lib/openapi/<area>.ts; add it to this list.
const REGISTRARS: ((registry: OpenAPIRegistry) => void)[] = [registerCore, registerDeployments, registerSecrets, registerConfig, registerPromotions, registerAudit];

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "An API token (pty_…), shown once when created." });
  for (const register of REGISTRARS) register(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Parity API", version: "1.0.0", description: "Environments, config, secrets metadata, deployments, promotions and audit. Errors: { error: { code, message, fields } }." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
  });
}
