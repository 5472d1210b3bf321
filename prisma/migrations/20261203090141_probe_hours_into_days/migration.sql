-- DropForeignKey
ALTER TABLE "ProbeHour" DROP CONSTRAINT "ProbeHour_probeId_fkey";

-- DropTable
DROP TABLE "ProbeHour";
