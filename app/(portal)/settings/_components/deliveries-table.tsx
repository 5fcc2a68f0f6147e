import type { DeliveryRow } from "@/lib/data/webhooks/list-deliveries";
import { Badge, type Tone } from "@/components/ui/badge";

const tone = (code: number): Tone => (code >= 500 ? "bad" : code >= 400 ? "warn" : code === 202 ? "neutral" : "good");

/** Recent GitHub deliveries: headers (the signature only as present/missing) and what happened. */
export function DeliveriesTable({ rows }: { rows: DeliveryRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[760px] text-left text-sm" data-testid="deliveries-table">
        <caption className="sr-only">Webhook deliveries</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-4 py-2 font-medium">Received</th>
            <th scope="col" className="px-4 py-2 font-medium">Event</th>
            <th scope="col" className="px-4 py-2 font-medium">Outcome</th>
            <th scope="col" className="px-4 py-2 font-medium">Delivery / headers</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="whitespace-nowrap px-4 py-2 text-xs tabular-nums">{d.receivedAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td className="px-4 py-2 font-mono text-xs">{d.event}{d.action ? `.${d.action}` : ""}</td>
              <td className="px-4 py-2">
                <Badge tone={tone(d.statusCode)}>{d.statusCode} {d.outcome.replace(/_/g, " ")}</Badge>
                {d.error ? <div className="mt-1 max-w-sm text-xs text-slate-600 dark:text-slate-400">{d.error}</div> : null}
                {d.deploymentId ? <a className="mt-1 block text-xs text-indigo-700 hover:underline dark:text-indigo-300" href={`/deployments/${d.deploymentId}`}>deployment</a> : null}
              </td>
              <td className="px-4 py-2">
                <details>
                  <summary className="cursor-pointer font-mono text-xs">{d.deliveryId}</summary>
                  <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-[11px] dark:bg-slate-950">{JSON.stringify(d.headers, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
