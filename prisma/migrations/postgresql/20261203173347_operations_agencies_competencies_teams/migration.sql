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
ALTER TABLE "programme" ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "digestTo" TEXT NOT NULL DEFAULT 'dm',
ADD COLUMN     "helpEscalateHours" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "silentDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "teamMax" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "teamMin" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "teamsLockedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "agency_digest_setting" (
    "agencyId" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "threadId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agency_digest_setting_pkey" PRIMARY KEY ("agencyId")
);

-- CreateTable
CREATE TABLE "agency_delivery" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "section" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "threadId" TEXT,
    "lockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_member" (
    "teamId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_member_pkey" PRIMARY KEY ("teamId","memberId")
);

-- CreateTable
CREATE TABLE "team_invite" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "inviteeMemberId" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "accepted" BOOLEAN,

    CONSTRAINT "team_invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_activity" (
    "memberId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "interactions" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_activity_pkey" PRIMARY KEY ("memberId","localDate")
);

-- CreateTable
CREATE TABLE "attention_contact" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorMemberId" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attention_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attention_note" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "actorMemberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "until" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attention_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competency_sheet" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "phase" "AssessmentPhase" NOT NULL,
    "assessor" "AssessorKind" NOT NULL,
    "assessedById" TEXT,
    "comment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "competency_sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "help_ticket_programmeId_status_createdAt_idx" ON "help_ticket"("programmeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "help_ticket_resolvedById_idx" ON "help_ticket"("resolvedById");

-- AddForeignKey
ALTER TABLE "agency_digest_setting" ADD CONSTRAINT "agency_digest_setting_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_delivery" ADD CONSTRAINT "agency_delivery_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_delivery" ADD CONSTRAINT "agency_delivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_teamId_programmeId_fkey" FOREIGN KEY ("teamId", "programmeId") REFERENCES "team"("id", "programmeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_memberId_programmeId_fkey" FOREIGN KEY ("memberId", "programmeId") REFERENCES "member"("id", "programmeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_invite" ADD CONSTRAINT "team_invite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_invite" ADD CONSTRAINT "team_invite_inviteeMemberId_fkey" FOREIGN KEY ("inviteeMemberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_invite" ADD CONSTRAINT "team_invite_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_activity" ADD CONSTRAINT "member_activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attention_contact" ADD CONSTRAINT "attention_contact_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attention_note" ADD CONSTRAINT "attention_note_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_ticket" ADD CONSTRAINT "help_ticket_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_sheet" ADD CONSTRAINT "competency_sheet_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_sheet" ADD CONSTRAINT "competency_sheet_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
