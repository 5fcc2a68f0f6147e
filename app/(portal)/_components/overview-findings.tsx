import type { Principal } from "@/lib/authz";
import { listConfigFindings } from "@/lib/data/findings/list-config-findings";
import { SEVERITIES } from "@/lib/domain/findings";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { FindingsList, SEVERITY_TONE } from "../compare/_components/config-bits";

/** The overview's findings: config findings in the environments the user may see config of, worst first. */
export async function OverviewFindings({ user }: { user: Principal }) {
  const { findings, counts } = await listConfigFindings(user);
  return (
    <Card data-testid="overview-findings">
      <CardHeader
        title="Findings"
        description="Config problems Parity found on its own, worst first"
        actions={
          <div className="flex flex-wrap gap-1.5" aria-label="Findings by severity">
            {SEVERITIES.map((s) => (
              <Badge key={s} tone={counts[s] ? SEVERITY_TONE[s] : "neutral"}>
                {counts[s]} {s}
              </Badge>
            ))}
          </div>
        }
      />
      <FindingsList findings={findings} limit={8} empty="No findings in the environments you may see config of." />
    </Card>
  );
}
