import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guards";
import { requestOptions } from "@/lib/data/promotions/request-options";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RequestForm } from "../_components/request-form";

export const metadata: Metadata = { title: "Request a promotion" };

export default async function NewPromotionPage({ searchParams }: { searchParams: Promise<{ service?: string; step?: string }> }) {
  const user = await requirePage("promotions");
  const options = await requestOptions(user);
  const sp = await searchParams;
  return (
    <>
      <PageHeader title="Request a promotion" description="Moves the version that is deployed and healthy in the source environment to the next one, under the target's policy." />
      {options.steps.length ? (
        <Card className="max-w-2xl p-5">
          <RequestForm options={options} initial={{ service: sp.service ?? "", step: sp.step ?? options.steps.at(-1)!.value }} />
        </Card>
      ) : (
        <EmptyState title="You cannot request promotions">That needs read + deploy or full access to an environment on the promotion path. The Access page shows who has it.</EmptyState>
      )}
    </>
  );
}
