-- CreateEnum
CREATE TYPE "ProgrammeMode" AS ENUM ('internship', 'hackathon');

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('draft', 'open', 'closed', 'archived');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ja', 'en');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('kickoff', 'midpoint', 'submission_deadline', 'presentation', 'debrief', 'custom');

-- CreateEnum
CREATE TYPE "DiscordResourceKind" AS ENUM ('category', 'text_channel', 'announcement_channel', 'forum_channel', 'voice_channel', 'stage_channel', 'thread', 'role', 'scheduled_event', 'message', 'webhook');

-- CreateEnum
CREATE TYPE "MemberRoleKind" AS ENUM ('organiser', 'mentor', 'intern', 'agency_staff');

-- CreateEnum
CREATE TYPE "InternStage" AS ENUM ('applied', 'onboarded', 'working', 'submitted', 'presented', 'completed', 'withdrawn');

-- CreateEnum
CREATE TYPE "AssignmentVersionStatus" AS ENUM ('retired', 'active_in_recruitment');

-- CreateEnum
CREATE TYPE "AllocationMethod" AS ENUM ('batch', 'self_service', 'manual', 'swap');

-- CreateEnum
CREATE TYPE "ReleaseReason" AS ENUM ('withdrawn', 'swapped', 'released_by_organiser');

-- CreateEnum
CREATE TYPE "LiveMarker" AS ENUM ('active');

-- CreateEnum
CREATE TYPE "HelpTicketStatus" AS ENUM ('open', 'claimed', 'answered', 'closed');

-- CreateEnum
CREATE TYPE "CompetencyElement" AS ENUM ('initiative', 'influencing', 'execution', 'issue_finding', 'planning', 'creativity', 'speaking_up', 'listening', 'flexibility', 'situation_reading', 'discipline', 'stress_control');

-- CreateEnum
CREATE TYPE "AssessmentPhase" AS ENUM ('before', 'during', 'after');

-- CreateEnum
CREATE TYPE "AssessorKind" AS ENUM ('self', 'mentor');

-- CreateTable
CREATE TABLE "programme" (
    "id" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" "ProgrammeMode" NOT NULL,
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'draft',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    "forcedLocale" "Locale",
    "selfServiceClaimEnabled" BOOLEAN NOT NULL DEFAULT false,
    "swapWindowDays" INTEGER NOT NULL DEFAULT 3,
    "createdByUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discord_resource" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "discordId" TEXT NOT NULL,
    "kind" "DiscordResourceKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "discord_resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "title" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "announcedAt" TIMESTAMP(3),
    "jobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "stage" "InternStage",
    "agencyId" TEXT,
    "agencyConsent" BOOLEAN NOT NULL DEFAULT false,
    "agencyConsentChangedAt" TIMESTAMP(3),
    "projectChannelId" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_role" (
    "memberId" TEXT NOT NULL,
    "role" "MemberRoleKind" NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedByUserId" TEXT,

    CONSTRAINT "member_role_pkey" PRIMARY KEY ("memberId","role")
);

-- CreateTable
CREATE TABLE "stage_transition" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "fromStage" "InternStage",
    "toStage" "InternStage" NOT NULL,
    "actorUserId" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stage_transition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_profile" (
    "memberId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "interests" JSONB NOT NULL DEFAULT '[]',
    "weeklyHoursAvailable" INTEGER,
    "preferredLocale" "Locale",
    "accommodationNotes" TEXT,
    "textOnlyPresentation" BOOLEAN NOT NULL DEFAULT false,
    "extendedDeadlines" BOOLEAN NOT NULL DEFAULT false,
    "fewerNotifications" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_profile_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "member_skill" (
    "memberId" TEXT NOT NULL,
    "skill" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "member_skill_pkey" PRIMARY KEY ("memberId","skill")
);

-- CreateTable
CREATE TABLE "agency" (
    "id" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "programmeId" TEXT,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency_staff" (
    "agencyId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_staff_pkey" PRIMARY KEY ("agencyId","discordUserId")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment_version" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT,
    "brief" TEXT NOT NULL,
    "skills" JSONB NOT NULL DEFAULT '[]',
    "level" INTEGER NOT NULL,
    "estimatedHours" INTEGER NOT NULL,
    "originRound" TEXT,
    "status" "AssignmentVersionStatus" NOT NULL DEFAULT 'retired',
    "links" JSONB NOT NULL DEFAULT '[]',
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_assignment" (
    "programmeId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "reserved" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "programme_assignment_pkey" PRIMARY KEY ("programmeId","assignmentId")
);

