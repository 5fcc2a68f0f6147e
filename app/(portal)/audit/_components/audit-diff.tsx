/** Before/after of one event, field by field (values are already free of secrets). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return null;
  const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{keys.length} field{keys.length === 1 ? "" : "s"}</summary>
      <table className="mt-1 w-full font-mono">
        <tbody>
          {keys.map((k) => (
            <tr key={k} className="align-top">
              <th scope="row" className="w-40 py-0.5 pr-2 text-left font-medium">{k}</th>
              <td className="py-0.5 pr-2 text-rose-700 line-through decoration-rose-300 dark:text-rose-300">{k in b ? show(b[k]) : ""}</td>
              <td className="py-0.5 text-emerald-700 dark:text-emerald-300">{show(a[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
