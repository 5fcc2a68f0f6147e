import { z } from "zod";

export const ZUpdateEnvironmentSchema = z.object({
  slug: z.string().min(1),
  version: z.coerce.number().int().positive(),
  purpose: z.string().trim().min(1, "Purpose is required").max(200),
  scale: z.string().trim().min(1, "Scale is required").max(200),
  dataPolicy: z.string().trim().min(1, "Data policy is required").max(200),
  securityPosture: z.string().trim().min(1, "Security posture is required").max(200),
  secretsPolicy: z.string().trim().min(1, "Secrets policy is required").max(200),
  monitoring: z.string().trim().min(1, "Monitoring is required").max(200),
  deploymentPolicy: z.string().trim().min(1, "Deployment policy is required").max(200),
  monthlyCostUsd: z.coerce.number().int("Whole dollars").min(0).max(100_000_000),
  availabilitySla: z.coerce.number().min(0).max(100),
  vpcCidr: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "A CIDR like 10.2.0.0/16"),
});
export type TUpdateEnvironment = z.infer<typeof ZUpdateEnvironmentSchema>;
