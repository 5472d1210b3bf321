-- AlterTable
ALTER TABLE "SloBucket" ADD COLUMN     "covered" INTEGER;
