import Link from "next/link";

/** "Not found" — also what a person sees for something they may not see (the two are the same 404). */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">Back to the overview</Link>
    </div>
  );
}
