-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "integrations" JSONB;

-- CreateTable
CREATE TABLE "IntegrationEvent" (
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationEvent_pkey" PRIMARY KEY ("source","eventId")
);
