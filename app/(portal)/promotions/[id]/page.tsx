import type { Metadata } from "next";
import Link from "next/link";
import { requirePage, orNotFound } from "@/lib/auth/guards";
import { getPromotion } from "@/lib/data/promotions/get-promotion";
import { GATE_TONE } from "@/lib/domain/gates";
import { STATE_LABEL, STATE_TONE } from "@/lib/domain/promotion-state";
import { ROLE_LABEL } from "@/lib/authz";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ZonedTime } from "../_components/zoned-time";
import { CancelForm, DecisionForm, FinishDeployForm, RollBackForm, SignOffForm, StartDeployForm, WaiveForm } from "../_components/promotion-actions";

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Promotion" };

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function PromotionPage({ params }: Params) {
  const user = await requirePage("promotions");
  const p = await orNotFound(getPromotion(user, (await params).id));
  const r = p.readiness;
  const zone = r.orgTimeZone;
  return (
    <>
      <PageHeader
        title={`${p.service.name} ${p.version}`}
        description={
          <>
            {p.fromEnvironment.name} → {p.toEnvironment.name} · requested by {p.requestedBy.name} <ZonedTime iso={p.createdAt.toISOString()} orgZone={zone} />
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {p.kind === "hotfix" ? <Badge tone="bad">hotfix · {p.severity}</Badge> : null}
            {p.flaggedForReview ? <Badge tone="warn">flagged for review</Badge> : null}
            <Badge tone={STATE_TONE[p.state]}>
              <span data-testid="promotion-state">{STATE_LABEL[p.state]}</span>
            </Badge>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Readiness" description={<span data-testid="readiness-summary">{r.summary}</span>} />
            <dl className="grid gap-4 p-5 sm:grid-cols-2">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Blocking gates</dt>
                <dd className="mt-1 text-sm">{r.blocking.length ? r.blocking.map((g) => `${g.label} (${g.status})`).join(", ") : "none"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Approvals</dt>
                <dd className="mt-1 text-sm">
                  {r.approvals.automatic ? "automatic once gates are green" : `${r.approvals.valid} of ${r.approvals.required} from ${r.approvals.roles.map((x) => ROLE_LABEL[x]).join(" or ")}`}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Who can approve</dt>
                <dd className="mt-1 text-sm" data-testid="approvers">{r.approvals.automatic ? "nobody needs to" : r.approvers.length ? r.approvers.join(", ") : "nobody left who may"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Deploy window · {r.windowText}</dt>
                <dd className="mt-1 text-sm" data-testid="window">
                  {r.window === null ? (
                    "Hotfix: the window does not apply"
                  ) : r.window.open ? (
                    <>Open now{r.window.closesAt ? <> until <ZonedTime iso={r.window.closesAt.toISOString()} orgZone={zone} /></> : null}</>
                  ) : (
                    <>
                      Closed{r.window.reason === "freeze" ? ` (freeze: ${r.window.freeze?.reason})` : ""}
                      {r.window.opensAt ? <> — next opens <ZonedTime iso={r.window.opensAt.toISOString()} orgZone={zone} /></> : " — no opening within a year"}
                    </>
                  )}
                </dd>
              </div>
            </dl>
          </Card>

          <Card>
            <CardHeader title="Gates" description={p.gates.length ? `${p.gates.filter((g) => g.status === "passed" || g.status === "waived").length} of ${p.gates.length} done` : undefined} />
            {p.gates.length ? (
              <ul className="divide-y divide-slate-200 dark:divide-slate-800">
                {p.gates.map((g) => (
                  <li key={g.gate} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3" data-testid={`gate-${g.gate}`}>
                    <div className="min-w-0">
                      <div className="flex items-center gap-2 text-sm font-medium">
                        {g.label}
                        <Badge tone={GATE_TONE[g.status]}>{g.status}</Badge>
                      </div>
                      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                        {g.kind === "window" ? "Checked when the deploy starts" : g.reporter ? `${g.reporter}${g.reportedAt ? `, ${when(g.reportedAt)}` : ""}` : "Not reported yet"}
                        {g.detail ? ` — ${g.detail}` : ""}
                        {g.evidenceUrl ? (
                          <>
                            {" "}
                            <a href={g.evidenceUrl} className="text-indigo-700 underline dark:text-indigo-300" rel="noreferrer noopener" target="_blank">
                              evidence
                            </a>
                          </>
                        ) : null}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-start gap-2">
                      {g.canSignOff ? <SignOffForm id={p.id} gate={g.gate} label={g.label} /> : null}
                      {g.canWaive ? <WaiveForm id={p.id} gate={g.gate} label={g.label} /> : null}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">No gates: {p.kind === "hotfix" ? "the hotfix lane needs only the approval." : "the policy requires none."}</p>
            )}
          </Card>

          <Card>
            <CardHeader title="Timeline" description="Every event, oldest first" />
            <ol className="space-y-3 p-5" data-testid="timeline">
              {p.timeline.map((e) => (
                <li key={e.id} className="flex gap-3 text-sm">
                  <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-indigo-500" />
                  <div>
                    <p>{e.message}</p>
                    <p className="text-xs text-slate-600 dark:text-slate-400">
                      {e.actor} · {when(e.createdAt)}
                      {e.toState && e.fromState && e.toState !== e.fromState ? ` · ${STATE_LABEL[e.fromState]} → ${STATE_LABEL[e.toState]}` : ""}
                    </p>
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title="Your part" />
            <div className="space-y-4 p-5">
              {p.viewer.approve.ok || p.viewer.reject.ok ? (
                <DecisionForm id={p.id} />
              ) : (
                <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="cannot-decide">
                  {p.viewer.approve.ok ? "" : p.viewer.approve.message}
                </p>
              )}
              {p.viewer.deploy ? (
                <StartDeployForm
                  id={p.id}
                  blocked={
                    r.deploy.ok ? null : r.window && !r.window.open && r.window.opensAt ? (
                      // The same refusal as the API's message, with the time in the organisation's and the reader's zone.
                      <>
                        {r.window.reason === "freeze" ? `Deploys are frozen (${r.window.freeze?.reason ?? "no reason given"})` : "Outside the deploy window"}: deploys can start{" "}
                        <ZonedTime iso={r.window.opensAt.toISOString()} orgZone={zone} />.
                      </>
                    ) : (
                      r.deploy.message
                    )
                  }
                />
              ) : null}
              {p.viewer.finish ? <FinishDeployForm id={p.id} /> : null}
              {p.viewer.rollBack ? <RollBackForm id={p.id} target={p.toEnvironment.name} /> : null}
              {p.viewer.cancel ? <CancelForm id={p.id} /> : null}
            </div>
          </Card>

          <Card>
            <CardHeader title="Request" />
            <dl className="space-y-3 p-5 text-sm">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Reason</dt>
                <dd>{p.reason}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Change ticket</dt>
                <dd>{p.changeTicket ?? "none"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Rollback plan</dt>
                <dd>{p.rollbackPlan ?? "none given"}</dd>
              </div>
              {p.expiresAt && ["requested", "checking", "awaiting_approval"].includes(p.state) ? (
                <div>
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Expires</dt>
                  <dd>
                    <ZonedTime iso={p.expiresAt.toISOString()} orgZone={zone} />
                  </dd>
                </div>
              ) : null}
            </dl>
          </Card>

          <Card>
            <CardHeader title="Decisions" />
            {p.approvals.length ? (
              <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="approvals">
                {p.approvals.map((a) => (
                  <li key={a.userId} className="px-5 py-3 text-sm">
                    <div className="flex items-center gap-2">
                      <span className="font-medium">{a.name}</span>
                      <Badge tone={a.invalidatedAt ? "neutral" : a.decision === "approve" ? "good" : "bad"}>{a.invalidatedAt ? `${a.decision}d, invalidated` : `${a.decision}d`}</Badge>
                    </div>
                    {a.comment ? <p className="mt-1 text-slate-700 dark:text-slate-300">“{a.comment}”</p> : null}
                    <p className="text-xs text-slate-600 dark:text-slate-400">{when(a.createdAt)}{a.invalidatedAt ? ` · invalidated ${when(a.invalidatedAt)} by a failing gate` : ""}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">No decisions yet.</p>
            )}
          </Card>
          <p className="flex gap-4 text-sm">
            <Link href="/promotions" className="text-indigo-700 underline dark:text-indigo-300">
              Back to the queue
            </Link>
            <Link href={`/promotions/${p.id}/evidence`} className="text-indigo-700 underline dark:text-indigo-300">
              Evidence bundle
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
