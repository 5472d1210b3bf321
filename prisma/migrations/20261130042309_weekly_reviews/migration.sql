-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'closed');

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "attendees" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "snapshot" JSONB,
    "snapshotAsOf" TIMESTAMP(3),
    "headline" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Review_week_key" ON "Review"("week");

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/review-rules.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- A closed review always has what it froze; an open one has nothing frozen (reopening clears it).
ALTER TABLE "Review" ADD CONSTRAINT "Review_closed_has_snapshot" CHECK (
  ("status" = 'closed') = ("closedAt" IS NOT NULL AND "snapshot" IS NOT NULL AND "snapshotAsOf" IS NOT NULL)
);
ALTER TABLE "Review" ADD CONSTRAINT "Review_week_format" CHECK ("week" ~ '^[0-9]{4}-W[0-9]{2}$');
