/*
  Warnings:

  - Added the required column `tagIds` to the `help_ticket` table without a default value. This is not possible if the table is not empty.
  - Added the required column `title` to the `help_ticket` table without a default value. This is not possible if the table is not empty.

*/
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

-- CreateTable
CREATE TABLE "team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "threadId" TEXT,
    "lockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "team_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "team_member" (
    "teamId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("teamId", "memberId"),
    CONSTRAINT "team_member_teamId_programmeId_fkey" FOREIGN KEY ("teamId", "programmeId") REFERENCES "team" ("id", "programmeId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "team_member_memberId_programmeId_fkey" FOREIGN KEY ("memberId", "programmeId") REFERENCES "member" ("id", "programmeId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "team_invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "inviteeMemberId" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    "accepted" BOOLEAN,
    CONSTRAINT "team_invite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "team_invite_inviteeMemberId_fkey" FOREIGN KEY ("inviteeMemberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "team_invite_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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

-- CreateTable
CREATE TABLE "competency_sheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "assessor" TEXT NOT NULL,
    "assessedById" TEXT,
    "comment" TEXT,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "competency_sheet_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "competency_sheet_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "certificate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "teamMin" INTEGER NOT NULL DEFAULT 1,
    "teamMax" INTEGER NOT NULL DEFAULT 4,
    "teamsLockedAt" DATETIME,
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
CREATE INDEX "agency_delivery_memberId_idx" ON "agency_delivery"("memberId");

-- CreateIndex
CREATE INDEX "agency_delivery_agencyId_at_idx" ON "agency_delivery"("agencyId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "team_programmeId_name_key" ON "team"("programmeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "team_id_programmeId_key" ON "team"("id", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "team_member_programmeId_memberId_key" ON "team_member"("programmeId", "memberId");

-- CreateIndex
CREATE INDEX "team_invite_teamId_idx" ON "team_invite"("teamId");

-- CreateIndex
CREATE INDEX "team_invite_inviteeMemberId_idx" ON "team_invite"("inviteeMemberId");

-- CreateIndex
CREATE INDEX "team_invite_invitedById_idx" ON "team_invite"("invitedById");

-- CreateIndex
CREATE INDEX "attention_contact_memberId_at_idx" ON "attention_contact"("memberId", "at");

-- CreateIndex
CREATE INDEX "attention_note_memberId_doneAt_idx" ON "attention_note"("memberId", "doneAt");

-- CreateIndex
CREATE INDEX "competency_sheet_assessedById_idx" ON "competency_sheet"("assessedById");

-- CreateIndex
CREATE UNIQUE INDEX "competency_sheet_memberId_phase_assessor_key" ON "competency_sheet"("memberId", "phase", "assessor");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_serial_key" ON "certificate"("serial");

-- CreateIndex
CREATE INDEX "certificate_memberId_idx" ON "certificate"("memberId");
