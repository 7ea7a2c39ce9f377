/*
  Warnings:

  - Added the required column `sha256` to the `submission_file` table without a default value. This is not possible if the table is not empty.
  - Added the required column `storageKey` to the `submission_file` table without a default value. This is not possible if the table is not empty.
  - Added the required column `manifestHash` to the `submission_version` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "ExtensionSource" AS ENUM ('organiser', 'accommodation', 'request');

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "submissionSettings" JSONB,
ADD COLUMN     "submissionsClosedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "review" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "scores" JSONB;

-- AlterTable
ALTER TABLE "submission" ADD COLUMN     "versionCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "submission_file" ADD COLUMN     "sha256" TEXT NOT NULL,
ADD COLUMN     "storageKey" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "submission_version" ADD COLUMN     "deadlineAt" TIMESTAMP(3),
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "manifestHash" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "submission_extension" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "source" "ExtensionSource" NOT NULL,
    "grantedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "submission_extension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "submission_extension_memberId_key" ON "submission_extension"("memberId");

-- CreateIndex
CREATE INDEX "submission_file_storageKey_idx" ON "submission_file"("storageKey");

-- AddForeignKey
ALTER TABLE "submission_extension" ADD CONSTRAINT "submission_extension_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
