// Shared by server pages and client forms (so not in a "use client" module).
import { cn } from "@/components/ui/cn";

const BUTTON = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500",
  good: "bg-emerald-700 text-white hover:bg-emerald-800",
  danger: "bg-rose-700 text-white hover:bg-rose-800",
  plain: "border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
} as const;

export type ButtonTone = keyof typeof BUTTON;

export function buttonClass(tone: keyof typeof BUTTON = "primary") {
  return cn("rounded-lg px-3 py-1.5 text-sm font-semibold disabled:opacity-50", BUTTON[tone]);
}
