-- CreateTable
CREATE TABLE "IntegrationAlert" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "service" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "incidentId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationAlert_source_groupKey_idx" ON "IntegrationAlert"("source", "groupKey");

-- CreateIndex
CREATE INDEX "IntegrationAlert_incidentId_idx" ON "IntegrationAlert"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationAlert_source_fingerprint_startsAt_key" ON "IntegrationAlert"("source", "fingerprint", "startsAt");
