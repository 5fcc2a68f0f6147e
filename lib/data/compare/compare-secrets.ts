import "server-only";
import { db } from "@/lib/db";

interface Env {
  id: string;
  secretPrefix: string;
}

export interface SecretSide {
  name: string;
  type: string;
  tool: string;
  rotationPolicy: string;
  rotationDays: number | null;
}

export interface SecretDifference {
  path: string;
  from: SecretSide | null;
  to: SecretSide | null;
  differences: string[];
}

type Row = { path: string; f: SecretSide | null; t: SecretSide | null };

/**
 * Secret metadata differences between two environments (the caller must already be
 * allowed to see secrets in both): by name without the environment prefix, a secret in
 * one only, or a different type, tool or rotation. Sorted by path; compared in Postgres,
 * so only the differences asked for leave it: `limit` of them after the path `after`,
 * with how many there are in all and before `after`.
 */
export async function compareSecrets(from: Env, to: Env, page: { after?: string; limit?: number } = {}): Promise<{ differences: SecretDifference[]; total: number; before: number }> {
  const after = page.after ?? null;
  // Paths compare and sort bytewise (collate "C"): cheaper than the locale's rules, and
  // the order a cursor needs to be stable.
  const [r] = await db().$queryRaw<{ total: number; before: number; rows: Row[] }[]>`
    with a as (
      select distinct on (path) path, name, type, tool, "rotationPolicy", "rotationDays"
      from (select (case when starts_with(name, ${from.secretPrefix}) then substr(name, char_length(${from.secretPrefix}) + 1) else name end) collate "C" as path, *
            from "Secret" where "environmentId" = ${from.id} and "deletedAt" is null) s
      order by path, name collate "C" desc, id desc
    ), b as (
      select distinct on (path) path, name, type, tool, "rotationPolicy", "rotationDays"
      from (select (case when starts_with(name, ${to.secretPrefix}) then substr(name, char_length(${to.secretPrefix}) + 1) else name end) collate "C" as path, *
            from "Secret" where "environmentId" = ${to.id} and "deletedAt" is null) s
      order by path, name collate "C" desc, id desc
    ), d as materialized (
      select coalesce(a.path, b.path) as path, a.path is not null as "inA", b.path is not null as "inB",
        a.name as "aName", a.type as "aType", a.tool as "aTool", a."rotationPolicy" as "aPolicy", a."rotationDays" as "aDays",
        b.name as "bName", b.type as "bType", b.tool as "bTool", b."rotationPolicy" as "bPolicy", b."rotationDays" as "bDays"
      from a full join b on a.path = b.path
      where a.path is null or b.path is null or a.type <> b.type or a.tool <> b.tool
        or a."rotationPolicy" <> b."rotationPolicy" or a."rotationDays" is distinct from b."rotationDays"
    )
    select (select count(*)::int from d) as total,
      (select count(*)::int from d where ${after}::text is not null and path <= ${after}::text) as before,
      coalesce((select json_agg(json_build_object('path', p.path,
          'f', case when p."inA" then json_build_object('name', p."aName", 'type', p."aType", 'tool', p."aTool", 'rotationPolicy', p."aPolicy", 'rotationDays', p."aDays") end,
          't', case when p."inB" then json_build_object('name', p."bName", 'type', p."bType", 'tool', p."bTool", 'rotationPolicy', p."bPolicy", 'rotationDays', p."bDays") end) order by p.path)
        from (select * from d where ${after}::text is null or path > ${after}::text order by path limit ${page.limit ?? null}::int) p), '[]'::json) as rows`;
  const differences = r.rows.map(({ path, f, t }) => {
    const differences: string[] = [];
    if (!f) differences.push("only in target");
    else if (!t) differences.push("only in source");
    else {
      if (f.type !== t.type) differences.push("type");
      if (f.tool !== t.tool) differences.push("tool");
      if (f.rotationPolicy !== t.rotationPolicy) differences.push("rotation policy");
      if (f.rotationDays !== t.rotationDays) differences.push("rotation period");
    }
    return { path, from: f, to: t, differences };
  });
  return { differences, total: r.total, before: r.before };
}
