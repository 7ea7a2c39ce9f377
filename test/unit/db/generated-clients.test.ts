import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { providerLayout } from "../../../src/db/paths.ts";

const require = createRequire(import.meta.url);

/** The datamodel part of Prisma's DMMF for a schema file (through @prisma/internals' wasm getDMMF). */
async function datamodel(schemaPath: string): Promise<unknown> {
  const { getDMMF } = require("@prisma/internals") as {
    getDMMF(options: { datamodel: string }): Promise<{ datamodel: unknown }>;
  };
  return (await getDMMF({ datamodel: await readFile(schemaPath, "utf8") })).datamodel;
}

describe("the two generated clients", () => {
  it("GIVEN the SQLite schema and the derived PostgreSQL schema THEN their data models are identical", async () => {
    const sqlite = await datamodel(providerLayout("sqlite").schemaPath);
    const postgres = await datamodel(providerLayout("postgresql").schemaPath);
    expect(postgres).toEqual(sqlite);
  });

  it("GIVEN the generated clients THEN both exist and export the same models", async () => {
    const names = async (provider: "sqlite" | "postgresql") => {
      const source = await readFile(`${providerLayout(provider).generatedDir}/client.ts`, "utf8");
      return [...source.matchAll(/^export type (\w+) = Prisma\.\w+Model$/gm)].map((m) => m[1]);
    };
    const sqlite = await names("sqlite");
    expect(sqlite.length).toBeGreaterThan(20);
    expect(await names("postgresql")).toEqual(sqlite);
  });
});
