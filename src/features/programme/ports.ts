/** What the `/program` flows need from the outside world. */
import type { InternStage, Locale } from "../../domain/enums.ts";
import type { MilestoneJobs, TimelineStore } from "../../domain/programme/schedule.ts";
import type {
  DiscordResource,
  Milestone,
  NewProgramme,
  Programme,
  ProgrammeChanges,
} from "../../domain/programme/types.ts";
import type { AbstractOverwrite } from "../../domain/workspace/permissions.ts";
import type { WorkspaceItem, WorkspacePlan } from "../../domain/workspace/plan.ts";
import type { WorkspaceRole } from "../../domain/workspace/template.ts";
import type { SharedLocales } from "../../i18n/shared.ts";
import type { AuditPort, ExclusivePort } from "../ports.ts";

/** One member as `/program export` writes them (no accommodations: those stay inside the bot). */
export interface ExportedMember {
  discordUserId: string;
  displayName: string | null;
  roles: string[];
  stage: InternStage | null;
  agency: string | null;
  agencyConsent: boolean;
  joinedAt: Date;
}

/** One allocation, live or released, as `/program export` writes it. */
export interface ExportedAllocation {
  discordUserId: string;
  assignmentKey: string;
  assignmentTitle: string;
  assignmentVersion: number;
  method: string;
  allocatedAt: Date;
  releasedAt: Date | null;
  releaseReason: string | null;
}

/** One submission version as `/program export` writes it: evidence of what arrived, and when. */
export interface ExportedVersion {
  discordUserId: string;
  assignmentKey: string;
  number: number;
  submittedAt: Date;
  late: boolean;
  deadlineAt: Date | null;
  manifestHash: string;
  links: { label: string; url: string }[];
  files: { name: string; size: number; sha256: string }[];
}

/** One review (draft or published) as `/program export` writes it. */
export interface ExportedReview {
  discordUserId: string;
  assignmentKey: string;
  version: number;
  reviewerDiscordUserId: string;
  scores: Record<string, number>;
  comment: string;
  publishedAt: Date | null;
}

/** What the programme flows write in one transaction. */
export interface ProgrammeTransaction {
  create(input: NewProgramme): Promise<Programme>;
  update(programmeId: string, changes: ProgrammeChanges): Promise<Programme>;
  /** Makes the user an organiser of the programme (joining them if new). */
  addOrganiser(programmeId: string, userId: string, at: Date): Promise<void>;
  saveTemplate(programmeId: string, template: unknown): Promise<void>;
  /** Marks a milestone announced at `at` (a move forgot it). */
  markMilestoneAnnounced(milestoneId: string, at: Date): Promise<void>;
  /** Deletes the programme and everything recorded for it (the audit log keeps its entries). */
  deleteProgramme(programmeId: string): Promise<void>;
  audit: AuditPort;
}

/** The store behind the programme flows (implemented in src/db/stores/programme.ts). */
export interface ProgrammeStore extends TimelineStore {
  programme(programmeId: string): Promise<Programme | null>;
  /** The stored template JSON, or null when the programme uses the default template. */
  template(programmeId: string): Promise<unknown>;
  saveTemplate(programmeId: string, template: unknown): Promise<void>;
  discordResources(programmeId: string): Promise<DiscordResource[]>;
  saveDiscordResource(programmeId: string, resource: DiscordResource): Promise<void>;
  forgetDiscordResource(programmeId: string, key: string): Promise<void>;
  update(programmeId: string, changes: ProgrammeChanges): Promise<Programme>;
  milestones(programmeId: string): Promise<Milestone[]>;
  stageCounts(programmeId: string): Promise<Map<InternStage, number>>;
  exportMembers(programmeId: string): Promise<ExportedMember[]>;
  exportAllocations(programmeId: string): Promise<ExportedAllocation[]>;
  exportVersions(programmeId: string): Promise<ExportedVersion[]>;
  exportReviews(programmeId: string): Promise<ExportedReview[]>;
  /** The storage keys of the files the programme's submissions hold. */
  submittedBlobs(programmeId: string): Promise<string[]>;
  audit: AuditPort;
  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(work: (tx: ProgrammeTransaction) => Promise<T>): Promise<T>;
}

/** What the bot knows about the guild: which channels and roles exist, and its features. */
export interface GuildSnapshot {
  channelIds: ReadonlySet<string>;
  roleIds: ReadonlySet<string>;
  community: boolean;
}

/** What the workspace builder made: every key's Discord id and what was created this time. */
export interface BuiltWorkspace {
  ids: Map<string, string>;
  created: WorkspaceItem[];
}

/**
 * The Discord side of the workspace, for one interaction's guild (an adapter over the bot's REST
 * client in src/discord/workspace/gateway.ts). Discord errors propagate unless a method says so.
 */
export interface WorkspaceDiscord {
  snapshot(): Promise<GuildSnapshot>;
  /** Whether the message is still there (false when Discord says it is gone). */
  messageExists(channelId: string, messageId: string): Promise<boolean>;
  /** Downloads an attached template; a failed download is a `UserError`. */
  download(url: string): Promise<string>;
  /**
   * Creates what the plan lacks and refreshes the welcome message (the programme's dates and Join
   * button in each of `locales`), recording each object through `save` as soon as Discord answers.
   */
  build(input: {
    plan: WorkspacePlan;
    welcome: { programme: Programme; locales: SharedLocales };
    save(resource: DiscordResource): Promise<void>;
    onProgress(created: number): Promise<void>;
  }): Promise<BuiltWorkspace>;
  addMemberRole(userId: string, roleId: string): Promise<void>;
  /**
   * Adds to the questions forum the status tags and the template's topic tags it lacks (by name,
   * so a re-run adds nothing). Resolves with how many it added.
   */
  ensureForumTags(forumId: string, topics: readonly string[]): Promise<number>;
  /** Replaces a channel's (or category's) permission overwrites. */
  setOverwrites(
    channelId: string,
    overwrites: readonly AbstractOverwrite[],
    roles: Partial<Record<WorkspaceRole, string>>,
  ): Promise<void>;
  /** Deletes a recorded object; false when Discord says it was already gone. */
  deleteResource(resource: DiscordResource): Promise<boolean>;
}

/** The ports of the programme use-cases. */
export interface ProgrammePorts {
  store: ProgrammeStore;
  jobs: MilestoneJobs;
  /** One workspace build, repair or delete at a time per server. */
  exclusive: ExclusivePort;
  /** Removes the given submitted files nothing refers to any more (put again since `since`: kept). */
  releaseBlobs(storageKeys: readonly string[], since: Date): Promise<number>;
  /**
   * Stops the programme's recurring jobs (its daily attention digest) once it is closed or gone.
   * Never throws: with Redis down the reconciler removes them on its next pass.
   */
  endSchedules(programmeId: string): Promise<void>;
  now: () => Date;
  defaults: { locale: Locale; timeZone: string };
  /** Hours before a milestone its reminders are queued (MILESTONE_REMINDER_HOURS). */
  milestoneReminderHours: readonly number[];
}

/** Who is asking: the guild, the Discord user and the language of their reply. */
export interface ProgrammeCaller {
  guildId: string;
  userId: string;
  locale: Locale;
}
