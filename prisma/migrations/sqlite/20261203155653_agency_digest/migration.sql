-- CreateTable
CREATE TABLE "agency_digest_setting" (
    "agencyId" TEXT NOT NULL PRIMARY KEY,
    "delivery" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "threadId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "agency_digest_setting_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "agency_delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "section" INTEGER,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agency_delivery_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "agency_delivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "agency_delivery_memberId_idx" ON "agency_delivery"("memberId");

-- CreateIndex
CREATE INDEX "agency_delivery_agencyId_at_idx" ON "agency_delivery"("agencyId", "at");
