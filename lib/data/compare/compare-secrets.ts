import "server-only";
import { db } from "@/lib/db";

interface Env {
  id: string;
  secretPrefix: string;
}

const FIELDS = { name: true, type: true, tool: true, rotationPolicy: true, rotationDays: true } as const;

/**
 * Secret metadata differences between two environments (the caller must already be
 * allowed to see secrets in both): by name without the environment prefix, a secret in
 * one only, or a different type, tool or rotation.
 */
export async function compareSecrets(from: Env, to: Env) {
  const [a, b] = await Promise.all(
    [from, to].map((e) => db().secret.findMany({ where: { environmentId: e.id, deletedAt: null }, select: FIELDS, orderBy: [{ name: "asc" }, { id: "asc" }] })),
  );
  const strip = (name: string, prefix: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : name);
  const left = new Map(a.map((s) => [strip(s.name, from.secretPrefix), s]));
  const right = new Map(b.map((s) => [strip(s.name, to.secretPrefix), s]));
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .map((path) => {
      const f = left.get(path) ?? null;
      const t = right.get(path) ?? null;
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
    })
    .filter((s) => s.differences.length > 0);
}
