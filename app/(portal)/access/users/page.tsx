import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { hasRole, ROLE_LABEL, ROLES } from "@/lib/authz";
import { listUsers } from "@/lib/data/users/list-users";
import { orNotFound } from "@/lib/auth/guards";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { UserRow } from "../_components/user-row";

export const metadata: Metadata = { title: "People" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; cursor?: string }> }) {
  const user = await requireUser();
  if (!hasRole(user, "platform")) notFound();
  const { q, cursor } = await searchParams;
  const { users, nextCursor } = await orNotFound(listUsers(user, { q, cursor }));
  return (
    <>
      <PageHeader title="People" description="Roles take effect on the person's very next request. Deactivating someone ends their sessions and API tokens at once." />
      <form className="mb-4 flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">Search people</label>
        <input id="q" name="q" defaultValue={q} placeholder="Search name or email" className="w-72 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900" />
        <button className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">Search</button>
      </form>
      <Card>
        {users.length === 0 ? (
          <div className="p-5"><EmptyState title="Nobody matches">Try another name or email.</EmptyState></div>
        ) : (
          <table className="w-full text-sm" data-testid="users-table">
            <thead>
              <tr className="border-b border-slate-200 text-left dark:border-slate-800">
                <th scope="col" className="px-5 py-3 font-medium">Person</th>
                <th scope="col" className="px-3 py-3 font-medium">Roles</th>
                <th scope="col" className="px-3 py-3 font-medium">Last seen</th>
                <th scope="col" className="px-3 py-3 font-medium">API tokens</th>
                <th scope="col" className="px-3 py-3 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow
                  key={u.id}
                  user={{ id: u.id, name: u.name, email: u.email, active: u.active, roles: u.roles, lastSeen: u.lastSeenAt?.toISOString() ?? null, liveTokens: u.liveTokens }}
                  allRoles={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
                  isSelf={u.id === user.userId}
                />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <div className="mt-4 flex justify-between text-sm">
        <Link href="/access" className="text-indigo-700 hover:underline dark:text-indigo-300">← Access matrix</Link>
        {nextCursor ? (
          <Link href={`/access/users?${new URLSearchParams({ ...(q ? { q } : {}), cursor: nextCursor })}`} className="text-indigo-700 hover:underline dark:text-indigo-300">Next page →</Link>
        ) : (
          <Badge>end of list</Badge>
        )}
      </div>
    </>
  );
}
