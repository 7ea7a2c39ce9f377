-- CreateTable
CREATE TABLE "member_activity" (
    "memberId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "interactions" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "lastAt" DATETIME NOT NULL,

    PRIMARY KEY ("memberId", "localDate"),
    CONSTRAINT "member_activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "attention_contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorMemberId" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "attention_contact_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "attention_note" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "actorMemberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "until" TEXT NOT NULL,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "attention_note_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    "forcedLocale" TEXT,
    "selfServiceClaimEnabled" BOOLEAN NOT NULL DEFAULT false,
    "swapWindowDays" INTEGER NOT NULL DEFAULT 3,
    "workspaceTemplate" JSONB,
    "submissionsClosedAt" DATETIME,
    "submissionSettings" JSONB,
    "reviewRubric" JSONB,
    "silentDays" INTEGER NOT NULL DEFAULT 3,
    "helpEscalateHours" INTEGER NOT NULL DEFAULT 4,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "digestTo" TEXT NOT NULL DEFAULT 'dm',
    "createdByUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_programme" ("createdAt", "createdByUserId", "endsAt", "forcedLocale", "guildId", "id", "mode", "name", "reviewRubric", "selfServiceClaimEnabled", "startsAt", "status", "submissionSettings", "submissionsClosedAt", "swapWindowDays", "timeZone", "updatedAt", "workspaceTemplate") SELECT "createdAt", "createdByUserId", "endsAt", "forcedLocale", "guildId", "id", "mode", "name", "reviewRubric", "selfServiceClaimEnabled", "startsAt", "status", "submissionSettings", "submissionsClosedAt", "swapWindowDays", "timeZone", "updatedAt", "workspaceTemplate" FROM "programme";
DROP TABLE "programme";
ALTER TABLE "new_programme" RENAME TO "programme";
CREATE INDEX "programme_guildId_status_idx" ON "programme"("guildId", "status");
CREATE UNIQUE INDEX "programme_guildId_name_key" ON "programme"("guildId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "attention_contact_memberId_at_idx" ON "attention_contact"("memberId", "at");

-- CreateIndex
CREATE INDEX "attention_note_memberId_doneAt_idx" ON "attention_note"("memberId", "doneAt");
