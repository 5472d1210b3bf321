-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "data" JSONB;
