import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { SupportedLocale } from "../src/config/env.ts";
import { Constraints, ConstraintViolation } from "../src/db/errors.ts";
import {
  type Allocation,
  createAllocationRepository,
  SwapRefused,
} from "../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../src/db/repositories/assignments.ts";
import { createLibraryRepository } from "../src/db/repositories/library.ts";
import type { Member } from "../src/db/repositories/members.ts";
import type { Programme } from "../src/db/repositories/programmes.ts";
import {
  callerIntern,
  claimOptions,
  currentProgramme,
  internLocale,
  optionsMessage,
  pickButtonId,
  postBrief,
  runs,
} from "../src/discord/assignments/flows.ts";
import { claimLane } from "../src/discord/assignments/lane.ts";
import { briefMessage, titleIn, type VersionView } from "../src/discord/assignments/render.ts";
import { defineCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import type { AutocompleteChoice, Scope } from "../src/discord/route.ts";
import { claimRefusal } from "../src/domain/assignment/claim.ts";
import { swapDeadline, swapRefusal } from "../src/domain/assignment/swap.ts";
import { UserError } from "../src/features/errors.ts";
import { commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

const T = ApplicationCommandOptionType;

const preference = (name: "first" | "second" | "third", required: boolean) =>
  ({
    type: T.String,
    name,
    ...commandText(`project.preferences.${name}`),
    required,
    autocomplete: true,
    max_length: 100,
  }) as const;

/** `/project view|preferences|claim|swap`: the intern's own project. */
export const definition = {
  name: "project",
  ...commandText("project"),
  default_member_permissions: null,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    { type: T.Subcommand, name: "view", ...commandText("project.view") },
    {
      type: T.Subcommand,
      name: "preferences",
      ...commandText("project.preferences"),
      options: [preference("first", true), preference("second", false), preference("third", false)],
    },
    { type: T.Subcommand, name: "claim", ...commandText("project.claim") },
    { type: T.Subcommand, name: "swap", ...commandText("project.swap") },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Assignments an intern may name as a wish: retired, not excluded or reserved here. Matched by title or key. */
async function openAssignments(scope: Scope, programme: Programme) {
  const library = await createAssignmentRepository(scope.app.db).library(programme.guildId);
  const flags = new Map(
    (await createAssignmentRepository(scope.app.db).programmeFlags(programme.id)).map((f) => [
      f.assignmentId,
      f,
    ]),
  );
  return library.filter((a) => {
    const flag = flags.get(a.id);
    return a.latest.status === "retired" && flag?.excluded !== true && flag?.reserved !== true;
  });
}

async function suggestAssignments(scope: Scope, typed: string): Promise<AutocompleteChoice[]> {
  const programme = await currentProgramme(scope);
  const needle = typed.trim().toLowerCase();
  return (await openAssignments(scope, programme))
    .filter((a) =>
      [a.key, a.latest.titleJa, a.latest.titleEn ?? ""].some((text) => text.toLowerCase().includes(needle)),
    )
    .slice(0, 25)
    .map((a) => ({ name: titleIn(scope.locale, a.latest), value: a.id }));
}

async function liveVersion(scope: Scope, programme: Programme, member: Member) {
  const live = await createAllocationRepository(scope.app.db).liveForMember(programme.id, member.id);
  if (live === null) return null;
  const version = await createAssignmentRepository(scope.app.db).version(live.assignmentVersionId);
  return version === null ? null : { live, version };
}

async function swapSituation(scope: Scope, programme: Programme, member: Member) {
  const history = await createAllocationRepository(scope.app.db).history(member.id);
  const live = history.find((a) => a.active) ?? null;
  return {
    live,
    refusal: swapRefusal({
      liveAllocatedAt: live?.allocatedAt ?? null,
      methods: history.map((a) => a.method),
      windowDays: programme.settings.swapWindowDays,
      now: scope.app.now(),
    }),
  };
}

/** After losing a race (or picking a closed one): the next options, or "none left". */
async function offerNext(
  scope: Scope,
  programme: Programme,
  member: Member,
  lostTitle: string,
  swapFrom: string | null,
): Promise<OptionsAnswer> {
  const options = await claimOptions(scope, programme, member, scope.app.now());
  if (options.length === 0) {
    return {
      content: scope.t("project.claim.takenNoMore", { title: lostTitle }),
      embeds: [],
      components: [],
    };
  }
  return optionsMessage(scope, options, scope.t("project.claim.taken", { title: lostTitle }), swapFrom);
}

/** What an options click edits its message into when it changed nothing. */
type OptionsAnswer = { content: string; embeds: []; components: [] } | ReturnType<typeof optionsMessage>;

/**
 * A swap clicked after the intern's project changed (an organiser reassigned them since the
 * options were shown): nothing was swapped; say so, with fresh options from the new project.
 */
async function changedAnswer(
  scope: Scope,
  programme: Programme,
  member: Member,
  live: Allocation,
): Promise<OptionsAnswer> {
  const version = await createAssignmentRepository(scope.app.db).version(live.assignmentVersionId);
  const title = version === null ? "?" : titleIn(scope.locale, version);
  const options = await claimOptions(scope, programme, member, scope.app.now());
  if (options.length === 0) {
    return { content: scope.t("project.swap.changedNoneLeft", { title }), embeds: [], components: [] };
  }
  const until = swapDeadline(live.allocatedAt, programme.settings.swapWindowDays);
  if (until === null) throw swapError("swaps_off", programme);
  const header = scope.t("project.swap.changed", { title, until: discordTimestamp(until, "f") });
  return optionsMessage(scope, options, header, live.id);
}

/** What a click on an option came to. */
type Picked =
  | { kind: "answer"; message: OptionsAnswer }
  | { kind: "claimed"; content: string; programme: Programme; member: Member; allocation: Allocation }
  | { kind: "swapped"; content: string; brief: PendingBrief | null };

/** A brief to post in the intern's project thread. */
interface PendingBrief {
  target: { channelId: string | null; userId: string; locale: SupportedLocale };
  version: VersionView;
  swapUntil: Date | null;
}

/** The brief of `allocation`, ready to post (null if its version is gone). */
async function pendingBrief(
  scope: Scope,
  programme: Programme,
  member: Member,
  allocation: Allocation,
  swapUntil: Date | null,
): Promise<PendingBrief | null> {
  const version = await createAssignmentRepository(scope.app.db).version(allocation.assignmentVersionId);
  if (version === null) return null;
  return {
    target: {
      channelId: member.projectChannelId,
      userId: member.discordUserId,
      locale: await internLocale(scope, programme, member.id),
    },
    version,
    swapUntil,
  };
}

/** Posts a brief; a failure is logged, the allocation stands (and `/project view` shows it). */
async function postPending(
  ctx: Scope & { interaction: { client: Parameters<typeof postBrief>[0] } },
  brief: PendingBrief,
): Promise<void> {
  try {
    await postBrief(ctx.interaction.client, ctx.logger, brief.target, brief.version, brief.swapUntil);
  } catch (error) {
    ctx.logger.error({ err: error }, "could not post the brief in the project thread");
  }
}

/**
 * Decides a claim or swap click and makes the write: database work only (it runs in the claim
 * lane). The database settles races; the loser is offered the next options.
 */
async function pick(scope: Scope, payload: { assignmentId: string; from: string | null }): Promise<Picked> {
  const { t } = scope;
  const programme = await currentProgramme(scope);
  const member = await callerIntern(scope, programme);
  const assignment = (await createLibraryRepository(scope.app.db).view(programme.guildId)).byId.get(
    payload.assignmentId,
  );
  if (assignment === undefined) throw new UserError("assignments.show.notFound");
  const title = titleIn(scope.locale, assignment);
  const from = payload.from;

  let previousTitle: string | null = null;
  if (from !== null) {
    const situation = await swapSituation(scope, programme, member);
    if (situation.refusal !== null || situation.live === null)
      throw swapError(situation.refusal ?? "no_assignment", programme);
    if (situation.live.id !== from) {
      return { kind: "answer", message: await changedAnswer(scope, programme, member, situation.live) };
    }
    const current = await createAssignmentRepository(scope.app.db).version(
      situation.live.assignmentVersionId,
    );
    previousTitle = current ? titleIn(scope.locale, current) : null;
  } else {
    // Whether the intern already has a project is asked below, with whether the assignment is free.
    const refusal = claimRefusal({
      stage: member.stage,
      selfServiceEnabled: programme.settings.selfServiceClaimEnabled,
      hasLiveAllocation: false,
    });
    if (refusal !== null)
      throw await claimError(scope, programme, member, await withLive(scope, programme, member, refusal));
  }

  const claimability = await runs(scope).claimability({
    programmeId: programme.id,
    memberId: member.id,
    discordUserId: member.discordUserId,
    assignmentId: assignment.id,
    swapping: from !== null,
  });
  if (claimability === "caller_has_one")
    throw await claimError(scope, programme, member, "already_allocated");
  if (claimability !== "open" || assignment.status !== "retired") {
    return { kind: "answer", message: await offerNext(scope, programme, member, title, from) };
  }

  const input = {
    programmeId: programme.id,
    memberId: member.id,
    assignmentId: assignment.id,
    actorUserId: scope.userId,
    at: scope.app.now(),
  };
  let allocation: Allocation;
  try {
    allocation =
      from === null
        ? await runs(scope).claim({ ...input, assignmentVersionId: assignment.versionId })
        : (await runs(scope).swap({ ...input, fromAllocationId: from })).allocated;
  } catch (error) {
    if (
      error instanceof ConstraintViolation &&
      error.constraint === Constraints.allocationOneLivePerAssignment
    ) {
      return { kind: "answer", message: await offerNext(scope, programme, member, title, from) };
    }
    if (error instanceof ConstraintViolation && error.constraint === Constraints.allocationOneLivePerMember) {
      throw await claimError(scope, programme, member, "already_allocated");
    }
    if (error instanceof SwapRefused) {
      // Re-checked inside the transaction: the intern's other swap click (or other open swap
      // menu) won, or an organiser reassigned them a moment ago. Answered as the checks above
      // would answer now.
      const situation = await swapSituation(scope, programme, member);
      if (situation.refusal !== null || situation.live === null)
        throw swapError(situation.refusal ?? "no_assignment", programme);
      if (error.reason === "already_swapped") throw swapError(error.reason, programme);
      return { kind: "answer", message: await changedAnswer(scope, programme, member, situation.live) };
    }
    throw error;
  }
  scope.logger.info(
    { assignmentId: assignment.id, swap: from !== null },
    from === null ? "claimed" : "swapped",
  );
  if (from === null) {
    return { kind: "claimed", content: t("project.claim.done", { title }), programme, member, allocation };
  }
  return {
    kind: "swapped",
    content:
      previousTitle !== null
        ? t("project.swap.done", { from: previousTitle, to: title })
        : t("project.claim.done", { title }),
    brief: await pendingBrief(scope, programme, member, allocation, null),
  };
}

/**
 * A claim or swap option clicked. Acknowledged as it arrives (a deferred update shows nothing),
 * because in a claim rush the answer can take longer than Discord's 3 s and the acknowledgement
 * must not; the database work then waits its turn in the claim lane. A claim is answered before
 * its brief is read and posted (the brief waits its turn in the lane again), so in a rush every
 * answer comes before the briefs, which Discord's global limit spreads over many seconds.
 */
const pickButton = defineButton(pickButtonId, {
  access: "intern",
  acknowledgement: "update",
  defer: "now",
  async run(ctx) {
    const lane = claimLane(ctx.app);
    const picked = await lane.run(() => pick(ctx, ctx.payload));
    if (picked.kind === "answer") {
      await ctx.respond.update(picked.message);
      return;
    }
    if (picked.kind === "swapped") {
      // A swap is one intern's second thought, not a rush: the new brief is in the thread before
      // the answer says so.
      if (picked.brief !== null) await postPending(ctx, picked.brief);
      await ctx.respond.update({ content: picked.content, embeds: [], components: [] });
      return;
    }
    await ctx.respond.update({ content: picked.content, embeds: [], components: [] });
    const { programme, member, allocation } = picked;
    const swapUntil = swapDeadline(allocation.allocatedAt, programme.settings.swapWindowDays);
    try {
      const brief = await lane.run(() => pendingBrief(ctx, programme, member, allocation, swapUntil));
      if (brief !== null) await postPending(ctx, brief);
    } catch (error) {
      ctx.logger.error({ err: error }, "could not post the brief of a claim");
    }
  },
});

/** The options to swap to, with the swap deadline of `live`; "none left" is a refusal. */
async function swapOptions(
  scope: Scope,
  programme: Programme,
  member: Member,
  live: Pick<Allocation, "id" | "allocatedAt">,
): Promise<ReturnType<typeof optionsMessage>> {
  const options = await claimOptions(scope, programme, member, scope.app.now());
  if (options.length === 0) throw new UserError("project.swap.noneLeft");
  const until = swapDeadline(live.allocatedAt, programme.settings.swapWindowDays);
  if (until === null) throw swapError("swaps_off", programme);
  const header = scope.t("project.swap.title", { until: discordTimestamp(until, "f") });
  return optionsMessage(scope, options, header, live.id);
}

/** A "disabled" refusal becomes "already allocated" when the intern has a project anyway. */
async function withLive(
  scope: Scope,
  programme: Programme,
  member: Member,
  refusal: NonNullable<ReturnType<typeof claimRefusal>>,
): Promise<NonNullable<ReturnType<typeof claimRefusal>>> {
  if (refusal !== "disabled") return refusal;
  const live = await createAllocationRepository(scope.app.db).liveForMember(programme.id, member.id);
  return live === null ? refusal : "already_allocated";
}

function swapError(refusal: NonNullable<ReturnType<typeof swapRefusal>>, programme: Programme): UserError {
  switch (refusal) {
    case "no_assignment":
      return new UserError("project.swap.none");
    case "swaps_off":
      return new UserError("project.swap.off");
    case "already_swapped":
      return new UserError("project.swap.used");
    case "window_closed":
      return new UserError("project.swap.closed", { days: programme.settings.swapWindowDays });
  }
}

async function claimError(
  scope: Scope,
  programme: Programme,
  member: Member,
  refusal: NonNullable<ReturnType<typeof claimRefusal>>,
): Promise<UserError> {
  switch (refusal) {
    case "not_intern":
      return new UserError("project.notIntern");
    case "withdrawn":
      return new UserError("project.withdrawn");
    case "disabled":
      return new UserError("project.claim.disabled");
    case "already_allocated": {
      const current = await liveVersion(scope, programme, member);
      return new UserError("project.claim.already", {
        title: current ? titleIn(scope.locale, current.version) : "?",
      });
    }
  }
}

async function resolveWish(scope: Scope, programme: Programme, value: string) {
  const open = await openAssignments(scope, programme);
  const needle = value.trim().toLowerCase();
  const found =
    open.find((a) => a.id === value) ??
    open.find((a) => a.key.toLowerCase() === needle) ??
    open.find((a) => a.latest.titleJa.toLowerCase() === needle || a.latest.titleEn?.toLowerCase() === needle);
  if (found !== undefined) return found;
  const anywhere = await createAssignmentRepository(scope.app.db).get(value);
  if (anywhere !== null && anywhere.guildId === programme.guildId) {
    throw new UserError("project.preferences.notOpen", { title: titleIn(scope.locale, anywhere.latest) });
  }
  throw new UserError("project.preferences.unknown", { value: value.slice(0, 100) });
}

export const command = defineCommand(
  definition,
  {
    view: {
      access: "intern",
      async run(ctx) {
        const programme = await currentProgramme(ctx);
        const member = await callerIntern(ctx, programme);
        const current = await liveVersion(ctx, programme, member);
        if (current === null) {
          await ctx.respond.reply(
            ctx.t(
              programme.settings.selfServiceClaimEnabled
                ? "project.view.noneSelfService"
                : "project.view.none",
            ),
          );
          return;
        }
        const situation = await swapSituation(ctx, programme, member);
        const swapUntil =
          situation.refusal === null
            ? swapDeadline(current.live.allocatedAt, programme.settings.swapWindowDays)
            : null;
        await ctx.respond.reply(
          briefMessage(ctx.t, ctx.locale, current.version, member.discordUserId, swapUntil),
        );
      },
    },
    preferences: {
      access: "intern",
      autocomplete: {
        first: (ctx) => suggestAssignments(ctx, ctx.value),
        second: (ctx) => suggestAssignments(ctx, ctx.value),
        third: (ctx) => suggestAssignments(ctx, ctx.value),
      },
      async run(ctx) {
        const programme = await currentProgramme(ctx);
        const member = await callerIntern(ctx, programme);
        const values = [ctx.args.first, ctx.args.second, ctx.args.third].filter(
          (v): v is string => v !== undefined,
        );
        const wishes = [];
        for (const value of values) wishes.push(await resolveWish(ctx, programme, value));
        if (new Set(wishes.map((w) => w.id)).size !== wishes.length)
          throw new UserError("project.preferences.duplicate");
        await createAllocationRepository(ctx.app.db).setPreferences(
          member.id,
          wishes.map((w) => w.id),
        );
        const list = wishes.map((w, i) => `${i + 1}. ${titleIn(ctx.locale, w.latest)}`).join(" / ");
        await ctx.respond.reply(ctx.t("project.preferences.saved", { list }));
      },
    },
    claim: {
      access: "intern",
      async run(ctx) {
        // In the claim lane: on claim day everyone opens their options at about the same time.
        const message = await claimLane(ctx.app).run(async () => {
          const programme = await currentProgramme(ctx);
          const member = await callerIntern(ctx, programme);
          const live = await createAllocationRepository(ctx.app.db).liveForMember(programme.id, member.id);
          const refusal = claimRefusal({
            stage: member.stage,
            selfServiceEnabled: programme.settings.selfServiceClaimEnabled,
            hasLiveAllocation: live !== null,
          });
          if (refusal !== null) throw await claimError(ctx, programme, member, refusal);
          const options = await claimOptions(ctx, programme, member, ctx.app.now());
          if (options.length === 0) throw new UserError("project.claim.noneLeft");
          return optionsMessage(ctx, options, "", null);
        });
        await ctx.respond.reply(message);
      },
    },
    swap: {
      access: "intern",
      async run(ctx) {
        const message = await claimLane(ctx.app).run(async () => {
          const programme = await currentProgramme(ctx);
          const member = await callerIntern(ctx, programme);
          const situation = await swapSituation(ctx, programme, member);
          if (situation.refusal !== null || situation.live === null)
            throw swapError(situation.refusal ?? "no_assignment", programme);
          return swapOptions(ctx, programme, member, situation.live);
        });
        await ctx.respond.reply(message);
      },
    },
  },
  { components: [pickButton] },
);
