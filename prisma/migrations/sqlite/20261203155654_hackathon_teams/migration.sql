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
    "teamMin" INTEGER NOT NULL DEFAULT 1,
    "teamMax" INTEGER NOT NULL DEFAULT 4,
    "teamsLockedAt" DATETIME,
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
