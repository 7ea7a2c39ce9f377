/**
 * `npm run db:generate` (also npm's postinstall): derives the PostgreSQL schema from the SQLite
 * one, then generates both Prisma clients into prisma/generated/{sqlite,postgresql}.
 * Needs no database and no network; safe to run repeatedly.
 */
import { pathToFileURL } from "node:url";
import { DATABASE_PROVIDERS, providerLayout } from "../../src/db/paths.ts";
import { writePostgresSchema } from "./derive-postgres.ts";
import { loadPrismaInternals } from "./prisma-internals.ts";

/** Generates the client for every provider. Returns how long it took, in milliseconds. */
export async function generateClients(root?: string): Promise<number> {
  const started = performance.now();
  await writePostgresSchema(root);
  const internals = loadPrismaInternals();
  for (const provider of DATABASE_PROVIDERS) {
    const { schemaPath } = providerLayout(provider, root);
    const schemaContext = await internals.loadSchemaContext({
      schemaPath: { cliProvidedPath: schemaPath },
      printLoadMessage: false,
    });
    const generators = await internals.getGenerators({
      schemaContext,
      registry: internals.createDefaultRegistry("generate").toInternal(),
      cliCommand: "generate",
      skipDownload: true,
    });
    for (const generator of generators) {
      try {
        await generator.generate();
      } finally {
        generator.stop();
      }
    }
  }
  return performance.now() - started;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ms = await generateClients();
  console.log(`Prisma clients generated for ${DATABASE_PROVIDERS.join(" and ")} in ${Math.round(ms)} ms`);
}
