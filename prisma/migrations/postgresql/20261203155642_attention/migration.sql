-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "digestTo" TEXT NOT NULL DEFAULT 'dm',
ADD COLUMN     "helpEscalateHours" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "silentDays" INTEGER NOT NULL DEFAULT 3;

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

-- CreateIndex
CREATE INDEX "attention_contact_memberId_at_idx" ON "attention_contact"("memberId", "at");

-- CreateIndex
CREATE INDEX "attention_note_memberId_doneAt_idx" ON "attention_note"("memberId", "doneAt");

-- AddForeignKey
ALTER TABLE "member_activity" ADD CONSTRAINT "member_activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attention_contact" ADD CONSTRAINT "attention_contact_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attention_note" ADD CONSTRAINT "attention_note_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
