import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guards";
import { getAccessMatrix } from "@/lib/data/access/get-access-matrix";
import { CAPABILITIES, can, hasRole, LEVEL_LABEL, LEVELS, ROLE_LABEL } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { MatrixEditor } from "./_components/matrix-editor";

export const metadata: Metadata = { title: "Access" };

const CAPABILITY_LABEL: Record<(typeof CAPABILITIES)[number], string> = {
  see: "See it: summary and aggregate metrics",
  view_deployments: "Deploy history and logs",
  view_config: "Non-secret configuration",
  view_secrets: "Secret metadata (never values)",
  request_promotion: "Request promotions into it",
  manage: "Edit flags and details, record sign-offs, approve where the policy names the role",
};

export default async function AccessPage() {
  const user = await requirePage("access");
  const matrix = await getAccessMatrix(user);
  const editable = hasRole(user, "platform");
  return (
    <>
      <PageHeader
        title="Access"
        description="Who can do what in each environment. Enforced on the server for every page, action and API call; changes take effect on the very next request."
        actions={editable ? <Link href="/access/users" className="rounded-lg bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500">Manage people</Link> : null}
      />
      <Card>
        <CardHeader title="Role × environment" description={editable ? "Pick a level to review its effect before applying it. Production changes need a reason." : "Only the platform team edits this matrix."} />
        <MatrixEditor
          editable={editable}
          roles={matrix.roles.map((r) => ({ role: r, label: ROLE_LABEL[r], people: matrix.peopleByRole[r] }))}
          environments={matrix.environments.map((e) => ({ slug: e.slug, name: e.name, isProduction: e.isProduction, levels: e.levels }))}
          levels={LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))}
        />
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="What each level allows" />
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                  <th scope="col" className="px-4 py-2 font-medium">Capability</th>
                  {LEVELS.filter((l) => l !== "none").map((l) => (
                    <th key={l} scope="col" className="px-2 py-2 text-center font-medium">{LEVEL_LABEL[l]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {CAPABILITIES.map((c) => (
                  <tr key={c} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60">
                    <th scope="row" className="px-4 py-2 text-left font-normal">{CAPABILITY_LABEL[c]}</th>
                    {LEVELS.filter((l) => l !== "none").map((l) => (
                      <td key={l} className="px-2 py-2 text-center">
                        {can(l, c) ? <span aria-label="allowed" className="text-emerald-600">●</span> : <span aria-label="not allowed" className="text-slate-300 dark:text-slate-600">○</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="px-4 pb-4 pt-2 text-xs text-slate-600 dark:text-slate-400">
            <strong>none</strong>: the environment does not exist for that person; a direct link answers 404.
          </p>
        </Card>

        <Card>
          <CardHeader title="Who can approve a promotion today" description="Policy approver roles with full access, active users only." />
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {matrix.environments.map((e) => (
              <li key={e.slug} className="px-5 py-3" data-testid={`approvers-${e.slug}`}>
                <div className="flex items-center justify-between">
                  <span className="font-medium">{e.name}</span>
                  {e.autoApprove ? <Badge tone="good">automatic once gates are green</Badge> : <Badge>{e.approverRoles.map((r) => ROLE_LABEL[r]).join(", ") || "no policy"}</Badge>}
                </div>
                {!e.autoApprove ? (
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    {e.approvers.length ? e.approvers.map((a) => a.name).join(", ") : e.approverRoles.length ? "Nobody: no active person holds an approver role with full access." : "Promotions into this environment are not approved here."}
                  </p>
                ) : null}
                {e.hotfixApprovers.length ? (
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Hotfixes: {e.hotfixApprovers.map((a) => a.name).join(", ")}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
