-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "subscriberId" TEXT,
ALTER COLUMN "channelId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "StatusSubscriber" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusSubscriber_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StatusSubscriber_kind_address_key" ON "StatusSubscriber"("kind", "address");

-- CreateIndex
CREATE INDEX "Delivery_subscriberId_idx" ON "Delivery"("subscriberId");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "StatusSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/delivery-target.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- A delivery goes to exactly one place: a channel or a status page subscriber.
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_one_target" CHECK (("channelId" IS NULL) <> ("subscriberId" IS NULL));
