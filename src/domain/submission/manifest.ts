/** The manifest of a version: what its receipt's hash covers. */
import { createHash } from "node:crypto";
import type { SubmissionLink } from "./types.ts";

/** What a version's manifest lists. */
export interface ManifestInput {
  /** The intern's Discord user id. */
  userId: string;
  number: number;
  submittedAt: Date;
  links: readonly SubmissionLink[];
  note: string | null;
  files: readonly { name: string; size: number; sha256: string }[];
}

/** Hex digits of the hash shown on a receipt. */
export const SHORT_HASH_LENGTH = 10;

/**
 * The canonical text of a manifest: fixed key order, items in the order given (links in option
 * order, files as attached), so the same version always gives the same text.
 */
export function manifestText(input: ManifestInput): string {
  return JSON.stringify({
    v: 1,
    user: input.userId,
    version: input.number,
    at: input.submittedAt.toISOString(),
    links: input.links.map((l) => [l.label, l.url]),
    note: input.note,
    files: input.files.map((f) => [f.name, f.size, f.sha256]),
  });
}

/** sha256 (hex) of the manifest. */
export function manifestHash(input: ManifestInput): string {
  return createHash("sha256").update(manifestText(input)).digest("hex");
}

/** The receipt's short form of a manifest hash. */
export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH_LENGTH);
}
