-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_presentation_session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'results',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "channelId" TEXT,
    "scheduledEventId" TEXT,
    "agendaChannelId" TEXT,
    "agendaMessageId" TEXT,
    "liveChannelId" TEXT,
    "liveMessageId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "qaMinutes" INTEGER NOT NULL DEFAULT 3,
    "bufferMinutes" INTEGER NOT NULL DEFAULT 2,
    "breakEvery" INTEGER NOT NULL DEFAULT 6,
    "breakMinutes" INTEGER NOT NULL DEFAULT 10,
    "orderMethod" TEXT NOT NULL DEFAULT 'allocation',
    "seed" TEXT,
    "includeAll" BOOLEAN NOT NULL DEFAULT false,
    "currentOrder" INTEGER,
    "delayMinutes" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "presentation_session_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_presentation_session" ("createdAt", "id", "programmeId", "scheduledEventId", "slotMinutes", "startsAt", "title", "updatedAt") SELECT "createdAt", "id", "programmeId", "scheduledEventId", "slotMinutes", "startsAt", "title", "updatedAt" FROM "presentation_session";
DROP TABLE "presentation_session";
ALTER TABLE "new_presentation_session" RENAME TO "presentation_session";
CREATE UNIQUE INDEX "presentation_session_scheduledEventId_key" ON "presentation_session"("scheduledEventId");
CREATE INDEX "presentation_session_programmeId_startsAt_idx" ON "presentation_session"("programmeId", "startsAt");
CREATE INDEX "presentation_session_programmeId_status_idx" ON "presentation_session"("programmeId", "status");
CREATE TABLE "new_presentation_slot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "allocationId" TEXT,
    "order" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL DEFAULT 10,
    "format" TEXT NOT NULL DEFAULT 'live',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "presentation_slot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "presentation_session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "presentation_slot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_presentation_slot" ("id", "memberId", "order", "sessionId", "startsAt") SELECT "id", "memberId", "order", "sessionId", "startsAt" FROM "presentation_slot";
DROP TABLE "presentation_slot";
ALTER TABLE "new_presentation_slot" RENAME TO "presentation_slot";
CREATE INDEX "presentation_slot_memberId_idx" ON "presentation_slot"("memberId");
CREATE UNIQUE INDEX "presentation_slot_sessionId_memberId_key" ON "presentation_slot"("sessionId", "memberId");
CREATE UNIQUE INDEX "presentation_slot_sessionId_order_key" ON "presentation_slot"("sessionId", "order");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
