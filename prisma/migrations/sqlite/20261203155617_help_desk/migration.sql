/*
  Warnings:

  - Added the required column `tagIds` to the `help_ticket` table without a default value. This is not possible if the table is not empty.
  - Added the required column `title` to the `help_ticket` table without a default value. This is not possible if the table is not empty.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_help_ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "tagIds" JSONB NOT NULL,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "claimedById" TEXT,
    "forumThreadId" TEXT,
    "messageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "answeredAt" DATETIME,
    "firstStaffReplyAt" DATETIME,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "closedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "help_ticket_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "help_ticket_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "help_ticket_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "help_ticket_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_help_ticket" ("answeredAt", "askerId", "claimedAt", "claimedById", "closedAt", "createdAt", "forumThreadId", "id", "programmeId", "question", "status") SELECT "answeredAt", "askerId", "claimedAt", "claimedById", "closedAt", "createdAt", "forumThreadId", "id", "programmeId", "question", "status" FROM "help_ticket";
DROP TABLE "help_ticket";
ALTER TABLE "new_help_ticket" RENAME TO "help_ticket";
CREATE UNIQUE INDEX "help_ticket_forumThreadId_key" ON "help_ticket"("forumThreadId");
CREATE INDEX "help_ticket_programmeId_status_createdAt_idx" ON "help_ticket"("programmeId", "status", "createdAt");
CREATE INDEX "help_ticket_askerId_idx" ON "help_ticket"("askerId");
CREATE INDEX "help_ticket_claimedById_idx" ON "help_ticket"("claimedById");
CREATE INDEX "help_ticket_resolvedById_idx" ON "help_ticket"("resolvedById");
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
    "helpEscalateHours" INTEGER NOT NULL DEFAULT 4,
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
