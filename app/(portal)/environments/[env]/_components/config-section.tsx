import Link from "next/link";
import { allows, LEVEL_LABEL, type Principal } from "@/lib/authz";
import type { AccessLevel } from "@/generated/prisma/enums";
import { listEnvironmentConfig } from "@/lib/data/config/list-environment-config";
import { listConfigFindings } from "@/lib/data/findings/list-config-findings";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { FindingsList } from "@/app/(portal)/compare/_components/config-bits";
import { PrecedenceLine } from "@/app/(portal)/compare/_components/precedence-line";
import { ServiceKeys } from "./service-keys";

// Findings shown inline, worst first; all of them are one click away on the compare page.
const FINDINGS_SHOWN = 10;
// Keys shown inline per service (a service may have hundreds); all of them, paged and
// filterable, are on the service's config page.
const KEYS_SHOWN = 20;

/** The environment page's config: effective config per service with provenance, and this environment's findings. */
export async function ConfigSection({ user, env, servicesAfter }: { user: Principal; env: { id: string; slug: string; name: string; level: string }; servicesAfter?: string }) {
  if (!allows(user, env.id, "view_config")) {
    return (
      <Card>
        <CardHeader title="Configuration" />
        <p className="p-5 text-sm text-slate-600 dark:text-slate-400">Your access to {env.name} ({LEVEL_LABEL[env.level as AccessLevel] ?? env.level}) does not include its configuration.</p>
      </Card>
    );
  }
  const [config, { findings }] = await Promise.all([listEnvironmentConfig(user, env.slug, { after: servicesAfter }), listConfigFindings(user, { environment: env.slug })]);
  const byService = new Map<string, number>();
  for (const f of findings) if (f.environment === env.slug) byService.set(f.service, (byService.get(f.service) ?? 0) + 1);
  return (
    <>
      <Card data-testid="environment-findings">
        <CardHeader
          title="Findings"
          description={`Config problems in ${env.name} and drift into or out of it, worst first`}
          actions={findings.length > FINDINGS_SHOWN ? <Link href={`/compare?from=${env.slug}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">All {findings.length} on Compare →</Link> : undefined}
        />
        <FindingsList findings={findings} limit={FINDINGS_SHOWN} empty={`No findings for ${env.name}.`} />
      </Card>
      <Card data-testid="environment-config" id="config">
        <CardHeader
          title="Effective configuration"
          description={<>Each key&apos;s value, the layer it came from and what it overrode.{config.secretsVisible ? "" : " Secret references are hidden at your access level."}</>}
          actions={<Link href={`/compare?from=${env.slug}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Compare with another environment →</Link>}
        />
        <div className="border-b border-slate-200 px-5 py-3 dark:border-slate-800">
          <PrecedenceLine precedence={config.precedence} />
        </div>
        <div className="divide-y divide-slate-200 dark:divide-slate-800">
          {config.services.map((s) => (
            // The link sits beside the summary, not in it: a link inside a <summary> is a control inside a control.
            <div key={s.slug} className="relative" data-testid="service-config">
              <details className="group">
                <summary className="flex cursor-pointer list-none items-center gap-3 py-3 pl-5 pr-56 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800/50">
                  <span aria-hidden className="text-slate-400 transition group-open:rotate-90">▸</span>
                  <span className="font-medium">{s.name}</span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">{s.keys.length} keys · {s.team}</span>
                  {byService.get(s.slug) ? <Badge tone="warn">{byService.get(s.slug)} findings</Badge> : null}
                </summary>
                {s.keys.length === 0 ? (
                  <p className="px-5 pb-4 text-sm text-slate-600 dark:text-slate-400">No config recorded for {s.name} in {env.name}.</p>
                ) : (
                  <div className="overflow-x-auto px-5 pb-4">
                    <ServiceKeys
                      slug={s.slug}
                      caption={`Effective config of ${s.name} in ${env.name}`}
                      rows={s.keys.slice(0, KEYS_SHOWN).map((k) => ({ key: k.key, layer: k.layer, value: k.value, masked: k.masked, overrode: k.overrode }))}
                    />
                  {s.keys.length > KEYS_SHOWN ? (
                    <p className="pt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="more-keys">
                      …and {s.keys.length - KEYS_SHOWN} more keys:{" "}
                      <Link href={`/environments/${env.slug}/services/${s.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">all {s.keys.length} on the {s.name} page</Link>
                    </p>
                  ) : null}
                </div>
              )}
            </details>
              <Link href={`/environments/${env.slug}/services/${s.slug}`} className="absolute right-5 top-3 text-sm text-indigo-700 hover:underline dark:text-indigo-300">Open {s.name} config →</Link>
            </div>
          ))}
        </div>
        <nav aria-label="Services" className="flex items-center gap-3 border-t border-slate-200 px-5 py-3 text-sm dark:border-slate-800">
          <span className="text-slate-600 dark:text-slate-400" data-testid="services-range">
            {config.services.length ? `${config.services.length} of ${config.total} services${servicesAfter ? ` after “${servicesAfter}”` : ""}` : `No services${servicesAfter ? ` after “${servicesAfter}”` : ""}`}
          </span>
          {servicesAfter ? <Link href={`/environments/${env.slug}#config`} className="ml-auto text-indigo-700 hover:underline dark:text-indigo-300">← First services</Link> : null}
          {config.nextAfter ? (
            <Link href={`/environments/${env.slug}?services=${encodeURIComponent(config.nextAfter)}#config`} className={`${servicesAfter ? "" : "ml-auto "}text-indigo-700 hover:underline dark:text-indigo-300`}>
              Next services →
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
