/** `/program status | close | export | delete | template export`: the programme once it is open. */
import type { DiscordResourceKind, InternStage } from "../../domain/enums.ts";
import { toCsv } from "../../domain/export/csv.ts";
import {
  type AnnouncementState,
  announcementState,
  cancelTimeline,
} from "../../domain/programme/schedule.ts";
import type { Milestone, Programme } from "../../domain/programme/types.ts";
import { overwritesFor } from "../../domain/workspace/permissions.ts";
import { templateToYaml, type WorkspaceRole } from "../../domain/workspace/template.ts";
import { sharedLocales } from "../../i18n/shared.ts";
import { UserError } from "../errors.ts";
import { ExclusiveKeys, exclusively } from "../ports.ts";
import type { ProgrammeCaller, ProgrammePorts, WorkspaceDiscord } from "./ports.ts";
import { programmeTemplate, workspaceState } from "./workspace.ts";

/** The caller of an organiser flow: the server's current programme (null: none). */
export interface ManageCaller extends ProgrammeCaller {
  programmeId: string | null;
}

/** What `/program status` shows. */
export interface ProgrammeStatusView {
  programme: Programme;
  milestones: Array<Milestone & { announcement: AnnouncementState }>;
  /** Workspace objects present, of `total`; the keys of those missing. */
  present: number;
  total: number;
  missing: string[];
  stages: Map<InternStage, number>;
}

/** A file of `/program export`. */
export interface ExportFile {
  name: string;
  content: string;
}

export interface Exported {
  programme: Programme;
  members: number;
  allocations: number;
  milestones: number;
  files: ExportFile[];
}

/** Deletion order: threads, messages and channels before their categories, roles last. */
const DELETE_ORDER: readonly DiscordResourceKind[] = [
  "scheduled_event",
  "webhook",
  "thread",
  "message",
  "text_channel",
  "announcement_channel",
  "forum_channel",
  "voice_channel",
  "stage_channel",
  "category",
  "role",
];

const iso = (d: Date | null) => (d ? d.toISOString() : "");

