import "server-only";
import type { Principal } from "@/lib/authz";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { getServiceConfig } from "./get-service-config";

function envLine(key: string, value: string): string {
  const safe = /^[A-Za-z0-9_./:@+,-]*$/.test(value) ? value : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
  return `${key}=${safe}`;
}

/**
 * A layer or the effective config as .env or JSON (needs view_config). What the viewer
 * cannot see is left out; secret-looking values are exported masked, as they are shown.
 */
export async function exportConfig(principal: Principal, input: { env: string; service: string; layer: ConfigLayer | "effective"; format: "env" | "json" }) {
  const cfg = await getServiceConfig(principal, input.env, input.service);
  const pairs: [string, string][] =
    input.layer === "effective"
      ? cfg.keys.filter((k) => k.value !== null).map((k) => [k.key, k.value!])
      : (cfg.layers[input.layer] ?? []).filter((k) => k.value !== null).map((k) => [k.key, k.value!]);
  const base = `${cfg.service.slug}.${cfg.environment.slug}.${input.layer}`;
  if (input.format === "json") return { filename: `${base}.json`, contentType: "application/json", body: JSON.stringify(Object.fromEntries(pairs), null, 2) + "\n" };
  const header = `# ${cfg.service.name} in ${cfg.environment.name}: ${input.layer === "effective" ? `effective config (precedence ${cfg.precedence.join(" > ")})` : `${input.layer} layer`}\n`;
  return { filename: `${base}.env`, contentType: "text/plain; charset=utf-8", body: header + pairs.map(([k, v]) => envLine(k, v)).join("\n") + "\n" };
}
