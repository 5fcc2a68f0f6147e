"use client";
// One service's effective keys on the environment page (inside its collapsed row), from
// compact rows the server read with every access check. A client component for the
// reason config-lists.tsx gives: ten services × 20 keys rendered as server elements were
// most of the page's server time (each element serialised, parsed and inlined again).
import { LayerBadge, OverrodeValues, ValueText } from "@/app/(portal)/compare/_components/config-bits";
import { keyAnchor } from "@/app/(portal)/compare/_components/finding-labels";
import type { ShownValue } from "@/lib/data/config/config-view";

export interface ServiceKeyRow extends ShownValue {
  key: string;
  overrode: ShownValue[];
}

export function ServiceKeys({ slug, caption, rows }: { slug: string; caption: string; rows: ServiceKeyRow[] }) {
  return (
    <table className="w-full min-w-[640px] text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-2 pr-3 font-medium">Key</th>
          <th scope="col" className="py-2 pr-3 font-medium">Value</th>
          <th scope="col" className="py-2 pr-3 font-medium">From</th>
          <th scope="col" className="py-2 font-medium">Overrode</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((k) => (
          <tr key={k.key} id={`${slug}-${keyAnchor(k.key)}`}>
            <td className="py-1.5 pr-3 font-mono text-xs">{k.key}</td>
            <td className="py-1.5 pr-3"><ValueText value={k.value} masked={k.masked} layer={k.layer} /></td>
            <td className="py-1.5 pr-3"><LayerBadge layer={k.layer} /></td>
            <td className="py-1.5">
              {k.overrode.length ? (
                <details>
                  <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">{k.overrode.length} lower value{k.overrode.length > 1 ? "s" : ""}</summary>
                  <OverrodeValues values={k.overrode} />
                </details>
              ) : (
                <span className="text-xs text-slate-500 dark:text-slate-400">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
