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
