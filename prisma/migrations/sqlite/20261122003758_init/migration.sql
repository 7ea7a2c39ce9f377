-- CreateTable
CREATE TABLE "programme" (
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
    "createdByUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "discord_resource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "discordId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "discord_resource_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "announcedAt" DATETIME,
    "jobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "milestone_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "stage" TEXT,
    "agencyId" TEXT,
    "agencyConsent" BOOLEAN NOT NULL DEFAULT false,
    "agencyConsentChangedAt" DATETIME,
    "projectChannelId" TEXT,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "member_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "member_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "member_role" (
    "memberId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "grantedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedByUserId" TEXT,

    PRIMARY KEY ("memberId", "role"),
    CONSTRAINT "member_role_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "stage_transition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "actorUserId" TEXT,
    "reason" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stage_transition_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "member_profile" (
    "memberId" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "interests" JSONB NOT NULL DEFAULT [],
    "weeklyHoursAvailable" INTEGER,
    "preferredLocale" TEXT,
    "accommodationNotes" TEXT,
    "textOnlyPresentation" BOOLEAN NOT NULL DEFAULT false,
    "extendedDeadlines" BOOLEAN NOT NULL DEFAULT false,
    "fewerNotifications" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "member_profile_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "member_skill" (
    "memberId" TEXT NOT NULL,
    "skill" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    PRIMARY KEY ("memberId", "skill"),
    CONSTRAINT "member_skill_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guildId" TEXT NOT NULL,
    "programmeId" TEXT,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "agency_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "agency_staff" (
    "agencyId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("agencyId", "discordUserId"),
    CONSTRAINT "agency_staff_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guildId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "assignment_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT,
    "brief" TEXT NOT NULL,
    "skills" JSONB NOT NULL DEFAULT [],
    "level" INTEGER NOT NULL,
    "estimatedHours" INTEGER NOT NULL,
    "originRound" TEXT,
    "status" TEXT NOT NULL DEFAULT 'retired',
    "links" JSONB NOT NULL DEFAULT [],
    "attachments" JSONB NOT NULL DEFAULT [],
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignment_version_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "programme_assignment" (
    "programmeId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "reserved" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("programmeId", "assignmentId"),
    CONSTRAINT "programme_assignment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "programme_assignment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assignment_preference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignment_preference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "assignment_preference_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "allocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "assignmentVersionId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "allocatedByUserId" TEXT,
    "allocatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" DATETIME,
    "releaseReason" TEXT,
    "live" TEXT DEFAULT 'active',
    CONSTRAINT "allocation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "allocation_memberId_programmeId_fkey" FOREIGN KEY ("memberId", "programmeId") REFERENCES "member" ("id", "programmeId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "allocation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "allocation_assignmentVersionId_assignmentId_fkey" FOREIGN KEY ("assignmentVersionId", "assignmentId") REFERENCES "assignment_version" ("id", "assignmentId") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "submission_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "submission_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "allocation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "submission_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "notes" TEXT,
    "links" JSONB NOT NULL DEFAULT [],
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "submission_version_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "submission_file" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT,
    CONSTRAINT "submission_file_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "submission_version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionVersionId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "comments" TEXT NOT NULL,
    "rating" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "review_submissionVersionId_fkey" FOREIGN KEY ("submissionVersionId") REFERENCES "submission_version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "review_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "check_in_session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "open" TEXT DEFAULT 'active',
    CONSTRAINT "check_in_session_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "daily_report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "mood" INTEGER,
    "blockers" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "daily_report_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "help_ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "claimedById" TEXT,
    "forumThreadId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "answeredAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "help_ticket_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "help_ticket_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "help_ticket_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "presentation_session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledEventId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "presentation_session_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "presentation_slot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    CONSTRAINT "presentation_slot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "presentation_session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "presentation_slot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "competency_score" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "assessor" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "assessedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "competency_score_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "competency_score_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guildId" TEXT NOT NULL,
    "programmeId" TEXT,
    "actorUserId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "data" JSONB,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
