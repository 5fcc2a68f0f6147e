"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Role } from "@/generated/prisma/enums";
import { setActiveAction, setRolesAction } from "../_actions";

interface Props {
  user: { id: string; name: string; email: string; active: boolean; roles: Role[]; lastSeen: string | null; liveTokens: number };
  allRoles: { value: Role; label: string }[];
  isSelf: boolean;
}

export function UserRow({ user, allRoles, isSelf }: Props) {
  const router = useRouter();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, start] = useTransition();
  const dirty = roles.slice().sort().join() !== user.roles.slice().sort().join();

  const save = () =>
    start(async () => {
      const result = await setRolesAction({ userId: user.id, roles });
      if (result.ok) {
        setMessage({ tone: "ok", text: "Saved" });
        router.refresh();
      } else setMessage({ tone: "error", text: result.error.message });
    });

  const toggleActive = () =>
    start(async () => {
      const result = await setActiveAction({ userId: user.id, active: !user.active });
      if (result.ok) router.refresh();
      else setMessage({ tone: "error", text: result.error.message });
    });

  return (
    <tr className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800/60" data-testid={`user-${user.email}`}>
      <td className="px-5 py-3">
        <div className="font-medium">{user.name}{isSelf ? " (you)" : ""}</div>
        <div className="text-xs text-slate-600 dark:text-slate-400">{user.email}</div>
      </td>
      <td className="px-3 py-3">
        <fieldset>
          <legend className="sr-only">Roles of {user.name}</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {allRoles.map((r) => (
              <label key={r.value} className="inline-flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={roles.includes(r.value)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r.value] : roles.filter((x) => x !== r.value))}
                />
                {r.label}
              </label>
            ))}
          </div>
        </fieldset>
        {dirty ? (
          <button type="button" onClick={save} disabled={busy} className="mt-2 rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white disabled:opacity-50">
            Save roles
          </button>
        ) : null}
        {message ? (
          <p role={message.tone === "error" ? "alert" : "status"} className={`mt-1 text-xs ${message.tone === "error" ? "text-rose-700 dark:text-rose-300" : "text-emerald-700 dark:text-emerald-300"}`}>
            {message.text}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-3 text-slate-700 dark:text-slate-300">{user.lastSeen ? new Date(user.lastSeen).toLocaleString() : "never"}</td>
      <td className="px-3 py-3">{user.liveTokens}</td>
      <td className="px-3 py-3">
        <button
          type="button"
          onClick={toggleActive}
          disabled={busy || isSelf}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs disabled:opacity-50 dark:border-slate-700"
        >
          {user.active ? "Deactivate" : "Reactivate"}
        </button>
        {!user.active ? <span className="ml-2 text-xs text-rose-700 dark:text-rose-300">deactivated</span> : null}
      </td>
    </tr>
  );
}
