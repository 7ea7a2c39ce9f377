import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../../scripts/db/derive-postgres.ts";
import {
  Constraints,
  ConstraintViolation,
  DatabaseConfigError,
  mapConstraintViolations,
  redactDatabaseUrl,
  toConstraintViolation,
} from "../../../src/db/errors.ts";
import { parseDatabaseUrl } from "../../../src/db/url.ts";

/** What Prisma 7 throws for a unique violation reported by a driver adapter. */
function prismaP2002(cause: Record<string, unknown>) {
  const adapterError = Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
  return Object.assign(new Error("Unique constraint failed"), {
    name: "PrismaClientKnownRequestError",
    code: "P2002",
    meta: { modelName: "Allocation", driverAdapterError: adapterError },
  });
}

describe("toConstraintViolation", () => {
  it("GIVEN better-sqlite3's shape (fields only) THEN the Prisma-convention index name", () => {
    const violation = toConstraintViolation(
      prismaP2002({
        kind: "UniqueConstraintViolation",
        constraint: { fields: ["programmeId", "assignmentId", "live"] },
        table: "allocation",
        originalCode: "SQLITE_CONSTRAINT_UNIQUE",
      }),
    );
    expect(violation).toBeInstanceOf(ConstraintViolation);
    expect(violation?.constraint).toBe(Constraints.allocationOneLivePerAssignment);
    expect(violation?.fields).toEqual(["programmeId", "assignmentId", "live"]);
  });

  it("GIVEN pg's shape (index name) THEN the same name, and fields recovered from it", () => {
    const violation = toConstraintViolation(
      prismaP2002({
        kind: "UniqueConstraintViolation",
        constraint: { index: "allocation_programmeId_memberId_live_key" },
        table: "allocation",
        originalCode: "23505",
      }),
    );
    expect(violation?.constraint).toBe(Constraints.allocationOneLivePerMember);
    expect(violation?.fields).toEqual(["programmeId", "memberId", "live"]);
  });

  it("GIVEN a SQLite primary-key violation THEN <table>_pkey like PostgreSQL", () => {
    const violation = toConstraintViolation({
      kind: "UniqueConstraintViolation",
      constraint: { fields: ["memberId", "role"] },
      table: "member_role",
      originalCode: "SQLITE_CONSTRAINT_PRIMARYKEY",
    });
    expect(violation?.constraint).toBe("member_role_pkey");
  });

  it("GIVEN other errors THEN undefined, and mapConstraintViolations passes them through unchanged", async () => {
    const foreignKey = prismaP2002({ kind: "ForeignKeyConstraintViolation", constraint: { fields: ["x"] } });
    expect(toConstraintViolation(foreignKey)).toBeUndefined();
    expect(toConstraintViolation(new Error("boom"))).toBeUndefined();
    expect(toConstraintViolation(null)).toBeUndefined();
    const boom = new Error("boom");
    await expect(mapConstraintViolations(() => Promise.reject(boom))).rejects.toBe(boom);
  });

  it("GIVEN every known constraint name THEN it follows <table>_<fields>_key", () => {
    for (const name of Object.values(Constraints)) expect(name).toMatch(/^[a-z_]+_[A-Za-z_]+_key$/);
  });
});

describe("parseDatabaseUrl", () => {
  it.each([
    ["file:./data/taiken.db", { provider: "sqlite", filename: "/srv/taiken/data/taiken.db" }],
    ["file:/var/lib/taiken.db", { provider: "sqlite", filename: "/var/lib/taiken.db" }],
    ["file:///var/lib/taiken.db", { provider: "sqlite", filename: "/var/lib/taiken.db" }],
    ["file::memory:", { provider: "sqlite", filename: ":memory:" }],
    ["postgresql://u:p@db:5432/taiken", { provider: "postgresql", database: "taiken" }],
    ["postgres://db/taiken?sslmode=require", { provider: "postgresql", database: "taiken" }],
  ])("GIVEN %s THEN %o", (url, expected) => {
    expect(parseDatabaseUrl(url, "/srv/taiken")).toMatchObject(expected);
  });

  it("GIVEN an unsupported URL THEN DatabaseConfigError", () => {
    expect(() => parseDatabaseUrl("sqlite://x")).toThrow(DatabaseConfigError);
  });

  it("GIVEN a URL with a password THEN redaction hides it", () => {
    expect(redactDatabaseUrl("postgresql://taiken:hunter2@db:5432/taiken")).toBe(
      "postgresql://taiken:***@db:5432/taiken",
    );
  });
});

describe("derivePostgresSchema", () => {
  const source = [
    "generator client {",
    '  provider = "prisma-client"',
    '  output   = "./generated/sqlite"',
    "}",
    "",
    "datasource db {",
    '  provider = "sqlite"',
    "}",
    "",
    "model A {",
    "  id String @id",
    '  provider String @default("sqlite")',
    "}",
  ].join("\n");

  it("GIVEN the SQLite schema THEN only the datasource provider and the generator output change", () => {
    const derived = derivePostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../generated/postgresql"');
    expect(derived).toContain('provider String @default("sqlite")');
    expect(derived.startsWith("// GENERATED")).toBe(true);
  });

  it("GIVEN a schema without the expected blocks THEN it refuses loudly", () => {
    expect(() => derivePostgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /derive-postgres/,
    );
    expect(() => derivePostgresSchema(source.replace("./generated/sqlite", "./elsewhere"))).toThrow(
      /derive-postgres/,
    );
  });
});
