-- Edited by hand after `npm run db:migrate` (same resulting schema): existing rows get tags = '[]'.
-- AlterTable
ALTER TABLE "assignment_version" ADD COLUMN     "tags" JSONB NOT NULL DEFAULT '[]',
ALTER COLUMN "skills" DROP DEFAULT,
ALTER COLUMN "links" DROP DEFAULT,
ALTER COLUMN "attachments" DROP DEFAULT;
ALTER TABLE "assignment_version" ALTER COLUMN "tags" DROP DEFAULT;

-- AlterTable
ALTER TABLE "member_profile" ALTER COLUMN "interests" DROP DEFAULT;

-- AlterTable
ALTER TABLE "submission_version" ALTER COLUMN "links" DROP DEFAULT;
