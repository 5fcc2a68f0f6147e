import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Bare page" };

/**
 * `npm run bench`'s "bare page of the same layout" (the config page's goal in #4): the
 * portal's layout (sign-in, navigation, badge) around a header and no data. Served only
 * when the portal runs with PARITY_BENCH_PAGES=1, which the bench sets; 404 otherwise.
 */
export default async function BenchBarePage() {
  if (!env.PARITY_BENCH_PAGES) notFound();
  const user = await requireUser();
  return <PageHeader title="Bare page" description={`The portal's layout and nothing else, for ${user.name}.`} />;
}
