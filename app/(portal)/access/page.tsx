import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Access" };

export default async function Page() {
  await requirePage("access");
  return (
    <>
      <PageHeader title="Access" />
      <EmptyState title="Not built yet">This page is on the roadmap; see the README for what exists today.</EmptyState>
    </>
  );
}
