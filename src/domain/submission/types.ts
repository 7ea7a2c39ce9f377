/** Submissions: versioned hand-ins, their files, and the per-programme settings that govern them. */
import { z } from "zod";
import type { ExtensionSource } from "../enums.ts";

/** The link options of `/submit`, in the order the receipt lists them. */
export const LINK_LABELS = ["repository", "demo", "slides", "link"] as const;
export type LinkLabel = (typeof LINK_LABELS)[number];

export interface SubmissionLink {
  label: LinkLabel;
  url: string;
}

/** A file of a version as stored: content-addressed, so several versions may share a blob. */
export interface SubmissionFileRecord {
  name: string;
  /** Bytes. */
  size: number;
  contentType: string | null;
  sha256: string;
  storageKey: string;
  /** The (expiring) Discord URL it came from; kept for the record only. */
  url: string;
}

/** One version of an intern's submission. */
export interface SubmissionVersionRecord {
  id: string;
  number: number;
  submittedAt: Date;
  links: SubmissionLink[];
  note: string | null;
  files: SubmissionFileRecord[];
  manifestHash: string;
  late: boolean;
  /** The effective deadline it was judged against; null when the programme had none. */
  deadlineAt: Date | null;
}

/** A person's own deadline, replacing the programme's. */
export interface SubmissionExtension {
  until: Date;
  /** Organisers and mentors only; never shown to agency staff. */
  reason: string | null;
  source: ExtensionSource;
  grantedByUserId: string | null;
}

/** What organisers may tune per programme (`Programme.submissionSettings`; NULL means these defaults). */
export interface SubmissionSettings {
  /** Hours before a person's effective deadline at which those with nothing submitted are reminded. */
  reminderOffsetsHours: number[];
  /** The largest file accepted, in MB (Discord's own cap for bots is 25 MB). */
  maxFileMb: number;
  /** File extensions accepted, lower case without the dot. */
  allowedTypes: string[];
  /** Extra hours interns with the extended-deadlines accommodation get automatically. */
  accommodationExtensionHours: number;
}

/** Every file type taiken can recognise by its content (see `files.ts`). */
export const KNOWN_FILE_TYPES = [
  "pdf",
  "zip",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "mp4",
  "pptx",
  "docx",
  "xlsx",
  "txt",
  "md",
  "csv",
  "json",
] as const;

export const DEFAULT_SUBMISSION_SETTINGS: SubmissionSettings = {
  reminderOffsetsHours: [72, 24, 3],
  maxFileMb: 25,
  allowedTypes: [...KNOWN_FILE_TYPES],
  accommodationExtensionHours: 48,
};

/** The only reminder a person with the fewer-notifications accommodation gets. */
export const FEWER_NOTIFICATIONS_OFFSET_HOURS = 24;

const settingsSchema = z
  .object({
    reminderOffsetsHours: z
      .array(
        z
          .number()
          .int()
          .min(1)
          .max(24 * 14),
      )
      .max(6),
    maxFileMb: z.number().int().min(1).max(25),
    allowedTypes: z.array(z.enum(KNOWN_FILE_TYPES)).min(1),
    accommodationExtensionHours: z.number().int().min(0).max(168),
  })
  .partial();

/**
 * The settings stored for a programme, with defaults for whatever is missing. A stored value that
 * no longer parses (an older shape) falls back to the defaults rather than blocking submissions.
 */
export function submissionSettingsFrom(stored: unknown): SubmissionSettings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  const given = parsed.success ? parsed.data : {};
  return {
    reminderOffsetsHours: given.reminderOffsetsHours ?? DEFAULT_SUBMISSION_SETTINGS.reminderOffsetsHours,
    maxFileMb: given.maxFileMb ?? DEFAULT_SUBMISSION_SETTINGS.maxFileMb,
    allowedTypes: given.allowedTypes ?? DEFAULT_SUBMISSION_SETTINGS.allowedTypes,
    accommodationExtensionHours:
      given.accommodationExtensionHours ?? DEFAULT_SUBMISSION_SETTINGS.accommodationExtensionHours,
  };
}
