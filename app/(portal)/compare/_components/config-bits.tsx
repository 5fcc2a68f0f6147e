import Link from "next/link";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { LAYER_LABEL } from "@/lib/domain/config-layers";
import type { Finding, Severity } from "@/lib/domain/findings";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const LAYER_TONE: Record<ConfigLayer, string> = {
  flag: "bg-violet-50 text-violet-800 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800",
  env: "bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  secret: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  file: "bg-teal-50 text-teal-800 ring-teal-300 dark:bg-teal-950 dark:text-teal-200 dark:ring-teal-800",
  default: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700",
};

export function LayerBadge({ layer }: { layer: ConfigLayer }) {
  return (
    <span title={LAYER_LABEL[layer]} className={cn("inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset", LAYER_TONE[layer])}>
      {layer}
    </span>
  );
}

/** One shown value: hidden references, masked secret-looking values and empty strings are explicit. */
export function ValueText({ value, masked, layer }: { value: string | null; masked: boolean; layer: ConfigLayer }) {
  if (value === null) return <span className="text-xs italic text-slate-600 dark:text-slate-400">hidden: needs read access</span>;
  if (value === "") return <span className="text-xs italic text-slate-600 dark:text-slate-400">(empty)</span>;
  return (
    <span className="break-all font-mono text-xs">
      {layer === "secret" ? <span className="sr-only">secret reference </span> : null}
      {value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value}
      {masked ? <Badge tone="bad" className="ml-1.5">looks like a secret</Badge> : null}
    </span>
  );
}

export function PrecedenceLine({ precedence }: { precedence: readonly ConfigLayer[] }) {
  return (
    <p className="flex flex-wrap items-center gap-1 text-xs text-slate-600 dark:text-slate-400" data-testid="precedence">
      <span className="mr-1 font-medium">Precedence (organisation setting, highest first):</span>
      {precedence.map((l, i) => (
        <span key={l} className="inline-flex items-center gap-1">
          <LayerBadge layer={l} />
          <span className="sr-only">{LAYER_LABEL[l]}</span>
          {i < precedence.length - 1 ? <span aria-hidden>›</span> : null}
        </span>
      ))}
    </p>
  );
}

export const SEVERITY_TONE: Record<Severity, Tone> = { critical: "bad", high: "bad", medium: "warn", low: "neutral" };

export const KIND_LABEL: Record<Finding["kind"], string> = {
  drift: "Drift",
  secret_in_plain_layer: "Secret in a plain layer",
  higher_env_secret_reference: "References a higher environment's secret",
  live_payment_key: "Live payment key outside production",
  debug_logging: "Debug logging in production",
  off_standard: "Differs from the reference's standard",
};

export const keyAnchor = (key: string) => `key-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
/** A key's row on its service's page: `key=` makes the page show the (keyset) page that holds it. */
export const keyHref = (env: string, service: string, key: string) => `/environments/${env}/services/${service}?key=${encodeURIComponent(key)}#${keyAnchor(key)}`;

export function FindingsList({ findings, limit, empty = "No findings." }: { findings: readonly Finding[]; limit?: number; empty?: string }) {
  if (!findings.length) return <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  const shown = limit ? findings.slice(0, limit) : findings;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="findings">
      {shown.map((f) => (
        <li key={f.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-5 py-2.5 text-sm" data-testid="finding" data-kind={f.kind}>
          <Badge tone={SEVERITY_TONE[f.severity]} className="w-16 justify-center uppercase">{f.severity}</Badge>
          <div className="min-w-0 flex-1">
            <p>
              <span className="font-medium">{KIND_LABEL[f.kind]}</span>
              <span className="text-slate-600 dark:text-slate-400"> · {f.environment} · {f.service} · </span>
              <Link href={keyHref(f.environment, f.service, f.key)} className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">{f.key}</Link>
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">{f.message}</p>
          </div>
        </li>
      ))}
      {limit && findings.length > limit ? <li className="px-5 py-2 text-xs text-slate-600 dark:text-slate-400">…and {findings.length - limit} more</li> : null}
    </ul>
  );
}
