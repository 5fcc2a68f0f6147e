import Link from "next/link";
import type { TListDeployments } from "@/lib/validations/deployments";
import { DEPLOYMENT_STATUSES } from "@/lib/domain/deployment-status";

type Option = { slug: string; name: string };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";
const labelCls = "text-xs font-medium text-slate-600 dark:text-slate-400";
const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : "");

/** A plain GET form: every filter lives in the URL, so a view can be shared by link. */
export function DeploymentFilters({ filters, environments, services, people }: { filters: TListDeployments; environments: Option[]; services: Option[]; people: { email: string; name: string }[] }) {
  return (
    <form method="get" action="/deployments" className="grid grid-cols-2 gap-3 p-4 sm:grid-cols-3 lg:grid-cols-7" aria-label="Filter deployments">
      <label className={labelCls}>
        Environment
        <select name="environment" defaultValue={filters.environment ?? ""} className={field}>
          <option value="">All visible</option>
          {environments.map((e) => <option key={e.slug} value={e.slug}>{e.name}</option>)}
        </select>
      </label>
      <label className={labelCls}>
        Service
        <select name="service" defaultValue={filters.service ?? ""} className={field}>
          <option value="">All</option>
          {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
        </select>
      </label>
      <label className={labelCls}>
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">Any</option>
          {DEPLOYMENT_STATUSES.map((s) => <option key={s} value={s}>{s.replace(/_/g, " ")}</option>)}
        </select>
      </label>
      <label className={labelCls}>
        Person
        <input name="person" list="deploy-people" defaultValue={filters.person ?? ""} placeholder="email or ci@…" className={field} />
        <datalist id="deploy-people">
          <option value="ci@github-actions" />
          {people.map((p) => <option key={p.email} value={p.email}>{p.name}</option>)}
        </datalist>
      </label>
      <label className={labelCls}>
        From
        <input type="date" name="from" defaultValue={day(filters.from)} className={field} />
      </label>
      <label className={labelCls}>
        To (exclusive)
        <input type="date" name="to" defaultValue={day(filters.to)} className={field} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">Apply</button>
        <Link href="/deployments" className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">Clear</Link>
      </div>
    </form>
  );
}
