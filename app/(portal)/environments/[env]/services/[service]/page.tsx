import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getServiceConfigPage } from "@/lib/data/config/get-service-config";
import { listKeyHistory } from "@/lib/data/config/list-key-history";
import { listLayerHistory } from "@/lib/data/config/list-layer-history";
import { listConfigFindings } from "@/lib/data/findings/list-config-findings";
import { CONFIG_LAYERS, LAYER_LABEL } from "@/lib/domain/config-layers";
import { CONFIG_PAGE_SIZE, ZServiceConfigQuerySchema, type TServiceConfigQuery } from "@/lib/validations/config";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/components/ui/cn";
import { FindingsList, ValueText, keyAnchor } from "@/app/(portal)/compare/_components/config-bits";
import { PrecedenceLine } from "@/app/(portal)/compare/_components/precedence-line";
import { EntryForm } from "./_components/entry-form";
import { RestoreButton } from "./_components/restore-button";
import { ImportPanel } from "./_components/import-panel";
import { KeyFilter } from "./_components/key-filter";
import { KeyPager } from "./_components/key-pager";
import { EffectiveRows, LayerChanges, LayerEntries } from "./_components/config-lists";

type Props = { params: Promise<{ env: string; service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${p.service} · ${p.env}` };
}

// The worst findings shown above the table; all of them are on the compare page.
const FINDINGS_SHOWN = 5;
const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/** A secret reference's metadata in one line: type, tool, rotation and its next date. */
const secretLine = (m: { type: string; tool: string; rotationPolicy: string; rotationDays: number | null; nextRotationAt: Date | null }) =>
  `${m.type.replace(/_/g, " ")} · ${m.tool.replace(/_/g, " ")} · rotation ${m.rotationPolicy.replace(/_/g, " ")}` +
  (m.rotationDays ? ` every ${m.rotationDays} days` : "") +
  (m.nextRotationAt ? ` · next ${m.nextRotationAt.toISOString().slice(0, 10)}` : "");

/** The URL's parameters, in this order; `per` only when not the default. */
const PARAMS = ["layer", "q", "after", "key", "lafter", "edit", "history", "changes", "per"] as const;
type Params = Partial<Record<(typeof PARAMS)[number], string | number | undefined>>;

export default async function ServiceConfigPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const p = await params;
  const sp = await searchParams;
  const query: TServiceConfigQuery = ZServiceConfigQuerySchema.parse(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, one(v)])));
  const cfg = await orNotFound(getServiceConfigPage(user, p.env, p.service, query));
  const { environment: env, service, layer, visibleLayers, keys, entries, editing } = cfg;
  // A layer's entries, their edit forms, its changes, "Set a key" and "Import" show once a
  // layer is chosen (a tab): the page opens on the effective configuration, which already
  // names each key's layer.
  const layerOpen = query.layer !== undefined;
  const historyKey = query.history;
  const [history, { findings }, changes] = await Promise.all([
    historyKey ? orNotFound(listKeyHistory(user, { env: env.slug, service: service.slug, layer, key: historyKey })) : null,
    listConfigFindings(user, { environment: env.slug, service: service.slug }),
    layerOpen ? listLayerHistory(user, { env: env.slug, service: service.slug, layer, cursor: query.changes }) : null,
  ]);
  const base = `/environments/${env.slug}/services/${service.slug}`;
  // Links keep the other parameters (filter, pages, page size) unless they say otherwise.
  const current: Params = { ...query, layer: query.layer ? layer : undefined, edit: editing?.key, per: query.per === CONFIG_PAGE_SIZE ? undefined : query.per };
  const href = (change: Params, hash = "") => {
    const merged = { ...current, ...change };
    const search = new URLSearchParams();
    for (const k of PARAMS) if (merged[k] !== undefined && merged[k] !== "") search.set(k, String(merged[k]));
    const s = search.toString();
    return `${base}${s ? `?${s}` : ""}${hash}`;
  };
  const layerLink = (l: string, change: Params = {}, hash = "") => href({ layer: l, lafter: undefined, edit: undefined, history: undefined, changes: undefined, ...change }, hash);
  const link = "text-xs text-indigo-700 hover:underline dark:text-indigo-300";
  // The one open edit form (an entry's Edit link; full access only, checked by the DAL and again by the action).
  const editForm = (e: NonNullable<typeof editing>) => (
    <div id="edit" className="scroll-mt-4 rounded-lg bg-slate-50 p-3 dark:bg-slate-800/40">
      <div className="mb-2 flex items-center gap-3">
        <h3 className="text-xs font-semibold">Edit <span className="font-mono">{e.key}</span> in the {layer} layer</h3>
        {/* A plain link: a full load of the page without the form, whatever the client router has cached. */}
        <a href={href({ edit: undefined }, `#entry-${keyAnchor(e.key)}`)} className={`ml-auto ${link}`}>Cancel</a>
      </div>
      {e.masked ? <p className="mb-2 text-xs text-amber-700 dark:text-amber-300">The current value looks like a secret and is not shown; enter the new value (better: move it to the secret manager).</p> : null}
      <EntryForm key={e.key} env={env.slug} service={service.slug} layer={layer} entry={{ key: e.key, value: e.masked ? "" : (e.value ?? ""), version: e.version }} autoFocus />
    </div>
  );
  const exportLink = (l: string, f: string, label: string) => (
    <a href={`${base}/export?layer=${l}&format=${f}`} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800" download>
      {label}
    </a>
  );

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/environments/${env.slug}`} className="hover:underline">{env.name}</Link> / <span>{service.name}</span>
      </nav>
      <PageHeader
        title={`${service.name} in ${env.name}`}
        description={<>Effective configuration, its layers and their history. Owned by {service.team}.</>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={cfg.canEdit ? "info" : "neutral"}>{cfg.canEdit ? "you may edit" : "read only"}</Badge>
            <Link href={`/compare?from=${env.slug}&service=${service.slug}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Compare →</Link>
          </div>
        }
      />

      <div className="space-y-6">
        {findings.length ? (
          <Card data-testid="service-findings">
            <CardHeader
              title="Findings"
              description={`For ${service.name} in ${env.name}, worst first`}
              actions={findings.length > FINDINGS_SHOWN ? <Link href={`/compare?from=${env.slug}&service=${service.slug}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">All {findings.length} on Compare →</Link> : undefined}
            />
            <FindingsList findings={findings} limit={FINDINGS_SHOWN} />
          </Card>
        ) : null}

        <Card id="effective" data-testid="effective-config">
          <CardHeader
            title="Effective configuration"
            description={`${keys.total} keys, each with the layer it came from and what it overrode`}
            actions={<div className="flex gap-2">{exportLink("effective", "env", "Export .env")}{exportLink("effective", "json", "Export JSON")}</div>}
          />
          <div className="border-b border-slate-200 px-5 py-3 dark:border-slate-800"><PrecedenceLine precedence={cfg.precedence} /></div>
          {keys.total === 0 ? (
            <div className="p-5"><EmptyState title="No configuration yet">{cfg.canEdit ? "Set a key below, or import a .env file." : "Nothing is configured for this service here."}</EmptyState></div>
          ) : (
            <>
              <KeyFilter
                action={`${base}#effective`}
                q={query.q}
                keep={{ layer: current.layer as string | undefined, per: current.per?.toString() }}
                clearHref={href({ q: undefined, after: undefined, lafter: undefined, key: undefined, edit: undefined }, "#effective")}
                count={query.q ? `${keys.matched} of ${keys.total} keys match “${query.q}”` : `${keys.total} keys`}
              />
              {keys.items.length === 0 ? (
                <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">{keys.matched ? "No more keys on this page." : `No key matches “${query.q}”.`}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full min-w-[720px] text-left text-sm">
                    <caption className="sr-only">Effective config of {service.name} in {env.name}, keys {keys.start + 1} to {keys.start + keys.items.length} of {keys.matched}</caption>
                    <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                      <tr className="border-b border-slate-200 dark:border-slate-800">
                        <th scope="col" className="px-5 py-2 font-medium">Key</th>
                        <th scope="col" className="px-3 py-2 font-medium">Value</th>
                        <th scope="col" className="px-3 py-2 font-medium">From</th>
                        <th scope="col" className="px-3 py-2 font-medium">Overrode</th>
                        <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">History</span></th>
                      </tr>
                    </thead>
                    <EffectiveRows
                      rows={keys.items.map((k) => ({
                        key: k.key,
                        value: k.value,
                        masked: k.masked,
                        layer: k.layer,
                        secret: k.secret ? secretLine(k.secret) : null,
                        overrode: k.overrode.map((o) => ({ value: o.value, masked: o.masked, layer: o.layer })),
                        historyHref: k.value !== null ? layerLink(k.layer, { history: k.key }, "#history") : null,
                      }))}
                    />
                  </table>
                </div>
              )}
              <KeyPager
                label="Effective configuration pages"
                noun="keys"
                start={keys.start}
                shown={keys.items.length}
                matched={keys.matched}
                per={query.per}
                firstHref={keys.start > 0 || (keys.items.length === 0 && keys.matched > 0) ? href({ after: undefined, key: undefined }, "#effective") : null}
                nextHref={keys.nextAfter ? href({ after: keys.nextAfter, key: undefined }, "#effective") : null}
                sizeHref={(n) => href({ per: n === CONFIG_PAGE_SIZE ? undefined : n, after: undefined, key: undefined }, "#effective")}
              />
            </>
          )}
        </Card>

        <Card id="layers" data-testid="layers">
          <CardHeader
            title="Layers"
            description={cfg.canEdit ? "Every save is a new version with your name, the time and your comment; audited." : "What each layer sets. Editing needs full access."}
            actions={layerOpen ? <div className="flex gap-2">{exportLink(layer, "env", `Export ${layer} .env`)}{exportLink(layer, "json", `Export ${layer} JSON`)}</div> : undefined}
          />
          <nav aria-label="Layers" className="flex flex-wrap gap-1 border-b border-slate-200 px-5 pt-3 dark:border-slate-800">
            {visibleLayers.map((l) => (
              <Link key={l} href={layerLink(l)} aria-current={layerOpen && l === layer ? "page" : undefined} className={cn("rounded-t-lg px-3 py-1.5 text-sm", layerOpen && l === layer ? "border border-b-0 border-slate-200 bg-white font-semibold dark:border-slate-700 dark:bg-slate-900" : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100")}>
                {LAYER_LABEL[l]} <span className="text-xs text-slate-500 dark:text-slate-400">({cfg.layerSizes[l] ?? 0})</span>
              </Link>
            ))}
          </nav>
          {!layerOpen ? (
            <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400" data-testid="choose-layer">
              Choose a layer to see its entries{cfg.canEdit ? ", edit them, set new keys, import a file into it" : ""} and its changes. The effective configuration above names the layer each key comes from.
              {cfg.canEdit && visibleLayers.length ? (
                <>
                  {" "}
                  <a href={layerLink(visibleLayers[0], {}, "#set-key")} className="text-indigo-700 underline dark:text-indigo-300">Set a key or import →</a>
                </>
              ) : null}
            </p>
          ) : null}
          {layerOpen && query.q && entries.total ? (
            <p className="border-b border-slate-200 px-5 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400" data-testid="layer-count">
              {entries.matched} of {entries.total} entries match “{query.q}” · <Link href={href({ q: undefined, after: undefined, lafter: undefined, key: undefined, edit: undefined }, "#layers")} className={`underline ${link}`}>Clear the filter</Link>
            </p>
          ) : null}
          {layerOpen && editing && !entries.items.some((e) => e.key === editing.key) ? (
            <div className="border-b border-slate-200 px-5 py-3 dark:border-slate-800">{editForm(editing)}</div>
          ) : null}
          {!layerOpen ? null : entries.total === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">The {LAYER_LABEL[layer].toLowerCase()} layer sets nothing for {service.name} in {env.name}.</p>
          ) : entries.items.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">{entries.matched ? "No more entries on this page." : `No entry of the ${LAYER_LABEL[layer].toLowerCase()} layer matches “${query.q}”.`}</p>
          ) : (
            <LayerEntries
              rows={entries.items.map((e) => ({
                key: e.key,
                value: e.value,
                masked: e.masked,
                layer: e.layer,
                version: e.version,
                updated: when(e.updatedAt),
                editHref: cfg.canEdit && editing?.key !== e.key ? href({ layer, edit: e.key }, "#edit") : null,
                historyHref: href({ layer, history: e.key, edit: undefined }, "#history"),
              }))}
              editKey={editing?.key ?? null}
              editForm={editing && entries.items.some((e) => e.key === editing.key) ? editForm(editing) : null}
            />
          )}
          {layerOpen ? <KeyPager
            label={`${LAYER_LABEL[layer]} layer pages`}
            noun="entries"
            start={entries.start}
            shown={entries.items.length}
            matched={entries.matched}
            per={query.per}
            firstHref={entries.start > 0 || (entries.items.length === 0 && entries.matched > 0) ? href({ lafter: undefined, edit: undefined }, "#layers") : null}
            nextHref={entries.nextAfter ? href({ lafter: entries.nextAfter, edit: undefined }, "#layers") : null}
            sizeHref={(n) => href({ per: n === CONFIG_PAGE_SIZE ? undefined : n, lafter: undefined, edit: undefined }, "#layers")}
          /> : null}
          {layerOpen && cfg.canEdit ? (
            <div id="set-key" className="scroll-mt-4 border-t border-slate-200 p-5 dark:border-slate-800">
              <h3 className="mb-2 text-sm font-semibold">Set a key</h3>
              <EntryForm key={layer} env={env.slug} service={service.slug} layer={layer} layers={visibleLayers} />
            </div>
          ) : null}
        </Card>

        {history && historyKey ? (
          <Card id="history" data-testid="key-history">
            <CardHeader title={<>History of <span className="font-mono">{historyKey}</span> in the {layer} layer</>} description={history.current.deleted ? "Currently deleted from this layer" : `Current version v${history.current.version}`} actions={<Link href={href({ history: undefined })} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Close</Link>} />
            <ol className="divide-y divide-slate-100 dark:divide-slate-800">
              {history.versions.map((v, i) => {
                const prev = history.versions[i + 1];
                return (
                  <li key={v.version} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-5 py-3 text-sm" data-testid="history-version">
                    <span className="w-10 font-mono text-xs font-semibold">v{v.version}</span>
                    <div className="min-w-0 flex-1">
                      <p className="text-xs text-slate-600 dark:text-slate-400">{v.author} · {when(v.createdAt)}{v.comment ? <> · “{v.comment}”</> : null}</p>
                      <p className="mt-1 flex flex-wrap items-center gap-2">
                        {prev && !prev.deleted && prev.value !== v.value ? <del className="rounded bg-rose-50 px-1 text-rose-800 dark:bg-rose-950 dark:text-rose-200"><ValueText value={prev.value} masked={prev.masked} layer={layer} /></del> : null}
                        {v.deleted ? <span className="text-xs font-medium text-rose-700 dark:text-rose-300">deleted</span> : <ins className="rounded bg-emerald-50 px-1 no-underline text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"><ValueText value={v.value} masked={v.masked} layer={layer} /></ins>}
                      </p>
                    </div>
                    {cfg.canEdit && v.version !== history.current.version && !v.masked ? (
                      <RestoreButton env={env.slug} service={service.slug} layer={layer} keyName={historyKey} version={v.version} currentVersion={history.current.version} />
                    ) : null}
                  </li>
                );
              })}
            </ol>
            {history.nextCursor ? <p className="px-5 py-2 text-xs text-slate-500 dark:text-slate-400">Older versions exist (showing the latest 50).</p> : null}
          </Card>
        ) : null}

        {changes ? <Card data-testid="layer-history">
          <CardHeader title={`Changes in the ${LAYER_LABEL[layer].toLowerCase()} layer`} description="Every version of every key in this layer, newest first" />
          {changes.changes.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">No changes recorded.</p>
          ) : (
            <LayerChanges
              rows={changes.changes.map((c) => ({
                key: c.key,
                version: c.version,
                deleted: c.deleted,
                value: c.value,
                masked: c.masked,
                layer,
                byline: `${c.author} · ${when(c.createdAt)}${c.comment ? ` · “${c.comment}”` : ""}`,
                historyHref: href({ layer, history: c.key }, "#history"),
              }))}
            />
          )}
          {changes.nextCursor ? (
            <div className="border-t border-slate-200 px-5 py-2 dark:border-slate-800">
              <Link href={href({ layer, changes: changes.nextCursor })} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Older changes →</Link>
            </div>
          ) : null}
        </Card> : null}

        {layerOpen && cfg.canEdit ? (
          <Card>
            <CardHeader title="Import" description="Paste or upload a .env, JSON or YAML file into one layer. You see every change before anything is written; a bad file changes nothing." />
            <ImportPanel key={layer} env={env.slug} service={service.slug} layers={visibleLayers.length ? visibleLayers : CONFIG_LAYERS} initialLayer={layer} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
