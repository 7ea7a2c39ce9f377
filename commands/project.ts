import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { Constraints, ConstraintViolation } from "../src/db/errors.ts";
import { createAllocationRepository, SwapRefused } from "../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../src/db/repositories/assignments.ts";
import { createLibraryRepository, type LibraryViewEntry } from "../src/db/repositories/library.ts";
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
import { briefMessage, titleIn } from "../src/discord/assignments/render.ts";
import { defineCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { UserError } from "../src/discord/errors.ts";
import type { AutocompleteChoice, Scope } from "../src/discord/route.ts";
import { claimRefusal } from "../src/domain/assignment/claim.ts";
import { swapDeadline, swapRefusal } from "../src/domain/assignment/swap.ts";
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

/** Whether this one assignment may go to this intern now (cheap: no whole-library load). */
async function stillOpen(
  scope: Scope,
  programme: Programme,
  member: Member,
  assignment: Pick<LibraryViewEntry, "id" | "status">,
): Promise<boolean> {
  const db = scope.app.db;
  const assignmentId = assignment.id;
  if (assignment.status !== "retired") return false;
  const flag = await db.programmeAssignment.findUnique({
    where: { programmeId_assignmentId: { programmeId: programme.id, assignmentId } },
  });
  if (flag?.excluded === true || flag?.reserved === true) return false;
  const hadBefore = await db.allocation.count({
    where: {
      assignmentId,
      programmeId: { not: programme.id },
      member: { discordUserId: member.discordUserId },
    },
  });
  return hadBefore === 0;
}

/** After losing a race (or picking a closed one): the next options, or "none left". */
async function offerNext(
  scope: Scope,
  programme: Programme,
  member: Member,
  lostTitle: string,
  swap: boolean,
): Promise<{ content: string; embeds?: []; components?: [] } | ReturnType<typeof optionsMessage>> {
  const options = await claimOptions(scope, programme, member, scope.app.now());
  if (options.length === 0) {
    return {
      content: scope.t("project.claim.takenNoMore", { title: lostTitle }),
      embeds: [],
      components: [],
    };
  }
  return optionsMessage(scope, options, scope.t("project.claim.taken", { title: lostTitle }), swap);
}

/** Posts the brief of a claim already answered; a failure is logged, the claim stands. */
async function postClaimedBrief(
  ctx: Scope & { interaction: { client: Parameters<typeof postBrief>[0] } },
  programme: Programme,
  member: Member,
  allocation: { assignmentVersionId: string; allocatedAt: Date },
): Promise<void> {
  try {
    const version = await createAssignmentRepository(ctx.app.db).version(allocation.assignmentVersionId);
    if (version === null) return;
    await postBrief(
      ctx.interaction.client,
      ctx.logger,
      {
        channelId: member.projectChannelId,
        userId: member.discordUserId,
        locale: await internLocale(ctx, programme, member.id),
      },
      version,
      swapDeadline(allocation.allocatedAt, programme.settings.swapWindowDays),
    );
  } catch (error) {
    ctx.logger.error({ err: error }, "could not post the brief of a claim");
  }
}

/**
 * A claim or swap option clicked. The database settles races; the loser is offered the next
 * options in the same answer. A claim is answered before its brief is posted, so a rush of clicks
 * is answered by the interaction callbacks themselves rather than queueing behind the briefs for
 * the REST client's global limit.
 */
const pickButton = defineButton(pickButtonId, {
  access: "intern",
  acknowledgement: "update",
  async run(ctx) {
    const { payload, t, respond } = ctx;
    const programme = await currentProgramme(ctx);
    const member = await callerIntern(ctx, programme);
    const assignment = (await createLibraryRepository(ctx.app.db).view(programme.guildId)).byId.get(
      payload.assignmentId,
    );
    if (assignment === undefined) throw new UserError("assignments.show.notFound");
    const title = titleIn(ctx.locale, assignment);
    const now = ctx.app.now();

    let previousTitle: string | null = null;
    if (payload.swap) {
      const situation = await swapSituation(ctx, programme, member);
      if (situation.refusal !== null) throw swapError(situation.refusal, programme);
      const current =
        situation.live &&
        (await createAssignmentRepository(ctx.app.db).version(situation.live.assignmentVersionId));
      previousTitle = current ? titleIn(ctx.locale, current) : null;
    } else {
      // Whether the intern already has a project is left to the database (one live allocation
      // per intern) except where the answer depends on it before any claim is tried.
      const refusal = claimRefusal({
        stage: member.stage,
        selfServiceEnabled: programme.settings.selfServiceClaimEnabled,
        hasLiveAllocation: false,
      });
      if (refusal !== null)
        throw await claimError(ctx, programme, member, await withLive(ctx, programme, member, refusal));
    }

    if (!(await stillOpen(ctx, programme, member, assignment))) {
      if (!payload.swap) {
        const live = await createAllocationRepository(ctx.app.db).liveForMember(programme.id, member.id);
        if (live !== null) throw await claimError(ctx, programme, member, "already_allocated");
      }
      await respond.update(await offerNext(ctx, programme, member, title, payload.swap));
      return;
    }
    let allocation: Awaited<ReturnType<ReturnType<typeof runs>["claim"]>>;
    try {
      const input = {
        programmeId: programme.id,
        memberId: member.id,
        assignmentId: assignment.id,
        actorUserId: ctx.userId,
        at: now,
      };
      allocation = payload.swap ? (await runs(ctx).swap(input)).allocated : await runs(ctx).claim(input);
    } catch (error) {
      if (
        error instanceof ConstraintViolation &&
        error.constraint === Constraints.allocationOneLivePerAssignment
      ) {
        await respond.update(await offerNext(ctx, programme, member, title, payload.swap));
        return;
      }
      if (
        error instanceof ConstraintViolation &&
        error.constraint === Constraints.allocationOneLivePerMember
      ) {
        throw await claimError(ctx, programme, member, "already_allocated");
      }
      if (error instanceof SwapRefused) {
        // The one-swap rule, re-checked inside the transaction: e.g. the intern's other swap
        // click (or other open swap menu) won. Answered as the pre-check would answer now.
        const situation = await swapSituation(ctx, programme, member);
        const refusal = situation.refusal ?? (error.reason === "allocation_changed" ? null : error.reason);
        if (refusal !== null) throw swapError(refusal, programme);
        // Their project changed under them and a swap is still allowed: offer it afresh.
        await respond.update(await swapOptions(ctx, programme, member, situation.live));
        return;
      }
      throw error;
    }
    ctx.logger.info(
      { assignmentId: assignment.id, swap: payload.swap },
      payload.swap ? "swapped" : "claimed",
    );
    if (!payload.swap) {
      await respond.update({ content: t("project.claim.done", { title }), embeds: [], components: [] });
      await postClaimedBrief(ctx, programme, member, allocation);
      return;
    }
    // A swap is one intern's second thought, not a rush: the new brief is in the thread before
    // the answer says so.
    const version = await createAssignmentRepository(ctx.app.db).version(allocation.assignmentVersionId);
    if (version !== null) {
      await postBrief(
        ctx.interaction.client,
        ctx.logger,
        {
          channelId: member.projectChannelId,
          userId: member.discordUserId,
          locale: await internLocale(ctx, programme, member.id),
        },
        version,
        null,
      );
    }
    const content =
      previousTitle !== null
        ? t("project.swap.done", { from: previousTitle, to: title })
        : t("project.claim.done", { title });
    await respond.update({ content, embeds: [], components: [] });
  },
});

/** The options to swap to, with the swap deadline of `live`; "none left" is a refusal. */
async function swapOptions(
  scope: Scope,
  programme: Programme,
  member: Member,
  live: { allocatedAt: Date } | null,
): Promise<ReturnType<typeof optionsMessage>> {
  if (live === null) throw swapError("no_assignment", programme);
  const options = await claimOptions(scope, programme, member, scope.app.now());
  if (options.length === 0) throw new UserError("project.swap.noneLeft");
  const until = swapDeadline(live.allocatedAt, programme.settings.swapWindowDays);
  const header = scope.t("project.swap.title", { until: discordTimestamp(until, "f") });
  return optionsMessage(scope, options, header, true);
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
        await ctx.respond.reply(optionsMessage(ctx, options, "", false));
      },
    },
    swap: {
      access: "intern",
      async run(ctx) {
        const programme = await currentProgramme(ctx);
        const member = await callerIntern(ctx, programme);
        const situation = await swapSituation(ctx, programme, member);
        if (situation.refusal !== null || situation.live === null)
          throw swapError(situation.refusal ?? "no_assignment", programme);
        await ctx.respond.reply(await swapOptions(ctx, programme, member, situation.live));
      },
    },
  },
  { components: [pickButton] },
);
