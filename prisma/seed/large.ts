// The large dataset for the benchmark and load tests (`npm run portal -- seed --large`,
// `npm run bench`): on top of the demo seed, ~1M deployments, 5,000 secrets,
// 200 services × 500 config keys in every environment (with drift), 100,000 chained
// audit events and 300 users with roles.
//
// Fast: rows are generated inside Postgres with set-based SQL (INSERT … SELECT …
// generate_series), the deployment indexes are rebuilt once after the bulk insert,
// and the audit events are hashed in Node (the chain must be valid) and inserted in
// batches of a few thousand rows through jsonb_to_recordset.
// Idempotent: every row has a stable id, each section runs in one transaction and is
// skipped when its last row already exists, so a second run does nothing.
import type { PrismaClient } from "../../generated/prisma/client";
import { eventHash, GENESIS_HASH } from "../../lib/domain/audit-chain";
import { CHAIN_LOCK } from "../../lib/data/audit/seal-audit-chain";

export interface LargeSeedOptions {
  /** Deployments to generate (default 1,000,000). */
  deployments?: number;
  /** Secrets to generate (default 5,000), spread over the environments. */
  secrets?: number;
  /** Services to generate (default 200), each with `configKeys` keys in every environment. */
  services?: number;
  /** Config keys per service (default 500), spread over the five layers. */
  configKeys?: number;
  /** Audit events to append to the chain (default 100,000). */
  auditEvents?: number;
  /** Users to generate (default 300), each with one or two roles. */
  users?: number;
  /** The end of the generated history (default now). */
  now?: Date;
  log?: (line: string) => void;
}

export interface LargeSeedResult {
  /** Rows inserted per section (0 when a section was already present). */
  inserted: Record<"users" | "services" | "config" | "secrets" | "deployments" | "audit", number>;
  ms: number;
}

const DEFAULTS = { deployments: 1_000_000, secrets: 5_000, services: 200, configKeys: 500, auditEvents: 100_000, users: 300 };
const AUDIT_BATCH = 5_000;

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Loads the large dataset into a database that already has the demo seed (it needs
 * the environments, access grants and demo users). Returns the rows inserted per
 * section and the time it took.
 */
