import type { ConfigLayer } from "@/generated/prisma/enums";
import { LAYER_LABEL } from "@/lib/domain/config-layers";
import type { Finding } from "@/lib/domain/findings";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { FindingsListView } from "./findings-list";

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

/** The lower layers' values a key's effective value overrode, each with its layer. */
export function OverrodeValues({ values }: { values: readonly { layer: ConfigLayer; value: string | null; masked: boolean }[] }) {
  return (
    <ul className="mt-1 space-y-0.5">
      {values.map((o) => (
        <li key={o.layer} className="flex items-center gap-2"><LayerBadge layer={o.layer} /><ValueText value={o.value} masked={o.masked} layer={o.layer} /></li>
      ))}
    </ul>
  );
}

export { SEVERITY_TONE, KIND_LABEL, keyAnchor, keyHref } from "./finding-labels";

/** Findings, worst first: the shown ones are rendered by a client component from their data (cheaper per request than as server elements). */
export function FindingsList({ findings, limit, empty = "No findings." }: { findings: readonly Finding[]; limit?: number; empty?: string }) {
  const shown = limit ? findings.slice(0, limit) : findings;
  return <FindingsListView findings={shown} more={findings.length - shown.length} empty={empty} />;
}