export function manageUseCases(ports: ProgrammePorts) {
  const { store } = ports;

  async function programmeOf(programmeId: string | null): Promise<Programme> {
    const programme = programmeId === null ? null : await store.programme(programmeId);
    if (!programme) throw new UserError("error.access.noProgramme");
    return programme;
  }

  async function stateOf(programme: Programme, discord: WorkspaceDiscord) {
    const template = await programmeTemplate(store, programme.id);
    const snapshot = await discord.snapshot();
    return workspaceState(
      { store, discord },
      {
        programmeId: programme.id,
        template,
        locales: sharedLocales(programme, ports.defaults.locale),
        snapshot,
      },
    );
  }

  return {
    /** Dates, milestones, workspace health and interns per stage. */
    async status(caller: ManageCaller, discord: WorkspaceDiscord): Promise<ProgrammeStatusView> {
      const programme = await programmeOf(caller.programmeId);
      const state = await stateOf(programme, discord);
      const [milestones, stages] = await Promise.all([
        store.milestones(programme.id),
        store.stageCounts(programme.id),
      ]);
      return {
        programme,
        milestones: milestones.map((m) => ({ ...m, announcement: announcementState(m, ports.now()) })),
        present: state.plan.present.length,
        total: state.items.length,
        missing: state.plan.missing.map((i) => i.key),
        stages,
      };
    },

    /**
     * Every category and channel the bot created becomes read-only for interns and agency
     * observers (their overwrites, one edit per channel); nothing is deleted. Returns how many
     * channels were edited.
     */
    async close(
      caller: ManageCaller,
      discord: WorkspaceDiscord,
    ): Promise<{ programme: Programme; channels: number }> {
      const programme = await programmeOf(caller.programmeId);
      if (programme.status === "closed" || programme.status === "archived")
        throw new UserError("program.close.notOpen");
      const state = await stateOf(programme, discord);
      const roles: Partial<Record<WorkspaceRole, string>> = {};
      for (const { item, discordId } of state.plan.present)
        if (item.kind === "role") roles[item.role] = discordId;
      let channels = 0;
      for (const { item, discordId } of state.plan.present) {
        if (item.kind !== "category" && item.kind !== "channel") continue;
        await discord.setOverwrites(discordId, overwritesFor(item.access, { archived: true }), roles);
        channels += 1;
      }
      await store.transaction(async (tx) => {
        await tx.update(programme.id, { status: "closed" });
        await tx.audit.record({
          guildId: caller.guildId,
          programmeId: programme.id,
          actorUserId: caller.userId,
          action: "programme.close",
          target: `programme:${programme.id}`,
          data: { channels },
          at: ports.now(),
        });
      });
      await ports.endSchedules(programme.id);
      return { programme, channels };
    },

    /**
     * The programme's data as one JSON file and CSV files (members, allocations, milestones,
     * submission versions with their files' sha256, reviews), audited.
     */
    async export(caller: ManageCaller): Promise<Exported> {
      const programme = await programmeOf(caller.programmeId);
      const [members, allocations, milestones, stages, versions, reviews] = await Promise.all([
        store.exportMembers(programme.id),
        store.exportAllocations(programme.id),
        store.milestones(programme.id),
        store.stageCounts(programme.id),
        store.exportVersions(programme.id),
        store.exportReviews(programme.id),
      ]);
      const data = {
        programme: {
          id: programme.id,
          name: programme.name,
          mode: programme.mode,
          status: programme.status,
          startsAt: programme.startsAt.toISOString(),
          endsAt: programme.endsAt.toISOString(),
          timeZone: programme.timeZone,
        },
        stages: Object.fromEntries(stages),
        members,
        allocations,
        milestones: milestones.map((m) => ({
          kind: m.kind,
          title: m.title,
          at: m.at,
          announcedAt: m.announcedAt,
        })),
        submissions: versions,
        reviews,
      };
      const files: ExportFile[] = [
        { name: "programme.json", content: JSON.stringify(data, null, 2) },
        {
          name: "members.csv",
          content: toCsv(
            members.map((m) => ({
              discord_user_id: m.discordUserId,
              display_name: m.displayName ?? "",
              roles: m.roles.join(" "),
              stage: m.stage ?? "",
              agency: m.agency ?? "",
              agency_consent: m.agencyConsent,
              joined_at: iso(m.joinedAt),
            })),
            ["discord_user_id", "display_name", "roles", "stage", "agency", "agency_consent", "joined_at"],
          ),
        },
        {
          name: "allocations.csv",
          content: toCsv(
            allocations.map((a) => ({
              discord_user_id: a.discordUserId,
              assignment_key: a.assignmentKey,
              assignment_title: a.assignmentTitle,
              assignment_version: a.assignmentVersion,
              method: a.method,
              allocated_at: iso(a.allocatedAt),
              released_at: iso(a.releasedAt),
              release_reason: a.releaseReason ?? "",
            })),
            [
              "discord_user_id",
              "assignment_key",
              "assignment_title",
              "assignment_version",
              "method",
              "allocated_at",
              "released_at",
              "release_reason",
            ],
          ),
        },
        {
          name: "milestones.csv",
          content: toCsv(
            milestones.map((m) => ({
              kind: m.kind,
              title: m.title,
              at: iso(m.at),
              announced_at: iso(m.announcedAt),
            })),
            ["kind", "title", "at", "announced_at"],
          ),
        },
        {
          name: "submissions.csv",
          content: toCsv(
            versions.map((v) => ({
              discord_user_id: v.discordUserId,
              assignment_key: v.assignmentKey,
              version: v.number,
              submitted_at: iso(v.submittedAt),
              late: v.late,
              deadline_at: iso(v.deadlineAt),
              manifest_hash: v.manifestHash,
              links: v.links.map((l) => `${l.label}: ${l.url}`).join(" | "),
              files: v.files.map((f) => `${f.name} (${f.size} bytes, sha256 ${f.sha256})`).join(" | "),
            })),
            [
              "discord_user_id",
              "assignment_key",
              "version",
              "submitted_at",
              "late",
              "deadline_at",
              "manifest_hash",
              "links",
              "files",
            ],
          ),
        },
        {
          name: "reviews.csv",
          content: toCsv(
            reviews.map((r) => ({
              discord_user_id: r.discordUserId,
              assignment_key: r.assignmentKey,
              version: r.version,
              reviewer_discord_user_id: r.reviewerDiscordUserId,
              scores: Object.entries(r.scores)
                .map(([key, score]) => `${key}=${score}`)
                .join(" "),
              comment: r.comment,
              published_at: iso(r.publishedAt),
            })),
            [
              "discord_user_id",
              "assignment_key",
              "version",
              "reviewer_discord_user_id",
              "scores",
              "comment",
              "published_at",
            ],
          ),
        },
      ];
      await store.audit.record({
        guildId: caller.guildId,
        programmeId: programme.id,
        actorUserId: caller.userId,
        action: "programme.export",
        target: `programme:${programme.id}`,
        at: ports.now(),
      });
      return {
        programme,
        members: members.length,
        allocations: allocations.length,
        milestones: milestones.length,
        files,
      };
    },

    /** The template in use, as YAML. */
    async exportTemplate(caller: ManageCaller): Promise<string> {
      const programme = await programmeOf(caller.programmeId);
      return templateToYaml(await programmeTemplate(store, programme.id));
    },

    /** What `/program delete` asks to confirm: the programme and how many objects would go. */
    async deletion(caller: ManageCaller): Promise<{ programme: Programme; count: number }> {
      const programme = await programmeOf(caller.programmeId);
      return { programme, count: (await store.discordResources(programme.id)).length };
    },

    /**
     * The confirmed delete of `programmeId`: the pending jobs, exactly the recorded Discord
     * objects, then the programme with its audit entry. `gone` when the server's programme is no
     * longer the one confirmed.
     */
    delete(
      caller: ManageCaller,
      programmeId: string,
      discord: WorkspaceDiscord,
    ): Promise<{ kind: "gone" } | { kind: "deleted"; name: string; deleted: number }> {
      // Not while /program open builds (it would save objects the delete no longer sees) or
      // another delete runs (both would delete, and audit, the same objects).
      return exclusively(ports.exclusive, ExclusiveKeys.workspace(caller.guildId), () =>
        deleteNow(caller, programmeId, discord),
      );
    },
  };

  async function deleteNow(
    caller: ManageCaller,
    programmeId: string,
    discord: WorkspaceDiscord,
  ): Promise<{ kind: "gone" } | { kind: "deleted"; name: string; deleted: number }> {
    if (caller.programmeId !== programmeId) return { kind: "gone" };
    const programme = await store.programme(programmeId);
    if (!programme) return { kind: "gone" };
    const startedAt = ports.now();
    await cancelTimeline(
      { store, jobs: ports.jobs, reminderHours: ports.milestoneReminderHours },
      programme.id,
    );
    const blobs = await store.submittedBlobs(programme.id);
    const resources = await store.discordResources(programme.id);
    const ordered = [...resources].sort(
      (a, b) => DELETE_ORDER.indexOf(a.kind) - DELETE_ORDER.indexOf(b.kind),
    );
    let deleted = 0;
    for (const resource of ordered) {
      // A message goes with its channel.
      if (resource.kind !== "message" && (await discord.deleteResource(resource))) deleted += 1;
      await store.forgetDiscordResource(programme.id, resource.key);
    }
    await store.transaction(async (tx) => {
      await tx.audit.record({
        guildId: caller.guildId,
        programmeId: programme.id,
        actorUserId: caller.userId,
        action: "programme.delete",
        target: `programme:${programme.id}`,
        data: { name: programme.name, deleted },
        at: ports.now(),
      });
      await tx.deleteProgramme(programme.id);
    });
    // After the commit: a failed delete keeps every file its versions point at.
    await ports.releaseBlobs(blobs, startedAt);
    await ports.endSchedules(programme.id);
    return { kind: "deleted", name: programme.name, deleted };
  }
}
