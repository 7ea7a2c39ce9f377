/**
 * `npm run db:generate` (also npm's postinstall): derives the PostgreSQL schema from the SQLite
 * one, then generates both Prisma clients into prisma/generated/{sqlite,postgresql}.
 * Needs no database and no network; safe to run repeatedly.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DATABASE_PROVIDERS, type DatabaseProvider, providerLayout } from "../../src/db/paths.ts";
import { answerHelp } from "../help.ts";
import { writePostgresSchema } from "./derive-postgres.ts";
import { loadPrismaInternals } from "./prisma-internals.ts";

const STAMP = ".taiken-generated";

/** What the generated client depends on: the schema text and the exact Prisma version. */
async function fingerprint(provider: DatabaseProvider, root?: string): Promise<string> {
  const { version } = createRequire(import.meta.url)("@prisma/client/package.json") as { version: string };
  const schema = await readFile(providerLayout(provider, root).schemaPath, "utf8");
  return createHash("sha256").update(`${version}\n${schema}`).digest("hex");
}

/**
 * Generates the client for every provider whose schema (or Prisma version) changed since the
 * last run, or all of them with `force`. Returns the providers it regenerated.
 */
export async function generateClients(
  options: { root?: string; force?: boolean } = {},
): Promise<DatabaseProvider[]> {
  await writePostgresSchema(options.root);
  let internals: ReturnType<typeof loadPrismaInternals> | undefined;
  const regenerated: DatabaseProvider[] = [];
  for (const provider of DATABASE_PROVIDERS) {
    const { schemaPath, generatedDir } = providerLayout(provider, options.root);
    const stampPath = join(generatedDir, STAMP);
    const expected = await fingerprint(provider, options.root);
    const current = await readFile(stampPath, "utf8").catch(() => null);
    const complete = await readFile(join(generatedDir, "client.ts"), "utf8").then(
      () => true,
      () => false,
    );
    if (!options.force && complete && current === expected) continue;
    internals ??= loadPrismaInternals(); // slow to load: only when something must be generated
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
    await writeFile(stampPath, expected);
    regenerated.push(provider);
  }
  return regenerated;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  answerHelp(`usage: npm run db:generate [-- --force]

Generates the Prisma clients for SQLite and PostgreSQL into prisma/generated/ (npm install runs
it). A client whose schema has not changed since it was generated is kept.
--force   generate both again.`);
  const started = performance.now();
  const regenerated = await generateClients({ force: process.argv.includes("--force") });
  const took = `${Math.round(performance.now() - started)} ms`;
  console.log(
    regenerated.length === 0
      ? `Prisma clients up to date (${took}; --force regenerates)`
      : `Prisma clients generated for ${regenerated.join(" and ")} in ${took}`,
  );
}
