// The columns a deployment DTO exposes (never whole rows).
export const DEPLOYMENT_SELECT = {
  id: true,
  externalId: true,
  version: true,
  commitSha: true,
  status: true,
  strategy: true,
  progress: true,
  startedAt: true,
  finishedAt: true,
  triggeredBy: true,
  changeTicket: true,
  promotionId: true,
  rollbackOfId: true,
  service: { select: { slug: true, name: true } },
  environment: { select: { slug: true, name: true } },
  rolledBackBy: { select: { id: true, version: true }, take: 1, orderBy: { startedAt: "asc" as const } },
} as const;

export interface DeploymentDto {
  id: string;
  externalId: string | null;
  version: string;
  commitSha: string;
  status: "queued" | "in_progress" | "succeeded" | "failed" | "rolled_back";
  strategy: "canary" | "blue_green" | "rolling";
  progress: number;
  startedAt: Date;
  finishedAt: Date | null;
  triggeredBy: string;
  changeTicket: string | null;
  promotionId: string | null;
  rollbackOfId: string | null;
  service: { slug: string; name: string };
  environment: { slug: string; name: string };
  rolledBackBy: { id: string; version: string }[];
}

/** The API's JSON shape: the replacing deployment flattened. */
export function toApi(d: DeploymentDto) {
  const { rolledBackBy, ...rest } = d;
  return { ...rest, replacedBy: rolledBackBy[0]?.id ?? null };
}
