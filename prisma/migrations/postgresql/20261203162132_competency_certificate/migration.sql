-- CreateTable
CREATE TABLE "competency_sheet" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "phase" "AssessmentPhase" NOT NULL,
    "assessor" "AssessorKind" NOT NULL,
    "assessedById" TEXT,
    "comment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "competency_sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "competency_sheet_assessedById_idx" ON "competency_sheet"("assessedById");

-- CreateIndex
CREATE UNIQUE INDEX "competency_sheet_memberId_phase_assessor_key" ON "competency_sheet"("memberId", "phase", "assessor");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_serial_key" ON "certificate"("serial");

-- CreateIndex
CREATE INDEX "certificate_memberId_idx" ON "certificate"("memberId");

-- AddForeignKey
ALTER TABLE "competency_sheet" ADD CONSTRAINT "competency_sheet_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_sheet" ADD CONSTRAINT "competency_sheet_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
