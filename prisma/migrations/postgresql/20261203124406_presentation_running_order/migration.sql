-- CreateEnum
CREATE TYPE "PresentationKind" AS ENUM ('results', 'report');

-- CreateEnum
CREATE TYPE "PresentationStatus" AS ENUM ('draft', 'scheduled', 'live', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "PresentationOrderMethod" AS ENUM ('allocation', 'submission', 'random', 'manual');

-- CreateEnum
CREATE TYPE "PresentationFormat" AS ENUM ('live', 'text', 'video');

-- CreateEnum
CREATE TYPE "PresentationSlotStatus" AS ENUM ('planned', 'confirmed', 'live', 'presented', 'no_show', 'removed');

-- AlterTable
ALTER TABLE "presentation_session" ADD COLUMN     "agendaChannelId" TEXT,
ADD COLUMN     "agendaMessageId" TEXT,
ADD COLUMN     "breakEvery" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "breakMinutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "bufferMinutes" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "channelId" TEXT,
ADD COLUMN     "currentOrder" INTEGER,
ADD COLUMN     "delayMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "includeAll" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" "PresentationKind" NOT NULL DEFAULT 'results',
ADD COLUMN     "liveChannelId" TEXT,
ADD COLUMN     "liveMessageId" TEXT,
ADD COLUMN     "orderMethod" "PresentationOrderMethod" NOT NULL DEFAULT 'allocation',
ADD COLUMN     "qaMinutes" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "seed" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "status" "PresentationStatus" NOT NULL DEFAULT 'draft';

-- AlterTable
ALTER TABLE "presentation_slot" ADD COLUMN     "allocationId" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "format" "PresentationFormat" NOT NULL DEFAULT 'live',
ADD COLUMN     "minutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "status" "PresentationSlotStatus" NOT NULL DEFAULT 'planned',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "presentation_session_programmeId_status_idx" ON "presentation_session"("programmeId", "status");
