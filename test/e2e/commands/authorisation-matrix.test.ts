import "../../support/unhandled.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import type { Access, ProgrammeRole } from "../../../src/discord/access.ts";
import type { CommandModule, ResolvedCommandRoute } from "../../../src/discord/command.ts";
import type { ComponentRoute } from "../../../src/discord/component.ts";
import type { MemberRoleKind } from "../../../src/domain/enums.ts";
import { t } from "../../../src/i18n/translate.ts";
import { seedProgramme } from "../../support/programme.ts";

/**
 * Who may use what, generated from the route table: every command, subcommand, autocomplete,
 * button, select menu and modal of `commands/index.ts` × every kind of caller, through the real
 * router, the real database access policy and the local Discord. A new route is covered without a
 * test written for it, and `authorisation-matrix.md` beside this file is the table a reviewer
 * reads (a changed access or a new route changes the file, which CI compares).
 *
 * The handlers are replaced by recorders, so the matrix tests exactly the router's server-side
 * check: an allowed caller reaches the handler; a refused one is told why and never reaches it,
 * so nothing can change. (What a handler decides about records, e.g. an agency's own clients
 * only, is tested with each feature.)
 */
const PERSONAS = [
  { key: "outsider", label: "outsider", roles: [] },
  { key: "otherIntern", label: "another programme's intern", roles: [] },
  { key: "intern", label: "intern", roles: ["intern"] },
  { key: "mentor", label: "mentor", roles: ["mentor"] },
  { key: "otherAgency", label: "another agency's staff", roles: ["agency_staff"] },
  { key: "agency", label: "agency staff", roles: ["agency_staff"] },
  { key: "organiser", label: "organiser", roles: ["organiser"] },
] as const satisfies readonly { key: string; label: string; roles: readonly MemberRoleKind[] }[];
type PersonaKey = (typeof PERSONAS)[number]["key"];

/** What the route's declaration says, worked out here on its own terms (not by the router's code). */
function declaredAllows(access: Access, roles: readonly ProgrammeRole[]): boolean {
  if (access === "anyone") return true;
  if (access === "member") return roles.length > 0;
  const wanted: readonly ProgrammeRole[] = typeof access === "string" ? [access] : access;
  return wanted.some((role) => roles.includes(role));
}

const describeAccess = (access: Access) => (typeof access === "string" ? access : access.join(", "));

/** A route of the table, with how to call it. */
interface Cell {
  route: string;
  access: Access;
  call(user: ApiUser): Promise<"ran" | string>;
}

const reached = new Set<string>();
const visit = (route: string, user: { id: string }) => reached.add(`${route} ← ${user.id}`);

/** The production modules with recording handlers (and no option checks: calls carry none). */
function recording(modules: readonly CommandModule[]): CommandModule[] {
  return modules.map((module) => ({
    definition: module.definition,
    routes: new Map(
      [...module.routes].map(([path, route]): [string, ResolvedCommandRoute] => [
        path,
        {
          ...route,
          defer: "never",
          options: [],
          async run(ctx) {
            visit(`/${path}`, ctx.interaction.user);
            await ctx.respond.reply("ran");
          },
          autocomplete: Object.fromEntries(
            Object.keys(route.autocomplete).map((option) => [
              option,
              async (ctx) => {
                visit(`/${path} (${option})`, ctx.interaction.user);
                return [{ name: "ran", value: "ran" }];
              },
            ]),
          ),
        },
      ]),
    ),
    components: module.components.map(
      (component): ComponentRoute => ({
        ...component,
        defer: "never",
        decode: () => ({ ok: true, payload: {} }),
        async run(ctx) {
          visit(`${component.kind} ${component.name}`, ctx.interaction.user);
          await ctx.respond.reply("ran");
        },
      }),
    ),
  }));
}

