-- AlterTable
ALTER TABLE "check_in_session" ADD COLUMN     "plan" TEXT;

-- AlterTable
ALTER TABLE "daily_report" ADD COLUMN     "channelId" TEXT,
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "next" TEXT,
ADD COLUMN     "private" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "member_profile" ADD COLUMN     "remindersPausedUntil" TEXT,
ADD COLUMN     "reportReminderTime" TEXT;

-- CreateTable
CREATE TABLE "nudge" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nudge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "nudge_memberId_kind_localDate_key" ON "nudge"("memberId", "kind", "localDate");

-- AddForeignKey
ALTER TABLE "nudge" ADD CONSTRAINT "nudge_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
