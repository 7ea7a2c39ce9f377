-- CreateTable
CREATE TABLE "agency_digest_setting" (
    "agencyId" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "threadId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agency_digest_setting_pkey" PRIMARY KEY ("agencyId")
);

-- CreateTable
CREATE TABLE "agency_delivery" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "section" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agency_delivery_memberId_idx" ON "agency_delivery"("memberId");

-- CreateIndex
CREATE INDEX "agency_delivery_agencyId_at_idx" ON "agency_delivery"("agencyId", "at");

-- AddForeignKey
ALTER TABLE "agency_digest_setting" ADD CONSTRAINT "agency_digest_setting_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_delivery" ADD CONSTRAINT "agency_delivery_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_delivery" ADD CONSTRAINT "agency_delivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
