import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The two database providers taiken supports. */
export type DatabaseProvider = "sqlite" | "postgresql";

export const DATABASE_PROVIDERS: readonly DatabaseProvider[] = ["sqlite", "postgresql"];

/** Where one provider's schema, migrations and generated client live. */
export interface ProviderLayout {
  provider: DatabaseProvider;
  schemaPath: string;
  migrationsDir: string;
  generatedDir: string;
}

/**
 * The project root: the nearest ancestor holding `prisma/schema.prisma`. Found by walking up
 * from this file so it works both from `src/db` (tsx, vitest) and from `dist/src/db` (npm start).
 */
export function findProjectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find prisma/schema.prisma above ${from}`);
    dir = parent;
  }
}

/** The file layout for one provider under a project root. */
export function providerLayout(provider: DatabaseProvider, root: string = findProjectRoot()): ProviderLayout {
  const prismaDir = join(root, "prisma");
  return {
    provider,
    schemaPath:
      provider === "sqlite"
        ? join(prismaDir, "schema.prisma")
        : join(prismaDir, "postgresql", "schema.prisma"),
    migrationsDir: join(prismaDir, "migrations", provider),
    generatedDir: join(prismaDir, "generated", provider),
  };
}
