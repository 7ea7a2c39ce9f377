-- Edited by hand after `npm run db:migrate` (same resulting schema): existing rows get
-- tags = '[]', and JSON values that the earlier `DEFAULT []` stored as '' become '[]'.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_assignment_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT,
    "brief" TEXT NOT NULL,
    "skills" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "level" INTEGER NOT NULL,
    "estimatedHours" INTEGER NOT NULL,
    "originRound" TEXT,
    "status" TEXT NOT NULL DEFAULT 'retired',
    "links" JSONB NOT NULL,
    "attachments" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignment_version_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_assignment_version" ("assignmentId", "attachments", "brief", "contentHash", "createdAt", "estimatedHours", "id", "level", "links", "originRound", "skills", "tags", "status", "titleEn", "titleJa", "version") SELECT "assignmentId", COALESCE(NULLIF("attachments", ''), '[]'), "brief", "contentHash", "createdAt", "estimatedHours", "id", "level", COALESCE(NULLIF("links", ''), '[]'), "originRound", COALESCE(NULLIF("skills", ''), '[]'), '[]', "status", "titleEn", "titleJa", "version" FROM "assignment_version";
DROP TABLE "assignment_version";
ALTER TABLE "new_assignment_version" RENAME TO "assignment_version";
CREATE UNIQUE INDEX "assignment_version_assignmentId_version_key" ON "assignment_version"("assignmentId", "version");
CREATE UNIQUE INDEX "assignment_version_assignmentId_contentHash_key" ON "assignment_version"("assignmentId", "contentHash");
CREATE UNIQUE INDEX "assignment_version_id_assignmentId_key" ON "assignment_version"("id", "assignmentId");
CREATE TABLE "new_member_profile" (
    "memberId" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "interests" JSONB NOT NULL,
    "weeklyHoursAvailable" INTEGER,
    "preferredLocale" TEXT,
    "accommodationNotes" TEXT,
    "textOnlyPresentation" BOOLEAN NOT NULL DEFAULT false,
    "extendedDeadlines" BOOLEAN NOT NULL DEFAULT false,
    "fewerNotifications" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "member_profile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_member_profile" ("accommodationNotes", "displayName", "extendedDeadlines", "fewerNotifications", "interests", "memberId", "preferredLocale", "textOnlyPresentation", "updatedAt", "weeklyHoursAvailable") SELECT "accommodationNotes", "displayName", "extendedDeadlines", "fewerNotifications", COALESCE(NULLIF("interests", ''), '[]'), "memberId", "preferredLocale", "textOnlyPresentation", "updatedAt", "weeklyHoursAvailable" FROM "member_profile";
DROP TABLE "member_profile";
ALTER TABLE "new_member_profile" RENAME TO "member_profile";
CREATE TABLE "new_submission_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notes" TEXT,
    "links" JSONB NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_version_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_submission_version" ("id", "links", "notes", "number", "submissionId", "submittedAt") SELECT "id", COALESCE(NULLIF("links", ''), '[]'), "notes", "number", "submissionId", "submittedAt" FROM "submission_version";
DROP TABLE "submission_version";
ALTER TABLE "new_submission_version" RENAME TO "submission_version";
CREATE UNIQUE INDEX "submission_version_submissionId_number_key" ON "submission_version"("submissionId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