describe("the authorisation matrix: every route × every kind of caller, as declared", () => {
  let bot: TestBot;
  let carrier: ApiMessage;
  const users = {} as Record<PersonaKey, ApiUser>;
  const refusals = new Set([
    t("en", "error.access.organiser"),
    t("en", "error.access.mentor"),
    t("en", "error.access.intern"),
    t("en", "error.access.agency"),
    t("en", "error.access.member"),
    t("en", "error.access.noProgramme"),
    t("en", "error.access.denied"),
  ]);

  beforeAll(async () => {
    bot = await startTestBot({ db: true, commands: recording(commands) });
    const db = bot.db!;
    for (const persona of PERSONAS) users[persona.key] = bot.fake.addMember({ username: persona.key }).user;
    const { programme } = await seedProgramme(db, {
      guildId: bot.fake.guild.id,
      name: "Matrix",
      status: "open",
      organiser: users.organiser.id,
    });
    const members = createMemberRepository(db);
    const join = (key: PersonaKey, role: MemberRoleKind, programmeId = programme.id) =>
      members.join({ programmeId, discordUserId: users[key].id, roles: [role] });
    await join("intern", "intern");
    await join("mentor", "mentor");
    for (const [key, name] of [
      ["agency", "Sakura Support"],
      ["otherAgency", "Hikari Works"],
    ] as const) {
      await join(key, "agency_staff");
      const agency = await db.agency.create({
        data: { guildId: bot.fake.guild.id, programmeId: programme.id, name },
      });
      await db.agencyStaff.create({ data: { agencyId: agency.id, discordUserId: users[key].id } });
    }
    const elsewhere = await seedProgramme(db, {
      guildId: "999999999999999999",
      name: "Elsewhere",
      status: "open",
    });
    await join("otherIntern", "intern", elsewhere.programme.id);
    const channel = bot.fake.channel("general")?.id ?? "";
    carrier = bot.fake.sendUserMessage({ channelId: channel, content: "components", user: users.organiser });
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
  });

  function cells(): Cell[] {
    const out: Cell[] = [];
    for (const module of commands) {
      for (const [path, route] of module.routes) {
        const [name, second, third] = path.split(" ") as [string, string?, string?];
        const where =
          third !== undefined
            ? { subcommandGroup: second, subcommand: third }
            : second
              ? { subcommand: second }
              : {};
        out.push({
          route: `/${path}`,
          access: route.access,
          async call(user) {
            const reply = await bot.fake
              .sendSlashCommand({ name, ...where, user, locale: "en-US" } as never)
              .finalReply();
            return reached.has(`/${path} ← ${user.id}`) ? "ran" : (reply.content ?? "");
          },
        });
        for (const option of Object.keys(route.autocomplete)) {
          out.push({
            route: `/${path} (${option})`,
            access: route.access,
            async call(user) {
              const choices = await bot.fake
                .autocomplete({
                  name,
                  ...where,
                  options: { [option]: "a" },
                  focused: option,
                  user,
                  locale: "en-US",
                } as never)
                .choices();
              // A refused autocomplete answers no choices (there is no room for a message).
              return reached.has(`/${path} (${option}) ← ${user.id}`) ? "ran" : `choices: ${choices.length}`;
            },
          });
        }
      }
      for (const component of module.components) {
        const customId = `${component.name}:v${component.version}:matrix`;
        const route = `${component.kind} ${component.name}`;
        out.push({
          route,
          access: component.access,
          async call(user) {
            const handle =
              component.kind === "button"
                ? bot.fake.clickButton({ message: carrier, customId, user, locale: "en-US" })
                : component.kind === "select"
                  ? bot.fake.selectMenu({
                      message: carrier,
                      customId,
                      values: ["1"],
                      componentType: 3,
                      user,
                      locale: "en-US",
                    })
                  : bot.fake.submitModal({
                      customId,
                      fields: {},
                      channelId: carrier.channel_id,
                      user,
                      locale: "en-US",
                    } as never);
            const reply = await handle.finalReply();
            return reached.has(`${route} ← ${user.id}`) ? "ran" : (reply.content ?? "");
          },
        });
      }
    }
    return out;
  }

  it("GIVEN every route and every kind of caller THEN exactly those the route declares reach it; every other call is refused with a reason and never reaches the handler", async () => {
    const table = cells();
    const lines = [
      "# Who may use what",
      "",
      "Generated by `test/e2e/commands/authorisation-matrix.test.ts` from the routes in `commands/index.ts`:",
      "✅ reaches the handler, ❌ refused by the router (server side, whatever Discord shows).",
      "Handlers narrow further by record (own project, consenting clients of one's own agency, …).",
      "",
      `| route | declared | ${PERSONAS.map((p) => p.label).join(" | ")} |`,
      `| --- | --- | ${PERSONAS.map(() => "---").join(" | ")} |`,
    ];
    const leaks: string[] = [];
    const wrongRefusals: string[] = [];
    for (const cell of table) {
      const outcomes = await Promise.all(PERSONAS.map((persona) => cell.call(users[persona.key])));
      const marks = PERSONAS.map((persona, i) => {
        const allowed = declaredAllows(cell.access, persona.roles);
        const outcome = outcomes[i] ?? "";
        if (outcome === "ran" && !allowed) leaks.push(`${cell.route} ← ${persona.label}`);
        if (outcome !== "ran" && allowed) wrongRefusals.push(`${cell.route} ← ${persona.label}: ${outcome}`);
        if (outcome !== "ran" && !cell.route.includes("(") && !refusals.has(outcome))
          wrongRefusals.push(
            `${cell.route} ← ${persona.label}: refused without an access reason: ${outcome}`,
          );
        return outcome === "ran" ? "✅" : "❌";
      });
      lines.push(`| \`${cell.route}\` | ${describeAccess(cell.access)} | ${marks.join(" | ")} |`);
    }
    lines.push(
      "",
      `${table.length} routes × ${PERSONAS.length} callers = ${table.length * PERSONAS.length} calls.`,
      "",
    );
    expect(leaks).toEqual([]);
    expect(wrongRefusals).toEqual([]);
    expect(bot.fake.violations).toEqual([]);
    // Every refusal was the router's, not a failure on the way (a refused autocomplete has no message).
    expect(bot.logs.filter((line) => line.msg === "interaction failed")).toEqual([]);
    await expect(lines.join("\n")).toMatchFileSnapshot("./authorisation-matrix.md");
  }, 240_000);
});
