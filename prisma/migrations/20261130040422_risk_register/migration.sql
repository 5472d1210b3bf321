-- AlterTable
ALTER TABLE "Risk" ADD COLUMN     "badMinutesPerYear" DOUBLE PRECISION,
ADD COLUMN     "currentScore" INTEGER NOT NULL,
ADD COLUMN     "inherentScore" INTEGER NOT NULL,
ADD COLUMN     "targetScore" INTEGER NOT NULL;

-- CreateIndex
CREATE INDEX "Risk_currentScore_idx" ON "Risk"("currentScore");

-- ---------------------------------------------------------------------------
-- Appended from prisma/sql/risk-rules.sql:
-- SQL that schema.prisma cannot express, so the schema engine does not generate
-- it (npm run db:migration:new -- <name> --append <file>).
-- ---------------------------------------------------------------------------
-- The risk rules the API enforces, enforced by the database too, so no client (or a script
-- writing rows directly) can store a risk the register would misread. The matrix itself (which
-- cell has which score) lives only in lib/domain/risk-matrix.ts; the server stores the scores it
-- looks up, and the database checks what can be checked without a second copy of the grid.
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_consequence_range" CHECK (
  "inherentConsequence" BETWEEN 1 AND 5 AND "currentConsequence" BETWEEN 1 AND 5 AND "targetConsequence" BETWEEN 1 AND 5
);
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_score_range" CHECK (
  "inherentScore" BETWEEN 1 AND 25 AND "currentScore" BETWEEN 1 AND 25 AND "targetScore" BETWEEN 1 AND 25
);
-- A target worse (a higher score) than the current assessment plans for things to get worse.
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_target_not_worse" CHECK ("targetScore" <= "currentScore");
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_impact_fraction_range" CHECK ("impactFraction" IS NULL OR ("impactFraction" > 0 AND "impactFraction" <= 1));
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_ettf_positive" CHECK ("ettfDays" IS NULL OR "ettfDays" > 0);
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_ettd_ettr_not_negative" CHECK (("ettdMinutes" IS NULL OR "ettdMinutes" >= 0) AND ("ettrMinutes" IS NULL OR "ettrMinutes" >= 0));
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_bad_minutes_not_negative" CHECK ("badMinutesPerYear" IS NULL OR "badMinutesPerYear" >= 0);
-- An accepted risk names who accepted it and until when.
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_acceptance_named" CHECK (
  "treatment" <> 'accept' OR ("acceptedBy" IS NOT NULL AND btrim("acceptedBy") <> '' AND "acceptedUntil" IS NOT NULL)
);
