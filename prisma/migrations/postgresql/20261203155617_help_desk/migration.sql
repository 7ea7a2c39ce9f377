/*
  Warnings:

  - Added the required column `tagIds` to the `help_ticket` table without a default value. This is not possible if the table is not empty.
  - Added the required column `title` to the `help_ticket` table without a default value. This is not possible if the table is not empty.

*/
-- DropIndex
DROP INDEX "help_ticket_programmeId_status_idx";

-- AlterTable
ALTER TABLE "help_ticket" ADD COLUMN     "anonymous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstStaffReplyAt" TIMESTAMP(3),
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "private" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resolvedById" TEXT,
ADD COLUMN     "tagIds" JSONB NOT NULL,
ADD COLUMN     "title" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "helpEscalateHours" INTEGER NOT NULL DEFAULT 4;

-- CreateIndex
CREATE INDEX "help_ticket_programmeId_status_createdAt_idx" ON "help_ticket"("programmeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "help_ticket_resolvedById_idx" ON "help_ticket"("resolvedById");

-- AddForeignKey
ALTER TABLE "help_ticket" ADD CONSTRAINT "help_ticket_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
