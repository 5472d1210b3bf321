-- AlterTable
ALTER TABLE "Service" DROP COLUMN "maintenanceRule",
DROP COLUMN "sloTarget",
DROP COLUMN "sloWindow";
