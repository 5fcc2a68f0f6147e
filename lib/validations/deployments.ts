import { z } from "zod";
import { DEPLOYMENT_STATUSES } from "@/lib/domain/deployment-status";
import { DATE_RANGE_MESSAGE, isStorableDate } from "@/lib/domain/storable";

export const ZDeploymentStatus = z.enum(DEPLOYMENT_STATUSES as ["queued", "in_progress", "succeeded", "failed", "rolled_back"]);
export const ZDeploymentStrategy = z.enum(["canary", "blue_green", "rolling"]);

const slug = z.string().trim().min(1, "Required").max(100).regex(/^[a-z0-9][a-z0-9-]*$/, "A slug: lower-case letters, digits and dashes");
const isoDate = z.iso.datetime({ offset: true, message: "An ISO 8601 date-time, e.g. 2026-11-25T10:00:00Z" }).refine((v) => Number.isNaN(Date.parse(v)) || isStorableDate(new Date(v)), DATE_RANGE_MESSAGE);

/** What CI reports when a deployment starts (or is queued). Idempotent by `externalId`. */
export const ZReportDeploymentSchema = z.object({
  externalId: z.string().trim().min(1, "Required").max(200),
  environment: slug,
  service: slug,
  version: z.string().trim().min(1, "Required").max(100),
  commitSha: z.string().trim().regex(/^[0-9a-f]{7,64}$/i, "A git commit sha (7–64 hex characters)"),
  status: ZDeploymentStatus.default("queued"),
  strategy: ZDeploymentStrategy.default("rolling"),
  progress: z.number().int().min(0).max(100).optional(),
  startedAt: isoDate.optional(),
  finishedAt: isoDate.optional(),
  triggeredBy: z.string().trim().min(1).max(200).optional(),
  changeTicket: z.string().trim().min(1).max(100).optional(),
  promotionId: z.string().trim().min(1).max(100).optional(),
  rollbackOf: z.string().trim().min(1).max(200).optional().describe("The id or externalId of the deployment this one rolls back; it is marked rolled back"),
});
export type TReportDeployment = z.infer<typeof ZReportDeploymentSchema>;

/** A status change reported by CI. */
export const ZUpdateDeploymentSchema = z
  .object({
    status: ZDeploymentStatus.optional(),
    progress: z.number().int().min(0).max(100).optional(),
    finishedAt: isoDate.optional(),
  })
  .refine((v) => v.status !== undefined || v.progress !== undefined, { message: "Give a status or a progress", path: ["status"] });
export type TUpdateDeployment = z.infer<typeof ZUpdateDeploymentSchema>;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** History filters, shared by the page's URL and the API's query string. */
export const ZListDeploymentsSchema = z.object({
  environment: z.preprocess(emptyToUndefined, slug.optional()),
  service: z.preprocess(emptyToUndefined, slug.optional()),
  status: z.preprocess(emptyToUndefined, ZDeploymentStatus.optional()),
  person: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  from: z.preprocess(emptyToUndefined, z.coerce.date({ message: "A date, e.g. 2026-11-01" }).refine(isStorableDate, DATE_RANGE_MESSAGE).optional()),
  to: z.preprocess(emptyToUndefined, z.coerce.date({ message: "A date, e.g. 2026-11-30" }).refine(isStorableDate, DATE_RANGE_MESSAGE).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type TListDeployments = z.infer<typeof ZListDeploymentsSchema>;

/** The page of the "Running now" table (`?running=`): a bad value shows the first page. */
export const ZRunningPageSchema = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1);
