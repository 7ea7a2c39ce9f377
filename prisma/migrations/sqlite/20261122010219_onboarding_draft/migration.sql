-- CreateTable
CREATE TABLE "onboarding_draft" (
    "programmeId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("programmeId", "discordUserId"),
    CONSTRAINT "onboarding_draft_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
