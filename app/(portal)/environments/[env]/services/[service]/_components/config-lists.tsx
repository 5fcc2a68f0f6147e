"use client";
// The service config page's three long lists (effective keys, a layer's entries, the
// layer's changes), rendered from compact rows the page reads with every access check.
// Client components because 50 rows rendered as server elements cost several times more
// per request than the same rows rendered from their data: each element would be
// serialised, parsed and inlined into the page again. Links arrive as ready hrefs.
import { RowLink } from "@/components/ui/row-link";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { LayerBadge, OverrodeValues, ValueText } from "@/app/(portal)/compare/_components/config-bits";
import { keyAnchor } from "@/app/(portal)/compare/_components/finding-labels";

const LINK = "text-xs text-indigo-700 hover:underline dark:text-indigo-300";

export interface Shown {
  value: string | null;
  masked: boolean;
  layer: ConfigLayer;
}

export interface EffectiveRow extends Shown {
  key: string;
  /** "database password · aws secrets manager · rotation …", when the reference has metadata. */
  secret: string | null;
  overrode: Shown[];
  historyHref: string | null;
}

export function EffectiveRows({ rows }: { rows: EffectiveRow[] }) {
  return (
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
      {rows.map((k) => (
        <tr key={k.key} id={keyAnchor(k.key)} className="target:bg-amber-50 dark:target:bg-amber-950/40" data-testid="effective-row">
          <td className="px-5 py-2 align-top font-mono text-xs">{k.key}</td>
          <td className="px-3 py-2 align-top">
            <ValueText value={k.value} masked={k.masked} layer={k.layer} />
            {k.secret ? (
              <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{k.secret}</p>
            ) : k.layer === "secret" && k.value ? (
              <p className="mt-0.5 text-xs text-amber-700 dark:text-amber-300">No metadata recorded for this reference.</p>
            ) : null}
          </td>
          <td className="px-3 py-2 align-top"><LayerBadge layer={k.layer} /></td>
          {k.overrode.length ? (
            <td className="px-3 py-2 align-top">
              <details>
                <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">overrode {k.overrode.length}</summary>
                <OverrodeValues values={k.overrode} />
              </details>
            </td>
          ) : (
            <td className="px-3 py-2 align-top text-xs text-slate-500 dark:text-slate-400">—</td>
          )}
          {/* The accessible name says which key ("History" alone, 25 times, would not). */}
          <td className="px-3 py-2 align-top text-right">{k.historyHref ? <RowLink href={k.historyHref} className={LINK} aria-label={`History of ${k.key}`}>History</RowLink> : null}</td>
        </tr>
      ))}
    </tbody>
  );
}

export interface EntryRow extends Shown {
  key: string;
  version: number;
  updated: string;
  /** null when the caller may not edit, or this entry's form is the open one. */
  editHref: string | null;
  historyHref: string;
}

/** A layer's entries; the one open edit form (a server-rendered element) sits under its entry. */
export function LayerEntries({ rows, editKey, editForm }: { rows: EntryRow[]; editKey: string | null; editForm: React.ReactNode }) {
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {rows.map((e) => (
        <li key={e.key} id={`entry-${keyAnchor(e.key)}`} className="px-5 py-2" data-testid="layer-entry">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="font-mono text-xs font-medium">{e.key}</span>
            <ValueText value={e.value} masked={e.masked} layer={e.layer} />
            <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">v{e.version} · {e.updated}</span>
            {e.editHref ? <RowLink href={e.editHref} className={LINK}>Edit<span className="sr-only"> {e.key}</span></RowLink> : null}
            <RowLink href={e.historyHref} className={LINK}>History<span className="sr-only"> of {e.key}</span></RowLink>
          </div>
          {editKey === e.key ? <div className="mt-1">{editForm}</div> : null}
        </li>
      ))}
    </ul>
  );
}

export interface ChangeRow extends Shown {
  key: string;
  version: number;
  deleted: boolean;
  byline: string;
  historyHref: string;
}

export function LayerChanges({ rows }: { rows: ChangeRow[] }) {
  return (
    <ol className="divide-y divide-slate-100 dark:divide-slate-800">
      {rows.map((c) => (
        <li key={`${c.key}@${c.version}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2 text-sm">
          <RowLink href={c.historyHref} className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300">{c.key}</RowLink>
          <span className="font-mono text-xs">v{c.version}</span>
          {c.deleted ? <span className="text-xs font-medium text-rose-700 dark:text-rose-300">deleted</span> : <ValueText value={c.value} masked={c.masked} layer={c.layer} />}
          <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">{c.byline}</span>
        </li>
      ))}
    </ol>
  );
}
