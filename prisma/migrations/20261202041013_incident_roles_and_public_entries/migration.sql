-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TimelineEventType" ADD VALUE 'severity_change';
ALTER TYPE "TimelineEventType" ADD VALUE 'title_change';
ALTER TYPE "TimelineEventType" ADD VALUE 'kind_change';
ALTER TYPE "TimelineEventType" ADD VALUE 'role_change';

-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "incidentRoles" TEXT[] DEFAULT ARRAY['commander', 'communications', 'scribe']::TEXT[];

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "public" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IncidentRoleHolder" (
    "incidentId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentRoleHolder_pkey" PRIMARY KEY ("incidentId","role")
);

-- CreateIndex
CREATE INDEX "IncidentRoleHolder_userId_idx" ON "IncidentRoleHolder"("userId");

-- AddForeignKey
ALTER TABLE "IncidentRoleHolder" ADD CONSTRAINT "IncidentRoleHolder_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRoleHolder" ADD CONSTRAINT "IncidentRoleHolder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
