-- CreateTable
CREATE TABLE "onboarding_draft" (
    "programmeId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "onboarding_draft_pkey" PRIMARY KEY ("programmeId","discordUserId")
);

-- AddForeignKey
ALTER TABLE "onboarding_draft" ADD CONSTRAINT "onboarding_draft_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
