/**
 * A fingerprint of everything a batch allocation depends on, stored with a preview so that
 * confirming applies exactly what was shown, or nothing if the situation has changed since.
 */
import { createHash } from "node:crypto";
import type {
  AllocationAssignment,
  AllocationIntern,
  ExistingAllocation,
  PastAllocation,
} from "../allocation/types.ts";

/** The inputs of a preview, with each assignment's version (a re-import changes it). */
export interface FingerprintInput {
  readonly interns: readonly AllocationIntern[];
  readonly assignments: readonly (AllocationAssignment & { readonly versionId: string })[];
  readonly existing: readonly ExistingAllocation[];
  readonly history: readonly PastAllocation[];
}

/** sha256 over the inputs in a canonical order: equal inputs, equal fingerprints. */
export function allocationFingerprint(input: FingerprintInput): string {
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const canonical = {
    interns: byId(input.interns).map((i) => [
      i.id,
      i.discordUserId,
      [...i.skills].map((s) => `${s.name}:${s.level}`).sort(),
      [...i.interests].sort(),
      i.hoursPerWeek,
      i.preferences.slice(0, 3),
    ]),
    assignments: byId(input.assignments).map((a) => [
      a.id,
      a.versionId,
      a.status,
      a.excluded ?? false,
      a.reserved ?? false,
    ]),
    existing: input.existing.map((e) => `${e.internId}:${e.assignmentId}`).sort(),
    history: input.history.map((h) => `${h.discordUserId}:${h.assignmentId}`).sort(),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
