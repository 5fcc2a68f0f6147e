import Link from "next/link";
import type { NotificationDeliveryRow } from "@/lib/data/notifications/list-deliveries";
import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<NotificationDeliveryRow["status"], Tone> = { pending: "warn", delivered: "good", failed: "bad" };
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace("T", " ") : "—");

/** Recent outgoing deliveries: where to, what, how it went and, while pending, when the next attempt is. */
export function NotificationDeliveriesTable({ rows }: { rows: NotificationDeliveryRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[760px] text-left text-sm" data-testid="notification-deliveries">
        <caption className="sr-only">Outgoing notification deliveries</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-4 py-2 font-medium">Created (UTC)</th>
            <th scope="col" className="px-4 py-2 font-medium">Endpoint</th>
            <th scope="col" className="px-4 py-2 font-medium">Event</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Attempts</th>
            <th scope="col" className="px-4 py-2 font-medium">Last response</th>
            <th scope="col" className="px-4 py-2 font-medium">Delivery id</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((d) => (
            <tr key={d.id} className="align-top" data-testid="notification-delivery">
              <td className="whitespace-nowrap px-4 py-2 text-xs tabular-nums">{when(d.createdAt)}</td>
              <td className="px-4 py-2 text-xs">{d.endpoint.name}</td>
              <td className="px-4 py-2 font-mono text-xs">
                {d.event}
                {d.promotionId ? (
                  <Link className="ml-1 text-indigo-700 hover:underline dark:text-indigo-300" href={`/promotions/${d.promotionId}`}>
                    promotion
                  </Link>
                ) : null}
              </td>
              <td className="px-4 py-2">
                <Badge tone={TONE[d.status]}>{d.status}</Badge>
                {d.status === "pending" && d.attempts > 0 ? <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">next try {when(d.nextAttemptAt)}</div> : null}
              </td>
              <td className="px-4 py-2 text-xs tabular-nums">{d.attempts}</td>
              <td className="px-4 py-2 text-xs">
                {d.lastStatusCode ?? (d.attempts ? "no response" : "—")}
                {d.lastError ? <div className="mt-1 max-w-xs text-slate-600 dark:text-slate-400">{d.lastError}</div> : null}
              </td>
              <td className="px-4 py-2 font-mono text-[11px]">{d.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
