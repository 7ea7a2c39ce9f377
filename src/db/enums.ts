/**
 * The schema's enums (values and types), for code outside src/db: command choices, zod schemas.
 * Identical for both providers; taken from the SQLite client like the `Database` type.
 */
export * from "../../prisma/generated/sqlite/enums.ts";
