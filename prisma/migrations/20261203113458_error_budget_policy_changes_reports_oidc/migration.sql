-- CreateEnum
CREATE TYPE "PolicyState" AS ENUM ('normal', 'caution', 'frozen');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('deploy', 'config', 'flag');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "postmortemDueAt" TIMESTAMP(3),
ADD COLUMN     "postmortemReason" TEXT;

-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "localPasswords" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "oidc" JSONB;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "budgetPolicy" JSONB,
ADD COLUMN     "policyState" "PolicyState" NOT NULL DEFAULT 'normal',
ADD COLUMN     "policyStateSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Slo" ADD COLUMN     "policyEvaluatedAt" TIMESTAMP(3),
ADD COLUMN     "policyReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "policyRemaining" DOUBLE PRECISION,
ADD COLUMN     "policyState" "PolicyState" NOT NULL DEFAULT 'normal',
ADD COLUMN     "policyStateSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tier" ADD COLUMN     "budgetPolicy" JSONB;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "oidcSignedInAt" TIMESTAMP(3),
ADD COLUMN     "oidcSubject" TEXT,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Freeze" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "sloIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recoversAt" TIMESTAMP(3),
    "liftedAt" TIMESTAMP(3),
    "liftedBy" TEXT,
    "liftReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Freeze_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateException" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "release" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "GateException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "url" TEXT,
    "release" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshotAsOf" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedBy" TEXT NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Freeze_serviceId_startedAt_idx" ON "Freeze"("serviceId", "startedAt");

-- CreateIndex
CREATE INDEX "Freeze_startedAt_idx" ON "Freeze"("startedAt");

-- CreateIndex
CREATE INDEX "GateException_serviceId_release_idx" ON "GateException"("serviceId", "release");

-- CreateIndex
CREATE INDEX "Change_serviceId_at_idx" ON "Change"("serviceId", "at");

-- CreateIndex
CREATE INDEX "Change_at_idx" ON "Change"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Report_period_scope_key" ON "Report"("period", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");

-- AddForeignKey
ALTER TABLE "Freeze" ADD CONSTRAINT "Freeze_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateException" ADD CONSTRAINT "GateException_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
