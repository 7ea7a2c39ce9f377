/**
 * Tripwires for the undocumented Prisma internals scripts/db and src/db depend on. If a Prisma
 * upgrade renames, drops or reshapes one of them, THIS file fails with a named culprit instead
 * of `npm install` or `npm start` failing somewhere deep. See /work/shared/notes/prisma-offline.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPrismaInternals } from "../../../scripts/db/prisma-internals.ts";
import { findProjectRoot, providerLayout } from "../../../src/db/paths.ts";
import { loadSchemaEngineRuntime } from "../../../src/db/schema-engine.ts";

function installedVersion(name: string): string {
  const manifest = readFileSync(join(findProjectRoot(), "node_modules", name, "package.json"), "utf8");
  return (JSON.parse(manifest) as { version: string }).version;
}

describe("pinned Prisma packages", () => {
  it.each([
    ["@prisma/client", "7.10.0"],
    ["@prisma/internals", "7.10.0"],
    ["@prisma/client-generator-registry", "7.10.0"],
    ["@prisma/driver-adapter-utils", "7.10.0"],
    ["@prisma/adapter-better-sqlite3", "7.10.0"],
    ["@prisma/adapter-pg", "7.10.0"],
    ["prisma", "7.10.0"],
  ])("GIVEN %s THEN it is exactly %s", (name, version) => {
    expect(installedVersion(name)).toBe(version);
  });

  it("GIVEN @prisma/schema-engine-wasm THEN it is the build @prisma/internals 7.10.0 expects", async () => {
    const runtime = await loadSchemaEngineRuntime();
    expect(runtime.version()).toBe("0edf323efd1d98336f3f0a68684b56f689b900d3");
  });
});

describe("client generation internals", () => {
  it("GIVEN @prisma/internals and the generator registry THEN the functions generate.ts drives exist", () => {
    const internals = loadPrismaInternals();
    expect(typeof internals.loadSchemaContext).toBe("function");
    expect(typeof internals.getGenerators).toBe("function");
    const registry = internals.createDefaultRegistry("generate").toInternal() as Record<string, unknown>;
    expect(Object.keys(registry)).toEqual(expect.arrayContaining(["prisma-client", "prisma-client-js"]));
  });

  it("GIVEN our schema THEN loadSchemaContext + getGenerators yield one prisma-client generator with our output, without downloading", async () => {
    const internals = loadPrismaInternals();
    const layout = providerLayout("sqlite");
    const schemaContext = await internals.loadSchemaContext({
      schemaPath: { cliProvidedPath: layout.schemaPath },
      printLoadMessage: false,
    });
    const generators = await internals.getGenerators({
      schemaContext,
      registry: internals.createDefaultRegistry("generate").toInternal(),
      cliCommand: "generate",
      skipDownload: true,
    });
    try {
      expect(generators).toHaveLength(1);
      const [generator] = generators;
      expect(typeof generator?.generate).toBe("function");
      expect(typeof generator?.stop).toBe("function");
      expect(generator?.config.output?.value).toBe(layout.generatedDir);
    } finally {
      for (const generator of generators) generator.stop();
    }
  });
});

describe("migration internals", () => {
  it("GIVEN the wasm schema engine THEN it exposes the constructor and the commands src/db and scripts/db call", async () => {
    const runtime = await loadSchemaEngineRuntime();
    expect(typeof runtime.SchemaEngine.new).toBe("function");
    const prototype = (runtime.SchemaEngine as unknown as { prototype: Record<string, unknown> }).prototype;
    for (const method of ["applyMigrations", "devDiagnostic", "createMigration", "diff", "free"]) {
      expect(typeof prototype[method], method).toBe("function");
    }
  });

  it("GIVEN the driver adapters THEN they offer what the engine needs (migration-aware binding, shadow connections)", async () => {
    const utils = (await import("@prisma/driver-adapter-utils")) as Record<string, unknown>;
    expect(typeof utils.bindMigrationAwareSqlAdapterFactory).toBe("function");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    expect(typeof PrismaBetterSqlite3.prototype.connectToShadowDb).toBe("function");
    expect(typeof PrismaPg.prototype.connectToShadowDb).toBe("function");
  });
});
