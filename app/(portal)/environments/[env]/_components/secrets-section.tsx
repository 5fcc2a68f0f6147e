import Link from "next/link";
import { allows, LEVEL_LABEL, type Principal } from "@/lib/authz";
import type { AccessLevel } from "@/generated/prisma/enums";
import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { rotationSummary } from "@/lib/data/secrets/rotation-summary";
import { ZSecretListQuerySchema } from "@/lib/validations/secrets";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RotationBadge } from "@/app/(portal)/secrets/_components/rotation-badge";
import { TYPE_LABEL, TOOL_LABEL, day, dueText } from "@/app/(portal)/secrets/_components/labels";

/** The environment page's secrets: rotation summary and the secrets due soonest (metadata only, level read and up). */
export async function SecretsSection({ user, env }: { user: Principal; env: { id: string; slug: string; name: string; level: string } }) {
  if (!allows(user, env.id, "view_secrets")) {
    return (
      <Card>
        <CardHeader title="Secrets" />
        <p className="p-5 text-sm text-slate-600 dark:text-slate-400">
          Your access to {env.name} ({LEVEL_LABEL[env.level as AccessLevel] ?? env.level}) does not include secret metadata.
        </p>
      </Card>
    );
  }
  const now = new Date();
  const [[summary], soonest] = await Promise.all([
    rotationSummary(user, now, env.slug),
    listSecrets(user, ZSecretListQuerySchema.parse({ environment: env.slug, sort: "next_rotation", limit: 8 }), now),
  ]);
  const s = summary?.summary ?? { total: 0, ok: 0, due_soon: 0, overdue: 0, never_rotated: 0 };
  const chip = (label: string, n: number, rotation: string, tone: string) => (
    <Link href={`/secrets?environment=${env.slug}&rotation=${rotation}`} className={`rounded-lg px-3 py-2 text-sm ring-1 ring-inset hover:opacity-80 ${tone}`}>
      <span className="block text-lg font-semibold tabular-nums">{n}</span>
      {label}
    </Link>
  );
  return (
    <Card data-testid="environment-secrets">
      <CardHeader
        title="Secrets"
        description={`${s.total} secret${s.total === 1 ? "" : "s"} recorded (metadata only)`}
        actions={<Link href={`/secrets?environment=${env.slug}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">All {env.name} secrets →</Link>}
      />
      {s.total === 0 ? (
        <div className="p-5"><EmptyState title="No secrets recorded">A sync from AWS Secrets Manager fills this in.</EmptyState></div>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 p-5 sm:grid-cols-4">
            {chip("Overdue", s.overdue, "overdue", s.overdue ? "bg-rose-50 ring-rose-300 dark:bg-rose-950 dark:ring-rose-800" : "ring-slate-200 dark:ring-slate-800")}
            {chip("Never rotated", s.never_rotated, "never_rotated", s.never_rotated ? "bg-rose-50 ring-rose-300 dark:bg-rose-950 dark:ring-rose-800" : "ring-slate-200 dark:ring-slate-800")}
            {chip("Due soon", s.due_soon, "due_soon", s.due_soon ? "bg-amber-50 ring-amber-300 dark:bg-amber-950 dark:ring-amber-800" : "ring-slate-200 dark:ring-slate-800")}
            {chip("OK", s.ok, "ok", "ring-slate-200 dark:ring-slate-800")}
          </div>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Secrets of {env.name}, next rotation first</caption>
            <thead className="border-y border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Type</th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Tool</th>
                <th scope="col" className="px-3 py-2 font-medium">Rotation</th>
                <th scope="col" className="px-3 py-2 font-medium">Next due</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {soonest.data.map((x) => (
                <tr key={x.id}>
                  <td className="px-5 py-2"><Link href={`/secrets/${x.id}`} className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">{x.name}</Link></td>
                  <td className="px-3 py-2">{TYPE_LABEL[x.type]}</td>
                  <td className="hidden px-3 py-2 md:table-cell">{TOOL_LABEL[x.tool]}</td>
                  <td className="px-3 py-2"><RotationBadge status={x.rotation.status} /></td>
                  <td className="px-3 py-2 tabular-nums">{day(x.rotation.dueAt)} <span className="text-xs text-slate-600 dark:text-slate-400">{x.rotation.dueAt ? `(${dueText(x.rotation.daysLeft)})` : ""}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
