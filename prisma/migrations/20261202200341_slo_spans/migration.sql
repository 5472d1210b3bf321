-- CreateTable
CREATE TABLE "SloSpan" (
    "sloId" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "SloSpan_pkey" PRIMARY KEY ("sloId","start","kind")
);

-- AddForeignKey
ALTER TABLE "SloSpan" ADD CONSTRAINT "SloSpan_sloId_fkey" FOREIGN KEY ("sloId") REFERENCES "Slo"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Buckets merged before spans were kept cannot say where their minutes were bad: logged against
-- measured reads them as unmeasured (as it did before), never as good throughout.
INSERT INTO "SloSpan" ("sloId", "start", "end", "kind")
SELECT "sloId", "start", "start" + make_interval(secs => "seconds"), 'gap' FROM "SloBucket" WHERE "seconds" >= 3600
ON CONFLICT DO NOTHING;
