import { Badge } from "@/components/ui/badge";
import type { RotationStatus } from "@/lib/domain/rotation";
import { STATUS_LABEL, STATUS_TONE } from "./labels";

export function RotationBadge({ status }: { status: RotationStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {STATUS_LABEL[status]}
    </Badge>
  );
}
