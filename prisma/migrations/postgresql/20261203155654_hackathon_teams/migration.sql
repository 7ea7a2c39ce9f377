-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "teamMax" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "teamMin" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "teamsLockedAt" TIMESTAMP(3);

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
