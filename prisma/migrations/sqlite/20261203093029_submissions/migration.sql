/*
  Warnings:

  - Added the required column `sha256` to the `submission_file` table without a default value. This is not possible if the table is not empty.
  - Added the required column `storageKey` to the `submission_file` table without a default value. This is not possible if the table is not empty.
  - Added the required column `manifestHash` to the `submission_version` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "programme" ADD COLUMN "submissionSettings" JSONB;
ALTER TABLE "programme" ADD COLUMN "submissionsClosedAt" DATETIME;

-- AlterTable
ALTER TABLE "review" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "review" ADD COLUMN "scores" JSONB;

-- CreateTable
CREATE TABLE "submission_extension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "until" DATETIME NOT NULL,
    "reason" TEXT,
    "source" TEXT NOT NULL,
    "grantedByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "submission_extension_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "versionCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "submission_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "allocation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_submission" ("allocationId", "createdAt", "id", "memberId", "programmeId", "updatedAt") SELECT "allocationId", "createdAt", "id", "memberId", "programmeId", "updatedAt" FROM "submission";
DROP TABLE "submission";
ALTER TABLE "new_submission" RENAME TO "submission";
CREATE UNIQUE INDEX "submission_allocationId_key" ON "submission"("allocationId");
CREATE INDEX "submission_programmeId_idx" ON "submission"("programmeId");
CREATE INDEX "submission_memberId_idx" ON "submission"("memberId");
CREATE TABLE "new_submission_file" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    CONSTRAINT "submission_file_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "submission_version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_submission_file" ("contentType", "id", "name", "size", "url", "versionId") SELECT "contentType", "id", "name", "size", "url", "versionId" FROM "submission_file";
DROP TABLE "submission_file";
ALTER TABLE "new_submission_file" RENAME TO "submission_file";
CREATE INDEX "submission_file_versionId_idx" ON "submission_file"("versionId");
CREATE INDEX "submission_file_storageKey_idx" ON "submission_file"("storageKey");
CREATE TABLE "new_submission_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notes" TEXT,
    "links" JSONB NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "manifestHash" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "deadlineAt" DATETIME,
    CONSTRAINT "submission_version_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_submission_version" ("id", "links", "notes", "number", "submissionId", "submittedAt") SELECT "id", "links", "notes", "number", "submissionId", "submittedAt" FROM "submission_version";
DROP TABLE "submission_version";
ALTER TABLE "new_submission_version" RENAME TO "submission_version";
CREATE UNIQUE INDEX "submission_version_submissionId_number_key" ON "submission_version"("submissionId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "submission_extension_memberId_key" ON "submission_extension"("memberId");
