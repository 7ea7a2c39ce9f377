/**
 * The undocumented pieces of Prisma that generate clients without the `prisma` CLI (whose
 * engine-download gate cannot pass here; see /work/shared/notes/prisma-offline.md).
 * Loaded through `createRequire` because their ESM builds contain imports Node rejects.
 * Every member is checked on load, so a Prisma upgrade that renames or drops one fails here
 * with a clear message instead of deep inside generation (test/unit/db/prisma-internals.test.ts).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The narrow slice of a `@prisma/internals` Generator that we drive. */
export interface PrismaGenerator {
  config: { name: string; output: { value: string } | null };
  generate(): Promise<void>;
  stop(): void;
}

export interface PrismaInternals {
  loadSchemaContext(opts: {
    schemaPath: { cliProvidedPath: string };
    printLoadMessage?: boolean;
  }): Promise<unknown>;
  getGenerators(opts: {
    schemaContext: unknown;
    registry: unknown;
    cliCommand: string;
    skipDownload: boolean;
  }): Promise<PrismaGenerator[]>;
  createDefaultRegistry(cliCommand: string): { toInternal(): unknown };
}

function requireFunction(moduleName: string, exportName: string): (...args: never[]) => unknown {
  const mod = require(moduleName) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== "function") {
    throw new Error(
      `${moduleName} no longer exports the function ${exportName} (found ${typeof fn}). ` +
        "scripts/db relies on this undocumented API: pin @prisma/* back to 7.10.0 or adapt scripts/db/prisma-internals.ts.",
    );
  }
  return fn as (...args: never[]) => unknown;
}

/** Loads and shape-checks the Prisma internals used for client generation. */
export function loadPrismaInternals(): PrismaInternals {
  return {
    loadSchemaContext: requireFunction(
      "@prisma/internals",
      "loadSchemaContext",
    ) as PrismaInternals["loadSchemaContext"],
    getGenerators: requireFunction("@prisma/internals", "getGenerators") as PrismaInternals["getGenerators"],
    createDefaultRegistry: requireFunction(
      "@prisma/client-generator-registry",
      "createDefaultRegistry",
    ) as PrismaInternals["createDefaultRegistry"],
  };
}
