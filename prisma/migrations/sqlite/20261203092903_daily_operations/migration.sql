-- AlterTable
ALTER TABLE "check_in_session" ADD COLUMN "plan" TEXT;

-- AlterTable
ALTER TABLE "member_profile" ADD COLUMN "remindersPausedUntil" TEXT;
ALTER TABLE "member_profile" ADD COLUMN "reportReminderTime" TEXT;

-- CreateTable
CREATE TABLE "nudge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "nudge_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_daily_report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "mood" INTEGER,
    "blockers" TEXT,
    "next" TEXT,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "channelId" TEXT,
    "messageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "daily_report_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_daily_report" ("blockers", "createdAt", "id", "localDate", "memberId", "mood", "text", "updatedAt") SELECT "blockers", "createdAt", "id", "localDate", "memberId", "mood", "text", "updatedAt" FROM "daily_report";
DROP TABLE "daily_report";
ALTER TABLE "new_daily_report" RENAME TO "daily_report";
CREATE UNIQUE INDEX "daily_report_memberId_localDate_key" ON "daily_report"("memberId", "localDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "nudge_memberId_kind_localDate_key" ON "nudge"("memberId", "kind", "localDate");
