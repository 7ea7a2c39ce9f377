-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "workspaceTemplate" JSONB;