export async function seedLarge(prisma: PrismaClient, options: LargeSeedOptions = {}): Promise<LargeSeedResult> {
  const o = { ...DEFAULTS, ...options };
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const t0 = Date.now();
  const envs = await prisma.environment.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, secretPrefix: true } });
  if (envs.length === 0) throw new Error("seedLarge needs the demo seed first (no environments found).");
  const inserted: LargeSeedResult["inserted"] = { users: 0, services: 0, config: 0, secrets: 0, deployments: 0, audit: 0 };

  const timed = async (name: keyof LargeSeedResult["inserted"], run: () => Promise<number>) => {
    const t = Date.now();
    inserted[name] = await run();
    log(`seed --large: ${name}: ${inserted[name] ? `${inserted[name].toLocaleString("en")} rows in ${((Date.now() - t) / 1000).toFixed(1)} s` : "already present"}`);
  };
  const tx = <T>(fn: (tx: Tx) => Promise<T>) => prisma.$transaction(fn, { timeout: 30 * 60_000, maxWait: 60_000 });
  const exists = async (table: string, id: string) =>
    (await prisma.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${table}" where id = $1`, id))[0].n > 0;

  // Users: roles cycle so every role has plenty of people (developers the most).
  await timed("users", async () => {
    if (o.users === 0 || (await exists("User", userId(o.users)))) return 0;
    return tx(async (t) => {
      const n = await t.$executeRawUnsafe(
        `insert into "User" (id, email, name, active, "createdAt", "updatedAt")
         select 'lg-user-' || lpad(i::text, 4, '0'), 'user' || lpad(i::text, 4, '0') || '@large.example.org',
                (array['Alex','Sam','Jo','Kim','Lee','Max','Ria','Noor','Tao','Uma'])[1 + i % 10] || ' ' ||
                (array['Smith','Okafor','Garcia','Chen','Novak','Silva','Haddad','Kowalski','Tanaka','Moreau'])[1 + (i / 10) % 10] || ' ' || i,
                i % 50 <> 0, $1::timestamptz, $1::timestamptz
         from generate_series(1, $2::int) i
         on conflict (id) do nothing`,
        now,
        o.users,
      );
      await t.$executeRawUnsafe(
        `insert into "UserRole" ("userId", role, "createdAt")
         select 'lg-user-' || lpad(i::text, 4, '0'),
                (case when i % 20 < 11 then 'developer' when i % 20 < 14 then 'qa' when i % 20 < 17 then 'platform'
                      when i % 20 < 19 then 'executive' else 'eng_leader' end)::"Role", $1::timestamptz
         from generate_series(1, $2::int) i
         union all
         select 'lg-user-' || lpad(i::text, 4, '0'), 'qa'::"Role", $1::timestamptz
         from generate_series(1, $2::int) i where i % 20 = 3
         on conflict do nothing`,
        now,
        o.users,
      );
      return n;
    });
  });

  await timed("services", async () => {
    if (o.services === 0 || (await exists("Service", serviceId(o.services)))) return 0;
    return tx((t) =>
      t.$executeRawUnsafe(
        `insert into "Service" (id, slug, name, repository, team, description, "createdAt")
         select 'lg-svc-' || lpad(i::text, 3, '0'), 'svc-' || lpad(i::text, 3, '0'), 'Service ' || lpad(i::text, 3, '0'),
                'github.com/example-corp/svc-' || lpad(i::text, 3, '0'), t.team, 'Generated service ' || i || ', owned by ' || t.team, $1::timestamptz
         from generate_series(1, $2::int) i,
              lateral (select (array['storefront','platform','payments','commerce','discovery','growth','identity','data'])[1 + i % 8] as team) t
         on conflict (id) do nothing`,
        now,
        o.services,
      ),
    );
  });

  // Config: every key of every generated service in every environment, one layer per
  // key (about 40% default, 25% file, 20% env, 5% secret reference, 10% flag). Drift:
  // ~4% of keys differ in the last environment, ~1% are missing there.
  await timed("config", async () => {
    if (o.services === 0 || o.configKeys === 0) return 0;
    const lastEnv = envs[envs.length - 1];
    const lastId = `lg-cfg-${String(o.services).padStart(3, "0")}-${envs[0].slug}-${String(o.configKeys).padStart(3, "0")}`;
    if (await exists("ConfigEntry", lastId)) return 0;
    return tx((t) => bulk(t, ["ConfigEntry", "ConfigVersion"], async () => {
      const n = await t.$executeRawUnsafe(
        `insert into "ConfigEntry" (id, "serviceId", "environmentId", layer, key, value, version, deleted, "updatedAt")
         select 'lg-cfg-' || lpad(s::text, 3, '0') || '-' || e.slug || '-' || lpad(k::text, 3, '0'),
                'lg-svc-' || lpad(s::text, 3, '0'), e.id, l.layer, l.key,
                case when l.layer = 'secret' then e."secretPrefix" || 'large/svc-' || lpad(s::text, 3, '0') || '/key-' || k
                     when e.id = $2 and (s * 7 + k) % 23 = 0 then 'prod-' || md5(s || ':' || k)
                     else 'value-' || (k % 37) || '-' || substr(md5(s || ':' || k), 1, 8) end,
                1, false, $1::timestamptz
         from generate_series(1, $3::int) s
         cross join generate_series(1, $4::int) k
         cross join (select id, slug, "secretPrefix" from "Environment") e
         cross join lateral (
           select (case when k % 20 < 8 then 'default' when k % 20 < 13 then 'file' when k % 20 < 17 then 'env'
                        when k % 20 = 17 then 'secret' else 'flag' end)::"ConfigLayer" as layer,
                  case when k % 20 between 13 and 17 then 'SVC_SETTING_' || k else 'app.module' || (k / 20) || '.setting' || (k % 20) end as key
         ) l
         where not (e.id = $2 and (s + k) % 97 = 0)
         on conflict do nothing`,
        now,
        lastEnv.id,
        o.services,
        o.configKeys,
      );
      await t.$executeRawUnsafe(
        `insert into "ConfigVersion" (id, "entryId", version, value, deleted, comment, "authorId", "createdAt")
         select c.id || '-v1', c.id, 1, c.value, false, 'Imported by the large seed', null, $1::timestamptz
         from "ConfigEntry" c where c.id like 'lg-cfg-%'`,
        now,
      );
      return n;
    }));
  });

  await timed("secrets", async () => {
    if (o.secrets === 0 || (await exists("Secret", secretId(o.secrets)))) return 0;
    return tx((t) =>
      t.$executeRawUnsafe(
        `insert into "Secret" (id, "environmentId", name, type, tool, storage, "rotationPolicy", "rotationDays", "lastRotatedAt", "nextRotationAt",
                               principals, "sourceId", owner, tags, description, origin, "createdAt", "updatedAt")
         select 'lg-sec-' || lpad(i::text, 5, '0'), e.id, n.name, x.type, x.tool, 'Encrypted', x.policy, x.days,
                case when i % 41 = 0 then null else $1::timestamptz - make_interval(days => (i * 7) % (x.days + x.days / 3)) end,
                case when i % 41 = 0 then null else $1::timestamptz - make_interval(days => (i * 7) % (x.days + x.days / 3)) + make_interval(days => x.days) end,
                array['arn:aws:iam::123456789012:role/svc-' || lpad((1 + i % 200)::text, 3, '0') || '-' || e.slug],
                case when x.tool = 'aws_secrets_manager' then 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:' || n.name || '-' || substr(md5(n.name), 1, 6) end,
                (array['platform','payments','commerce','identity','data'])[1 + i % 5],
                jsonb_build_object('environment', e.slug, 'generated', 'large'),
                'Generated secret ' || i, 'seed', $1::timestamptz, $1::timestamptz
         from generate_series(1, $2::int) i
         join (select id, slug, "secretPrefix", row_number() over (order by position) - 1 as idx, count(*) over () as cnt from "Environment") e on e.idx = i % e.cnt
         cross join lateral (
           select (array['database_password','api_key','tls_certificate','ssh_key','encryption_key','other'])[1 + i % 6]::"SecretType" as type,
                  (array['aws_secrets_manager','aws_secrets_manager','vault','acm','ssm','kms'])[1 + (i / 6) % 6]::"SecretTool" as tool,
                  (array['automatic','manual','auto_renewal'])[1 + i % 3]::"RotationPolicy" as policy,
                  (array[30, 90, 180, 365])[1 + i % 4] as days
         ) x
         cross join lateral (select e."secretPrefix" || 'large/svc-' || lpad((1 + i % 200)::text, 3, '0') || '/secret-' || i as name) n
         on conflict do nothing`,
        now,
        o.secrets,
      ),
    );
  });

  // Deployments: one every ~30 s going back from `now`, half to the first environment,
  // 30% to the second, 20% to the last; mostly succeeded, some failed / rolled back.
  await timed("deployments", async () => {
    if (o.deployments === 0 || (await exists("Deployment", deploymentId(o.deployments)))) return 0;
    const serviceCount = Math.max(o.services, 1);
    if (o.services === 0) throw new Error("seedLarge: deployments need generated services (services > 0).");
    return tx((t) =>
      bulk(t, ["Deployment"], () =>
        t.$executeRawUnsafe(
          `insert into "Deployment" (id, "serviceId", "environmentId", version, "commitSha", status, strategy, progress, "startedAt", "finishedAt",
                                     "triggeredBy", "changeTicket", "createdAt", "updatedAt")
           select 'lg-dep-' || lpad(i::text, 7, '0'),
                  'lg-svc-' || lpad((1 + (i::bigint * 7919) % $3::int)::text, 3, '0'),
                  e.id,
                  'v2.' || (($2::int - i) / 5000) || '.' || (i % 10),
                  md5(i::text) || substr(md5('c' || i), 1, 8),
                  (case when i % 97 = 0 then 'rolled_back' when i % 23 = 0 then 'failed' else 'succeeded' end)::"DeploymentStatus",
                  (case e.idx when 0 then 'rolling' when 1 then 'blue_green' else 'canary' end)::"DeploymentStrategy",
                  100,
                  st.started, st.started + make_interval(secs => 60 + i % 600),
                  case when i % 5 = 0 then 'user' || lpad((1 + i % 300)::text, 4, '0') || '@large.example.org' else 'ci@github-actions' end,
                  case when e.idx = e.cnt - 1 then 'CHG-' || (100000 + i) end,
                  st.started, st.started
           from generate_series(1, $2::int) i
           cross join lateral (select $1::timestamptz - make_interval(secs => i * 30) as started) st
           join (select id, row_number() over (order by position) - 1 as idx, count(*) over () as cnt from "Environment") e
             on e.idx = (case when e.cnt < 3 then i % e.cnt when i % 10 < 5 then 0 when i % 10 < 8 then 1 else e.cnt - 1 end)`,
          now,
          o.deployments,
          serviceCount,
        ),
      ),
    );
  });

  await timed("audit", async () => {
    if (o.auditEvents === 0) return 0;
    const [{ n }] = await prisma.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "AuditEvent" where action = 'seed.large.applied'`);
    if (n > 0) return 0;
    return tx((t) => bulk(t, ["AuditEvent"], () => appendAuditEvents(t, o.auditEvents, now, envs.map((e) => e.id), o.users)));
  });

  await prisma.$executeRawUnsafe(`analyze "User", "UserRole", "Service", "ConfigEntry", "ConfigVersion", "Secret", "Deployment", "AuditEvent"`);
  const ms = Date.now() - t0;
  log(`seed --large: done in ${(ms / 1000).toFixed(1)} s`);
  return { inserted, ms };
}

/**
 * Runs a bulk insert with the tables' secondary indexes dropped and rebuilt once
 * afterwards (much faster than maintaining them row by row), and without per-row
 * foreign-key triggers when the role may skip them (every generated reference is
 * valid). Inside the caller's transaction: a failure restores everything.
 */
async function bulk<T>(t: Tx, tables: string[], insert: () => Promise<T>): Promise<T> {
  await t.$executeRawUnsafe(`set local maintenance_work_mem = '256MB'`);
  const [{ su }] = await t.$queryRawUnsafe<{ su: boolean }[]>(`select rolsuper as su from pg_roles where rolname = current_user`);
  if (su) await t.$executeRawUnsafe(`set local session_replication_role = replica`);
  const indexes = await t.$queryRawUnsafe<{ name: string; def: string }[]>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = current_schema() and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    tables,
  );
  for (const i of indexes) await t.$executeRawUnsafe(`drop index "${i.name}"`);
  const result = await insert();
  for (const i of indexes) await t.$executeRawUnsafe(i.def);
  if (su) {
    await t.$executeRawUnsafe(`set local session_replication_role = origin`);
    // The data-state triggers were off with the rest: bump every counter, so a running
    // portal's caches see the new rows (lib/data/generations.ts).
    await t.$executeRawUnsafe(`update "ConfigGeneration" set n = n + 1`);
  }
  return result;
}

const ACTIONS = [
  { action: "config.updated", targetType: "config_entry" },
  { action: "deployment.reported", targetType: "deployment" },
  { action: "promotion.requested", targetType: "promotion" },
  { action: "promotion.approved", targetType: "promotion" },
  { action: "gate.reported", targetType: "gate" },
  { action: "secret.synced", targetType: "secret" },
  { action: "environment.updated", targetType: "environment" },
  { action: "token.created", targetType: "api_token" },
] as const;

/**
 * Appends `count` events to the audit chain (the last one is the
 * `seed.large.applied` marker), holding the chain lock like writeAudit does.
 * createdAt grows with the id, ending at `now`.
 */
async function appendAuditEvents(t: Tx, count: number, now: Date, envIds: string[], users: number): Promise<number> {
  await t.$executeRawUnsafe(`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  // The sealer's lock is held: append sealed events after the chain's head (seal-audit-chain.ts).
  const [last] = await t.$queryRawUnsafe<{ hash: string; seq: string }[]>(`select hash, seq::text as seq from "AuditEvent" where seq is not null order by seq desc limit 1`);
  let prev = last?.hash ?? GENESIS_HASH;
  const headSeq = BigInt(last?.seq ?? 0);
  const ids = (
    await t.$queryRawUnsafe<{ id: string }[]>(`select nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text as id from generate_series(1, $1::int)`, count)
  )
    .map((r) => BigInt(r.id))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const end = Math.floor(now.getTime() / 1000) * 1000;
  const step = Math.max(1, Math.floor((365 * 86_400_000) / count));
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await t.$executeRawUnsafe(
      `insert into "AuditEvent" (id, "createdAt", "actorId", "actorLabel", action, "targetType", "targetId", "environmentId", before, after, "requestId", ip, seq, "prevHash", hash)
       select id, "createdAt", "actorId", "actorLabel", action, "targetType", "targetId", "environmentId", before, after, "requestId", ip, seq, "prevHash", hash
       from jsonb_to_recordset($1::jsonb) as x(id bigint, "createdAt" timestamptz, "actorId" text, "actorLabel" text, action text, "targetType" text,
                                               "targetId" text, "environmentId" text, before jsonb, after jsonb, "requestId" text, ip text, seq bigint, "prevHash" text, hash text)`,
      JSON.stringify(batch),
    );
    batch = [];
  };
  for (let k = 0; k < count; k++) {
    const marker = k === count - 1;
    const a = ACTIONS[k % ACTIONS.length];
    const u = users > 0 ? 1 + (k % users) : 0;
    const event = {
      id: ids[k],
      createdAt: new Date(end - (count - 1 - k) * step),
      actorId: marker || u === 0 ? null : userId(u),
      actorLabel: marker ? "seed" : u === 0 ? "ci@github-actions" : `user${String(u).padStart(4, "0")}@large.example.org`,
      action: marker ? "seed.large.applied" : a.action,
      targetType: marker ? "organisation" : a.targetType,
      targetId: marker ? "1" : `lg-${a.targetType}-${k}`,
      environmentId: marker ? null : envIds[k % envIds.length],
      before: marker || k % 3 ? null : { value: `old-${k % 97}`, version: 1 + (k % 5) },
      after: marker ? { events: count } : { value: `new-${k % 89}`, version: 2 + (k % 5) },
      requestId: marker ? null : `lg-req-${k}`,
      ip: marker ? null : `10.${k % 3}.${(k >> 8) % 256}.${k % 256}`,
    };
    const hash = eventHash(prev, event);
    batch.push({ ...event, id: String(event.id), createdAt: event.createdAt.toISOString(), seq: String(headSeq + BigInt(k + 1)), prevHash: prev, hash });
    prev = hash;
    if (batch.length >= AUDIT_BATCH) await flush();
  }
  await flush();
  return count;
}

const userId = (i: number) => `lg-user-${String(i).padStart(4, "0")}`;
const serviceId = (i: number) => `lg-svc-${String(i).padStart(3, "0")}`;
const secretId = (i: number) => `lg-sec-${String(i).padStart(5, "0")}`;
const deploymentId = (i: number) => `lg-dep-${String(i).padStart(7, "0")}`;
