import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { openApiDocument } from "@/lib/openapi/document";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, type Tone } from "@/components/ui/badge";

export const metadata: Metadata = { title: "API" };

const METHOD_TONE: Record<string, Tone> = { get: "info", post: "good", patch: "warn", put: "warn", delete: "bad" };

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

/** A readable view of /api/openapi.json, generated from the same zod schemas that validate requests. */
export default async function ApiDocsPage() {
  await requireUser();
  const doc = openApiDocument() as { info: { description?: string }; paths?: Record<string, Record<string, Operation>> };
  const paths = Object.entries(doc.paths ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <PageHeader
        title="API"
        description={
          <>
            JSON over HTTP with <code>Authorization: Bearer &lt;token&gt;</code> (create one under Settings). Errors always look like{" "}
            <code>{'{ "error": { "code", "message", "fields" } }'}</code>. The machine-readable document is{" "}
            <a className="text-indigo-700 underline dark:text-indigo-300" href="/api/openapi.json">/api/openapi.json</a>.
          </>
        }
      />
      <Card>
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {paths.flatMap(([path, ops]) =>
            Object.entries(ops).map(([method, op]) => (
              <li key={`${method} ${path}`} className="px-5 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={METHOD_TONE[method] ?? "neutral"} className="w-16 justify-center uppercase">{method}</Badge>
                  <code className="text-sm font-semibold">{path}</code>
                  {op.security && op.security.length === 0 ? <Badge>no token</Badge> : null}
                </div>
                {op.summary ? <p className="mt-1 text-sm">{op.summary}</p> : null}
                {op.parameters?.length ? (
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    Parameters: {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ")}
                  </p>
                ) : null}
                {op.responses ? (
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    Responses: {Object.entries(op.responses).map(([code, r]) => `${code} ${r.description ?? ""}`.trim()).join(" · ")}
                  </p>
                ) : null}
              </li>
            )),
          )}
        </ul>
      </Card>
    </>
  );
}
