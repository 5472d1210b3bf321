-- AlterTable
ALTER TABLE "Slo" ADD COLUMN     "datasourceId" TEXT,
ADD COLUMN     "ingestError" TEXT,
ADD COLUMN     "ingestErrorAt" TIMESTAMP(3),
ADD COLUMN     "ingestedTo" TIMESTAMP(3),
ADD COLUMN     "nextIngestAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SloBucket" (
    "sloId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "seconds" INTEGER NOT NULL,
    "good" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SloBucket_pkey" PRIMARY KEY ("sloId","start")
);

-- CreateTable
CREATE TABLE "Datasource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'prometheus',
    "url" TEXT NOT NULL,
    "authType" TEXT NOT NULL DEFAULT 'none',
    "username" TEXT,
    "secretSealed" TEXT,
    "lastOkAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Datasource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Datasource_name_key" ON "Datasource"("name");

-- CreateIndex
CREATE INDEX "Slo_nextIngestAt_idx" ON "Slo"("nextIngestAt");

-- AddForeignKey
ALTER TABLE "Slo" ADD CONSTRAINT "Slo_datasourceId_fkey" FOREIGN KEY ("datasourceId") REFERENCES "Datasource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SloBucket" ADD CONSTRAINT "SloBucket_sloId_fkey" FOREIGN KEY ("sloId") REFERENCES "Slo"("id") ON DELETE CASCADE ON UPDATE CASCADE;
