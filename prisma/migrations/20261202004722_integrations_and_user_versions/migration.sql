-- AlterTable
ALTER TABLE "OrganizationSettings" ADD COLUMN     "integrationsVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
