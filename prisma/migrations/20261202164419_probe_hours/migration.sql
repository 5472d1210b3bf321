-- AlterTable
ALTER TABLE "Probe" ADD COLUMN     "rolledTo" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProbeHour" (
    "probeId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "runs" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "unknownSeconds" DOUBLE PRECISION NOT NULL,
    "withinMs" INTEGER[],
    "withinRuns" INTEGER[],

    CONSTRAINT "ProbeHour_pkey" PRIMARY KEY ("probeId","start")
);

-- AddForeignKey
ALTER TABLE "ProbeHour" ADD CONSTRAINT "ProbeHour_probeId_fkey" FOREIGN KEY ("probeId") REFERENCES "Probe"("id") ON DELETE CASCADE ON UPDATE CASCADE;
