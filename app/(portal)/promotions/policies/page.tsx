import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guards";
import { hasRole, ROLE_LABEL, ROLES } from "@/lib/authz";
import { listPolicies } from "@/lib/data/policies/list-policies";
import { describeWindow, formatInZone } from "@/lib/domain/deploy-window";
import { GATE_KEYS, gateSpec } from "@/lib/domain/gates";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { AddFreezeForm, PolicyForm, RemoveFreezeButton } from "./_components/policy-form";

export const metadata: Metadata = { title: "Promotion policies" };

const DEFAULTS = {
  requiredGates: [],
  approverRoles: ["platform" as const],
  approvalsRequired: 1,
  allowSelfApproval: false,
  autoApprove: false,
  windowDays: [],
  windowStart: "00:00",
  windowEnd: "24:00",
  windowTimeZone: "Europe/London",
  hotfixAllowed: true,
  hotfixApproverRoles: ["eng_leader" as const],
  hotfixApprovalsRequired: 1,
  hotfixRequiredGates: [],
  expireAfterHours: 72,
  version: 1,
};

export default async function PoliciesPage() {
  const user = await requirePage("promotions");
  const editable = hasRole(user, "platform");
  const envs = await listPolicies(user);
  const gates = GATE_KEYS.map((k) => ({ value: k, label: gateSpec(k).label }));
  const roles = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));
  return (
    <>
      <PageHeader
        title="Promotion policies"
        description={editable ? "Per target environment: gates, approvers, deploy window, freezes and the hotfix lane. Every edit is audited and applies to the next request." : "The rules promotions into each environment follow. Only the platform team edits them."}
      />
      {envs.length === 0 ? <EmptyState title="No environments visible to you" /> : null}
      <div className="space-y-6">
        {envs.map((env) => {
          const p = env.policy ?? DEFAULTS;
          return (
            <Card key={env.id} data-testid={`policy-${env.slug}`}>
              <CardHeader
                title={`Into ${env.name}`}
                description={env.policy ? `${describeWindow({ days: p.windowDays, start: p.windowStart, end: p.windowEnd, timeZone: p.windowTimeZone })} · version ${p.version}` : "No policy yet: promotions need one platform approval, any time"}
                actions={env.policy?.autoApprove ? <Badge tone="good">automatic</Badge> : null}
              />
              {editable ? (
                <PolicyForm values={{ ...p, environment: env.slug, approverRoles: [...p.approverRoles], hotfixApproverRoles: [...p.hotfixApproverRoles] }} gates={gates} roles={roles} />
              ) : (
                <dl className="grid gap-3 p-5 text-sm sm:grid-cols-2">
                  <div><dt className="font-medium">Gates</dt><dd>{p.requiredGates.map((g) => gateSpec(g).label).join(", ") || "none"}</dd></div>
                  <div><dt className="font-medium">Approvals</dt><dd>{p.autoApprove ? "automatic once gates are green" : `${p.approvalsRequired} from ${p.approverRoles.map((r) => ROLE_LABEL[r]).join(" or ")}`}{p.allowSelfApproval ? " (requester may approve)" : ", not the requester"}</dd></div>
                  <div><dt className="font-medium">Hotfixes</dt><dd>{p.hotfixAllowed ? `${p.hotfixApprovalsRequired} from ${p.hotfixApproverRoles.map((r) => ROLE_LABEL[r]).join(" or ")}; any time; flagged for review` : "not allowed"}</dd></div>
                  <div><dt className="font-medium">Unanswered requests expire after</dt><dd>{p.expireAfterHours} hours</dd></div>
                </dl>
              )}
              <div className="border-t border-slate-200 p-5 dark:border-slate-800">
                <h3 className="text-sm font-semibold">Freeze periods</h3>
                {env.freezes.length ? (
                  <ul className="mt-2 space-y-2 text-sm">
                    {env.freezes.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-center justify-between gap-2">
                        <span>
                          <strong>{f.reason}</strong>: {formatInZone(f.startsAt, p.windowTimeZone)} → {formatInZone(f.endsAt, p.windowTimeZone)}
                        </span>
                        {editable ? <RemoveFreezeButton id={f.id} reason={f.reason} /> : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None planned.</p>
                )}
                {editable ? <div className="mt-3"><AddFreezeForm environment={env.slug} zone={p.windowTimeZone} /></div> : null}
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