-- CreateTable
CREATE TABLE "assignment_preference" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_preference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allocation" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "assignmentVersionId" TEXT NOT NULL,
    "method" "AllocationMethod" NOT NULL,
    "allocatedByUserId" TEXT,
    "allocatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),
    "releaseReason" "ReleaseReason",
    "live" "LiveMarker" DEFAULT 'active',

    CONSTRAINT "allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_version" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notes" TEXT,
    "links" JSONB NOT NULL DEFAULT '[]',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_file" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT,

    CONSTRAINT "submission_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review" (
    "id" TEXT NOT NULL,
    "submissionVersionId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "comments" TEXT NOT NULL,
    "rating" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_in_session" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "open" "LiveMarker" DEFAULT 'active',

    CONSTRAINT "check_in_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_report" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "mood" INTEGER,
    "blockers" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "daily_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "help_ticket" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "status" "HelpTicketStatus" NOT NULL DEFAULT 'open',
    "claimedById" TEXT,
    "forumThreadId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "help_ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presentation_session" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledEventId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "presentation_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presentation_slot" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "presentation_slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competency_score" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "phase" "AssessmentPhase" NOT NULL,
    "assessor" "AssessorKind" NOT NULL,
    "element" "CompetencyElement" NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "assessedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "competency_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "programmeId" TEXT,
    "actorUserId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "programme_guildId_status_idx" ON "programme"("guildId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "programme_guildId_name_key" ON "programme"("guildId", "name");

-- CreateIndex
CREATE INDEX "discord_resource_discordId_idx" ON "discord_resource"("discordId");

-- CreateIndex
CREATE UNIQUE INDEX "discord_resource_programmeId_key_key" ON "discord_resource"("programmeId", "key");

-- CreateIndex
CREATE INDEX "milestone_programmeId_at_idx" ON "milestone"("programmeId", "at");

-- CreateIndex
CREATE INDEX "member_agencyId_idx" ON "member"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "member_programmeId_discordUserId_key" ON "member"("programmeId", "discordUserId");

-- CreateIndex
CREATE UNIQUE INDEX "member_id_programmeId_key" ON "member"("id", "programmeId");

-- CreateIndex
CREATE INDEX "member_role_role_idx" ON "member_role"("role");

-- CreateIndex
CREATE INDEX "stage_transition_memberId_at_idx" ON "stage_transition"("memberId", "at");

-- CreateIndex
CREATE INDEX "member_skill_skill_idx" ON "member_skill"("skill");

-- CreateIndex
CREATE INDEX "agency_programmeId_idx" ON "agency"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "agency_guildId_name_key" ON "agency"("guildId", "name");

-- CreateIndex
CREATE INDEX "agency_staff_discordUserId_idx" ON "agency_staff"("discordUserId");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_guildId_key_key" ON "assignment"("guildId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_version_assignmentId_version_key" ON "assignment_version"("assignmentId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_version_assignmentId_contentHash_key" ON "assignment_version"("assignmentId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_version_id_assignmentId_key" ON "assignment_version"("id", "assignmentId");

-- CreateIndex
CREATE INDEX "assignment_preference_assignmentId_idx" ON "assignment_preference"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_preference_memberId_rank_key" ON "assignment_preference"("memberId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_preference_memberId_assignmentId_key" ON "assignment_preference"("memberId", "assignmentId");

-- CreateIndex
CREATE INDEX "allocation_memberId_idx" ON "allocation"("memberId");

-- CreateIndex
CREATE INDEX "allocation_assignmentId_idx" ON "allocation"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "allocation_programmeId_memberId_live_key" ON "allocation"("programmeId", "memberId", "live");

-- CreateIndex
CREATE UNIQUE INDEX "allocation_programmeId_assignmentId_live_key" ON "allocation"("programmeId", "assignmentId", "live");

-- CreateIndex
CREATE UNIQUE INDEX "submission_allocationId_key" ON "submission"("allocationId");

-- CreateIndex
CREATE INDEX "submission_programmeId_idx" ON "submission"("programmeId");

-- CreateIndex
CREATE INDEX "submission_memberId_idx" ON "submission"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "submission_version_submissionId_number_key" ON "submission_version"("submissionId", "number");

-- CreateIndex
CREATE INDEX "submission_file_versionId_idx" ON "submission_file"("versionId");

-- CreateIndex
CREATE INDEX "review_mentorId_idx" ON "review"("mentorId");

-- CreateIndex
CREATE UNIQUE INDEX "review_submissionVersionId_mentorId_key" ON "review"("submissionVersionId", "mentorId");

-- CreateIndex
CREATE INDEX "check_in_session_memberId_startedAt_idx" ON "check_in_session"("memberId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "check_in_session_memberId_open_key" ON "check_in_session"("memberId", "open");

-- CreateIndex
CREATE UNIQUE INDEX "daily_report_memberId_localDate_key" ON "daily_report"("memberId", "localDate");

-- CreateIndex
CREATE UNIQUE INDEX "help_ticket_forumThreadId_key" ON "help_ticket"("forumThreadId");

-- CreateIndex
CREATE INDEX "help_ticket_programmeId_status_idx" ON "help_ticket"("programmeId", "status");

-- CreateIndex
CREATE INDEX "help_ticket_askerId_idx" ON "help_ticket"("askerId");

-- CreateIndex
CREATE INDEX "help_ticket_claimedById_idx" ON "help_ticket"("claimedById");

-- CreateIndex
CREATE UNIQUE INDEX "presentation_session_scheduledEventId_key" ON "presentation_session"("scheduledEventId");

-- CreateIndex
CREATE INDEX "presentation_session_programmeId_startsAt_idx" ON "presentation_session"("programmeId", "startsAt");

-- CreateIndex
CREATE INDEX "presentation_slot_memberId_idx" ON "presentation_slot"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "presentation_slot_sessionId_memberId_key" ON "presentation_slot"("sessionId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "presentation_slot_sessionId_order_key" ON "presentation_slot"("sessionId", "order");

-- CreateIndex
CREATE INDEX "competency_score_assessedById_idx" ON "competency_score"("assessedById");

-- CreateIndex
CREATE UNIQUE INDEX "competency_score_memberId_phase_assessor_element_key" ON "competency_score"("memberId", "phase", "assessor", "element");

-- CreateIndex
CREATE INDEX "audit_log_guildId_at_idx" ON "audit_log"("guildId", "at");

-- CreateIndex
CREATE INDEX "audit_log_programmeId_at_idx" ON "audit_log"("programmeId", "at");

-- CreateIndex
CREATE INDEX "audit_log_actorUserId_at_idx" ON "audit_log"("actorUserId", "at");

-- AddForeignKey
ALTER TABLE "discord_resource" ADD CONSTRAINT "discord_resource_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_role" ADD CONSTRAINT "member_role_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_transition" ADD CONSTRAINT "stage_transition_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_profile" ADD CONSTRAINT "member_profile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_skill" ADD CONSTRAINT "member_skill_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_staff" ADD CONSTRAINT "agency_staff_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_version" ADD CONSTRAINT "assignment_version_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_assignment" ADD CONSTRAINT "programme_assignment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_assignment" ADD CONSTRAINT "programme_assignment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_preference" ADD CONSTRAINT "assignment_preference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_preference" ADD CONSTRAINT "assignment_preference_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_memberId_programmeId_fkey" FOREIGN KEY ("memberId", "programmeId") REFERENCES "member"("id", "programmeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_assignmentVersionId_assignmentId_fkey" FOREIGN KEY ("assignmentVersionId", "assignmentId") REFERENCES "assignment_version"("id", "assignmentId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_version" ADD CONSTRAINT "submission_version_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_file" ADD CONSTRAINT "submission_file_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "submission_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_submissionVersionId_fkey" FOREIGN KEY ("submissionVersionId") REFERENCES "submission_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in_session" ADD CONSTRAINT "check_in_session_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_report" ADD CONSTRAINT "daily_report_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_ticket" ADD CONSTRAINT "help_ticket_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_ticket" ADD CONSTRAINT "help_ticket_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_ticket" ADD CONSTRAINT "help_ticket_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentation_session" ADD CONSTRAINT "presentation_session_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentation_slot" ADD CONSTRAINT "presentation_slot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "presentation_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presentation_slot" ADD CONSTRAINT "presentation_slot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_score" ADD CONSTRAINT "competency_score_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_score" ADD CONSTRAINT "competency_score_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;
