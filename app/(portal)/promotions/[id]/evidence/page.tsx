import type { Metadata } from "next";
import { requirePage, orNotFound } from "@/lib/auth/guards";
import { getEvidence } from "@/lib/data/promotions/get-evidence";

export const metadata: Metadata = { title: "Evidence bundle" };

const cell = "border border-slate-300 px-2 py-1 align-top dark:border-slate-700";

/** A printable record of one promotion for auditors (the JSON is at /api/v1/promotions/{id}/evidence). */
export default async function EvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("promotions");
  const e = await orNotFound(getEvidence(user, (await params).id));
  const p = e.promotion;
  return (
    <article className="space-y-6 text-sm print:text-xs">
      <header>
        <h1 className="text-2xl font-semibold">Evidence: {p.service.name} {p.version}, {p.from.name} → {p.to.name}</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Promotion {p.id} · {p.kind}{p.severity ? ` (${p.severity})` : ""} · state {p.state.replace(/_/g, " ")} · generated {e.generatedAt} by {e.generatedBy} ·{" "}
          <a className="text-indigo-700 underline print:hidden dark:text-indigo-300" href={`/api/v1/promotions/${p.id}/evidence`}>download JSON</a>
        </p>
      </header>
      <section>
        <h2 className="mb-1 text-base font-semibold">Request</h2>
        <p>Requested by {p.requestedBy.name} ({p.requestedBy.email}) at {p.requestedAt}. Reason: {p.reason}. Change ticket: {p.changeTicket ?? "none"}. Rollback plan: {p.rollbackPlan ?? "none"}.{p.flaggedForReview ? " Flagged for review." : ""}</p>
      </section>
      <section>
        <h2 className="mb-1 text-base font-semibold">Gates</h2>
        <table className="w-full border-collapse">
          <thead><tr><th className={cell}>Gate</th><th className={cell}>Status</th><th className={cell}>Reporter</th><th className={cell}>At</th><th className={cell}>Evidence</th></tr></thead>
          <tbody>
            {e.gates.map((g) => (
              <tr key={g.gate}><td className={cell}>{g.label}</td><td className={cell}>{g.status}{g.waivedReason ? ` (${g.waivedReason})` : ""}</td><td className={cell}>{g.reporter ?? "—"}</td><td className={cell}>{g.reportedAt ?? "—"}</td><td className={cell}>{g.evidenceUrl ?? g.detail ?? "—"}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-1 text-base font-semibold">Decisions</h2>
        {e.approvals.length ? (
          <ul className="list-disc pl-5">{e.approvals.map((a) => <li key={a.userId}>{a.name}: {a.decision} at {a.createdAt}{a.comment ? ` — “${a.comment}”` : ""}{a.invalidatedAt ? ` (invalidated ${a.invalidatedAt})` : ""}</li>)}</ul>
        ) : <p>None recorded.</p>}
      </section>
      <section>
        <h2 className="mb-1 text-base font-semibold">Deploy window</h2>
        <p>Policy: {e.window.policy}. At deploy: {e.window.checkedAtDeploy ? `${e.window.checkedAtDeploy.status}${e.window.checkedAtDeploy.detail ? ` (${e.window.checkedAtDeploy.detail})` : ""}` : "not deployed"}.</p>
      </section>
      <section>
        <h2 className="mb-1 text-base font-semibold">Audit events</h2>
        <table className="w-full border-collapse font-mono text-xs">
          <thead><tr><th className={cell}>#</th><th className={cell}>At</th><th className={cell}>Actor</th><th className={cell}>Action</th><th className={cell}>Hash</th></tr></thead>
          <tbody>
            {e.audit.map((a) => (
              <tr key={a.id}><td className={cell}>{a.id}</td><td className={cell}>{a.createdAt}</td><td className={cell}>{a.actorLabel}</td><td className={cell}>{a.action}</td><td className={cell}>{a.hash ? `${a.hash.slice(0, 16)}…` : "sealing…"}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
