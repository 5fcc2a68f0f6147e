-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('developer', 'qa', 'platform', 'executive', 'eng_leader');

-- CreateEnum
CREATE TYPE "AccessLevel" AS ENUM ('none', 'dashboards', 'read_logs', 'read', 'read_deploy', 'full');

-- CreateEnum
CREATE TYPE "ConfigLayer" AS ENUM ('default', 'file', 'secret', 'env', 'flag');

-- CreateEnum
CREATE TYPE "SecretType" AS ENUM ('database_password', 'api_key', 'tls_certificate', 'ssh_key', 'encryption_key', 'other');

-- CreateEnum
CREATE TYPE "SecretTool" AS ENUM ('aws_secrets_manager', 'vault', 'acm', 'ssm', 'kms', 'other');

-- CreateEnum
CREATE TYPE "RotationPolicy" AS ENUM ('automatic', 'manual', 'auto_renewal');

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('queued', 'in_progress', 'succeeded', 'failed', 'rolled_back');

-- CreateEnum
CREATE TYPE "DeploymentStrategy" AS ENUM ('canary', 'blue_green', 'rolling');

-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('standard', 'hotfix');

-- CreateEnum
CREATE TYPE "PromotionState" AS ENUM ('requested', 'checking', 'awaiting_approval', 'approved', 'deploying', 'deployed', 'rejected', 'failed', 'rolled_back', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "GateStatus" AS ENUM ('pending', 'passed', 'failed', 'waived');

-- CreateEnum
CREATE TYPE "Decision" AS ENUM ('approve', 'reject');

-- CreateEnum
CREATE TYPE "TokenKind" AS ENUM ('user', 'ci');

-- CreateTable
CREATE TABLE "OrgSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Example Corp',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "precedence" "ConfigLayer"[] DEFAULT ARRAY['flag', 'env', 'secret', 'file', 'default']::"ConfigLayer"[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "Environment" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "scale" TEXT NOT NULL,
    "dataPolicy" TEXT NOT NULL,
    "securityPosture" TEXT NOT NULL,
    "secretsPolicy" TEXT NOT NULL,
    "monitoring" TEXT NOT NULL,
    "deploymentPolicy" TEXT NOT NULL,
    "monthlyCostUsd" INTEGER NOT NULL,
    "availabilitySla" DECIMAL(6,3) NOT NULL,
    "vpcCidr" TEXT NOT NULL,
    "secretPrefix" TEXT NOT NULL,
    "githubNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessGrant" (
    "role" "Role" NOT NULL,
    "environmentId" TEXT NOT NULL,
    "level" "AccessLevel" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessGrant_pkey" PRIMARY KEY ("role","environmentId")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigEntry" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "layer" "ConfigLayer" NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConfigEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigVersion" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConfigVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntendedDifference" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fromEnvironmentId" TEXT NOT NULL,
    "toEnvironmentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "markedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntendedDifference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Secret" (
    "id" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "SecretType" NOT NULL,
    "tool" "SecretTool" NOT NULL,
    "storage" TEXT NOT NULL,
    "rotationPolicy" "RotationPolicy" NOT NULL,
    "rotationDays" INTEGER,
    "lastRotatedAt" TIMESTAMP(3),
    "nextRotationAt" TIMESTAMP(3),
    "principals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sourceId" TEXT,
    "owner" TEXT NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL DEFAULT '{}',
    "description" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT 'seed',
    "deletedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Secret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretSyncRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "listed" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "unmapped" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "actorId" TEXT,

    CONSTRAINT "SecretSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "serviceId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "commitSha" TEXT NOT NULL,
    "status" "DeploymentStatus" NOT NULL,
    "strategy" "DeploymentStrategy" NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "triggeredBy" TEXT NOT NULL,
    "triggeredById" TEXT,
    "promotionId" TEXT,
    "changeTicket" TEXT,
    "rollbackOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "requiredGates" TEXT[],
    "approverRoles" "Role"[],
    "approvalsRequired" INTEGER NOT NULL DEFAULT 1,
    "allowSelfApproval" BOOLEAN NOT NULL DEFAULT false,
    "autoApprove" BOOLEAN NOT NULL DEFAULT false,
    "windowDays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "windowStart" TEXT NOT NULL DEFAULT '00:00',
    "windowEnd" TEXT NOT NULL DEFAULT '24:00',
    "windowTimeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "hotfixAllowed" BOOLEAN NOT NULL DEFAULT true,
    "hotfixApproverRoles" "Role"[],
    "hotfixApprovalsRequired" INTEGER NOT NULL DEFAULT 1,
    "hotfixRequiredGates" TEXT[],
    "expireAfterHours" INTEGER NOT NULL DEFAULT 72,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FreezePeriod" (
    "id" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FreezePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "fromEnvironmentId" TEXT NOT NULL,
    "toEnvironmentId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "kind" "PromotionKind" NOT NULL DEFAULT 'standard',
    "severity" TEXT,
    "reason" TEXT NOT NULL,
    "changeTicket" TEXT,
    "rollbackPlan" TEXT,
    "state" "PromotionState" NOT NULL DEFAULT 'requested',
    "stateVersion" INTEGER NOT NULL DEFAULT 1,
    "requestedById" TEXT NOT NULL,
    "flaggedForReview" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gate" (
    "id" TEXT NOT NULL,
    "promotionId" TEXT NOT NULL,
    "gate" TEXT NOT NULL,
    "status" "GateStatus" NOT NULL DEFAULT 'pending',
    "evidenceUrl" TEXT,
    "detail" TEXT,
    "reporter" TEXT,
    "reportedAt" TIMESTAMP(3),
    "waivedReason" TEXT,
    "waivedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Gate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "promotionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "invalidatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionEvent" (
    "id" TEXT NOT NULL,
    "promotionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromState" "PromotionState",
    "toState" "PromotionState",
    "actorId" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "userId" TEXT,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "environmentId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "action" TEXT,
    "headers" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "error" TEXT,
    "deploymentId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_name_id_idx" ON "User"("name", "id");

-- CreateIndex
CREATE INDEX "UserRole_role_idx" ON "UserRole"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_slug_key" ON "Environment"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_position_key" ON "Environment"("position");

-- CreateIndex
CREATE INDEX "AccessGrant_environmentId_idx" ON "AccessGrant"("environmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE INDEX "Service_name_id_idx" ON "Service"("name", "id");

-- CreateIndex
CREATE INDEX "ConfigEntry_environmentId_serviceId_idx" ON "ConfigEntry"("environmentId", "serviceId");

-- CreateIndex
CREATE INDEX "ConfigEntry_environmentId_layer_key_idx" ON "ConfigEntry"("environmentId", "layer", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigEntry_serviceId_environmentId_layer_key_key" ON "ConfigEntry"("serviceId", "environmentId", "layer", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigVersion_entryId_version_key" ON "ConfigVersion"("entryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "IntendedDifference_serviceId_key_fromEnvironmentId_toEnviro_key" ON "IntendedDifference"("serviceId", "key", "fromEnvironmentId", "toEnvironmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Secret_name_key" ON "Secret"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Secret_sourceId_key" ON "Secret"("sourceId");

-- CreateIndex
CREATE INDEX "Secret_environmentId_name_id_idx" ON "Secret"("environmentId", "name", "id");

-- CreateIndex
CREATE INDEX "Secret_nextRotationAt_idx" ON "Secret"("nextRotationAt");

-- CreateIndex
CREATE INDEX "Secret_name_id_idx" ON "Secret"("name", "id");

-- CreateIndex
CREATE INDEX "SecretSyncRun_startedAt_id_idx" ON "SecretSyncRun"("startedAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_externalId_key" ON "Deployment"("externalId");

-- CreateIndex
CREATE INDEX "Deployment_startedAt_id_idx" ON "Deployment"("startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Deployment_environmentId_startedAt_id_idx" ON "Deployment"("environmentId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Deployment_serviceId_environmentId_startedAt_id_idx" ON "Deployment"("serviceId", "environmentId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Deployment_status_startedAt_id_idx" ON "Deployment"("status", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Deployment_rollbackOfId_idx" ON "Deployment"("rollbackOfId");

-- CreateIndex
CREATE INDEX "Deployment_promotionId_idx" ON "Deployment"("promotionId");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_environmentId_key" ON "Policy"("environmentId");

-- CreateIndex
CREATE INDEX "FreezePeriod_environmentId_endsAt_idx" ON "FreezePeriod"("environmentId", "endsAt");

-- CreateIndex
CREATE INDEX "Promotion_state_createdAt_id_idx" ON "Promotion"("state", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Promotion_toEnvironmentId_state_createdAt_idx" ON "Promotion"("toEnvironmentId", "state", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Promotion_requestedById_createdAt_idx" ON "Promotion"("requestedById", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Promotion_createdAt_id_idx" ON "Promotion"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Gate_promotionId_gate_key" ON "Gate"("promotionId", "gate");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_promotionId_userId_key" ON "Approval"("promotionId", "userId");

-- CreateIndex
CREATE INDEX "PromotionEvent_promotionId_createdAt_idx" ON "PromotionEvent"("promotionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "ApiToken_createdAt_id_idx" ON "ApiToken"("createdAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_environmentId_id_idx" ON "AuditEvent"("environmentId", "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_id_idx" ON "AuditEvent"("targetType", "targetId", "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_deliveryId_key" ON "WebhookDelivery"("deliveryId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_id_idx" ON "WebhookDelivery"("receivedAt" DESC, "id");

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigEntry" ADD CONSTRAINT "ConfigEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigEntry" ADD CONSTRAINT "ConfigEntry_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigVersion" ADD CONSTRAINT "ConfigVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ConfigEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigVersion" ADD CONSTRAINT "ConfigVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntendedDifference" ADD CONSTRAINT "IntendedDifference_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Secret" ADD CONSTRAINT "Secret_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_rollbackOfId_fkey" FOREIGN KEY ("rollbackOfId") REFERENCES "Deployment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreezePeriod" ADD CONSTRAINT "FreezePeriod_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_fromEnvironmentId_fkey" FOREIGN KEY ("fromEnvironmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_toEnvironmentId_fkey" FOREIGN KEY ("toEnvironmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Promotion" ADD CONSTRAINT "Promotion_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gate" ADD CONSTRAINT "Gate_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionEvent" ADD CONSTRAINT "PromotionEvent_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
