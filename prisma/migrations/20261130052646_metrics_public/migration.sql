-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "metricsPublic" BOOLEAN NOT NULL DEFAULT false;
