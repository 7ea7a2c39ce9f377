-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('claimed', 'sent');

-- CreateTable
CREATE TABLE "delivery" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "messageId" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "delivery_key_key" ON "delivery"("key");
