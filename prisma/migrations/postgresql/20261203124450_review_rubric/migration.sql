-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "reviewRubric" JSONB;

-- CreateTable
CREATE TABLE "extension_request" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "decision" TEXT,
    "decidedByUserId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extension_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "extension_request_memberId_idx" ON "extension_request"("memberId");

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
