/** The assignment library as the product sees it: assignments, their immutable versions, flags. */
import type { AssignmentVersionStatus } from "../enums.ts";

export type Link = { label: string; url: string };
export type Attachment = { name: string; url: string; size?: number; contentType?: string };

/** What an import supplies for one version of an assignment. */
export interface AssignmentContent {
  titleJa: string;
  titleEn?: string | null;
  brief: string;
  skills: readonly string[];
  tags?: readonly string[];
  /** Difficulty 1–5. */
  level: number;
  estimatedHours: number;
  originRound?: string | null;
  /** Defaults to `retired`. */
  status?: AssignmentVersionStatus;
  links?: readonly Link[];
  attachments?: readonly Attachment[];
}

export interface AssignmentVersion {
  id: string;
  assignmentId: string;
  version: number;
  titleJa: string;
  titleEn: string | null;
  brief: string;
  skills: string[];
  tags: string[];
  level: number;
  estimatedHours: number;
  originRound: string | null;
  status: AssignmentVersionStatus;
  links: Link[];
  attachments: Attachment[];
  contentHash: string;
  createdAt: Date;
}

/** A library entry with its newest version. */
export interface LibraryAssignment {
  id: string;
  guildId: string;
  key: string;
  latest: AssignmentVersion;
}

/** An organiser's flags on an assignment for one programme. */
export interface ProgrammeAssignmentFlags {
  assignmentId: string;
  excluded: boolean;
  reserved: boolean;
  note: string | null;
}
