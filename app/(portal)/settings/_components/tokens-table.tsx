import type { TokenRow } from "@/lib/data/tokens/list-tokens";
import { Badge } from "@/components/ui/badge";
import { revokeTokenAction } from "../_actions";

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

async function revoke(form: FormData) {
  "use server";
  await revokeTokenAction(form);
}

export function TokensTable({ tokens, showOwner }: { tokens: TokenRow[]; showOwner: boolean }) {
  const now = new Date();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[760px] text-left text-sm" data-testid="tokens-table">
        <caption className="sr-only">API tokens</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Kind</th>
            {showOwner ? <th scope="col" className="px-4 py-2 font-medium">Owner</th> : null}
            <th scope="col" className="px-4 py-2 font-medium">Scopes</th>
            <th scope="col" className="px-4 py-2 font-medium">Created</th>
            <th scope="col" className="px-4 py-2 font-medium">Expires</th>
            <th scope="col" className="px-4 py-2 font-medium">Last used</th>
            <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {tokens.map((t) => {
            const expired = t.expiresAt !== null && t.expiresAt <= now;
            return (
              <tr key={t.id} data-testid="token-row">
                <td className="px-4 py-2">
                  <div className="font-medium">{t.name}</div>
                  <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{t.prefix}…</div>
                </td>
                <td className="px-4 py-2"><Badge tone={t.kind === "ci" ? "info" : "neutral"}>{t.kind}</Badge></td>
                {showOwner ? <td className="px-4 py-2 text-xs">{t.user?.email ?? "—"}</td> : null}
                <td className="px-4 py-2 font-mono text-xs">{t.scopes.join(", ")}</td>
                <td className="px-4 py-2 text-xs tabular-nums">{when(t.createdAt)}</td>
                <td className="px-4 py-2 text-xs tabular-nums">{t.expiresAt ? when(t.expiresAt) : "never"}</td>
                <td className="px-4 py-2 text-xs tabular-nums">{t.lastUsedAt ? when(t.lastUsedAt) : "never"}</td>
                <td className="px-4 py-2 text-right">
                  {t.revokedAt ? (
                    <Badge tone="bad">revoked</Badge>
                  ) : expired ? (
                    <Badge tone="warn">expired</Badge>
                  ) : (
                    <form action={revoke}>
                      <input type="hidden" name="id" value={t.id} />
                      <button type="submit" className="rounded-md border border-rose-300 px-2 py-1 text-xs text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-200 dark:hover:bg-rose-950" aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
