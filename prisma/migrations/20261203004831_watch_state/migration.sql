-- CreateTable
CREATE TABLE "WatchState" (
    "key" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchState_pkey" PRIMARY KEY ("key")
);
