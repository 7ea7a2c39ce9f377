import {
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  ApplicationCommandOptionType as T,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { ATTENTION_REASONS } from "../src/domain/attention/rules.ts";
import { STAGE_ORDER } from "../src/domain/onboarding/stages.ts";
import { suggestTimeZones } from "../src/domain/programme/dates.ts";
import { TEAM_SIZE_LIMIT } from "../src/domain/team/rules.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";
import {
  attentionDone,
  attentionList,
  attentionNote,
  contactedButton,
  contactedModalRoute,
} from "./program/attention.ts";
import { programmeFunnel } from "./program/funnel.ts";
import {
  closeProgramme,
  confirmDelete,
  deleteButton,
  exportProgramme,
  exportTemplate,
  programmeStatus,
} from "./program/manage.ts";
import { setMilestone } from "./program/milestone.ts";
import { openProgramme } from "./program/open.ts";
import { programmeRoster, rosterButton } from "./program/roster.ts";
import {
  HELP_ESCALATE_MAX_HOURS,
  programmeSettings,
  SILENT_DAYS_MAX,
  SILENT_DAYS_MIN,
  SWAP_WINDOW_MAX_DAYS,
} from "./program/settings.ts";
import { addStaff, listStaff, removeStaff } from "./program/staff.ts";

/**
 * `/program`: organisers open a programme (its workspace and timeline), check on it, move a
 * milestone, name its organisers and mentors, set self-service claims and the swap window, close
 * it read-only, export its data, delete what the bot created, and export the workspace template.
 */
export const definition = {
  ...guildCommand("program"),
  options: [
    {
      type: T.Subcommand,
      name: "open",
      ...commandText("program.open"),
      options: [
        {
          type: T.String,
          name: "name",
          required: true,
          max_length: 100,
          ...commandText("program.open.name"),
        },
        {
          type: T.String,
          name: "start",
          required: true,
          max_length: 10,
          ...commandText("program.open.start"),
        },
        { type: T.String, name: "end", required: true, max_length: 10, ...commandText("program.open.end") },
        {
          type: T.String,
          name: "timezone",
          autocomplete: true,
          max_length: 64,
          ...commandText("program.open.timezone"),
        },
        {
          type: T.String,
          name: "mode",
          ...commandText("program.open.mode"),
          choices: [
            { value: "internship", ...choiceText("program.open.mode.internship") },
            { value: "hackathon", ...choiceText("program.open.mode.hackathon") },
          ],
        },
        { type: T.Attachment, name: "template", ...commandText("program.open.template") },
        {
          type: T.String,
          name: "locale",
          ...commandText("program.open.locale"),
          choices: [
            { value: "ja", ...choiceText("program.open.locale.ja") },
            { value: "en", ...choiceText("program.open.locale.en") },
          ],
        },
      ],
    },
    { type: T.Subcommand, name: "status", ...commandText("program.status") },
    {
      type: T.SubcommandGroup,
      name: "milestone",
      ...commandText("program.milestone"),
      options: [
        {
          type: T.Subcommand,
          name: "set",
          ...commandText("program.milestone.set"),
          options: [
            {
              type: T.String,
              name: "kind",
              required: true,
              ...commandText("program.milestone.set.kind"),
              choices: [
                { value: "kickoff", ...choiceText("program.milestone.set.kind.kickoff") },
                { value: "midpoint", ...choiceText("program.milestone.set.kind.midpoint") },
                {
                  value: "submission_deadline",
                  ...choiceText("program.milestone.set.kind.submission_deadline"),
                },
                { value: "presentation", ...choiceText("program.milestone.set.kind.presentation") },
                { value: "debrief", ...choiceText("program.milestone.set.kind.debrief") },
              ],
            },
            {
              type: T.String,
              name: "at",
              required: true,
              max_length: 32,
              ...commandText("program.milestone.set.at"),
            },
          ],
        },
      ],
    },
    {
      type: T.SubcommandGroup,
      name: "staff",
      ...commandText("program.staff"),
      options: [
        {
          type: T.Subcommand,
          name: "add",
          ...commandText("program.staff.add"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("program.staff.add.user") },
            {
              type: T.String,
              name: "role",
              required: true,
              ...commandText("program.staff.add.role"),
              choices: [
                { value: "mentor", ...choiceText("program.staff.add.role.mentor") },
                { value: "organiser", ...choiceText("program.staff.add.role.organiser") },
              ],
            },
          ],
        },
        {
          type: T.Subcommand,
          name: "remove",
          ...commandText("program.staff.remove"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("program.staff.remove.user") },
            {
              type: T.String,
              name: "role",
              required: true,
              ...commandText("program.staff.remove.role"),
              choices: [
                { value: "mentor", ...choiceText("program.staff.remove.role.mentor") },
                { value: "organiser", ...choiceText("program.staff.remove.role.organiser") },
              ],
            },
          ],
        },
        { type: T.Subcommand, name: "list", ...commandText("program.staff.list") },
      ],
    },
    {
      type: T.Subcommand,
      name: "settings",
      ...commandText("program.settings"),
      options: [
        { type: T.Boolean, name: "self-service", ...commandText("program.settings.self-service") },
        {
          type: T.Integer,
          name: "swap-window-days",
          min_value: 0,
          max_value: SWAP_WINDOW_MAX_DAYS,
          ...commandText("program.settings.swap-window-days"),
        },
        {
          type: T.Integer,
          name: "team-min",
          min_value: 1,
          max_value: TEAM_SIZE_LIMIT,
          ...commandText("program.settings.team-min"),
        },
        {
          type: T.Integer,
          name: "team-max",
          min_value: 1,
          max_value: TEAM_SIZE_LIMIT,
          ...commandText("program.settings.team-max"),
        },
        {
          type: T.Integer,
          name: "silent-days",
          min_value: SILENT_DAYS_MIN,
          max_value: SILENT_DAYS_MAX,
          ...commandText("program.settings.silent-days"),
        },
        {
          type: T.String,
          name: "digest-time",
          min_length: 3,
          max_length: 5,
          ...commandText("program.settings.digest-time"),
        },
        {
          type: T.String,
          name: "digest-to",
          ...commandText("program.settings.digest-to"),
          choices: [
            { value: "dm", ...choiceText("program.settings.digest-to.dm") },
            { value: "staff", ...choiceText("program.settings.digest-to.staff") },
          ],
        },
        {
          type: T.Integer,
          name: "help-escalate-hours",
          min_value: 1,
          max_value: HELP_ESCALATE_MAX_HOURS,
          ...commandText("program.settings.help-escalate-hours"),
        },
      ],
    },
    {
      type: T.SubcommandGroup,
      name: "attention",
      ...commandText("program.attention"),
      options: [
        {
          type: T.Subcommand,
          name: "list",
          ...commandText("program.attention.list"),
          options: [
            {
              type: T.String,
              name: "reason",
              ...commandText("program.attention.list.reason"),
              choices: ATTENTION_REASONS.map((value) => ({
                value,
                ...choiceText(`program.attention.list.reason.${value}`),
              })),
            },
            {
              type: T.Integer,
              name: "page",
              min_value: 1,
              max_value: 1000,
              ...commandText("program.attention.list.page"),
            },
          ],
        },
        {
          type: T.Subcommand,
          name: "note",
          ...commandText("program.attention.note"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("program.attention.note.user") },
            {
              type: T.String,
              name: "until",
              required: true,
              min_length: 8,
              max_length: 10,
              ...commandText("program.attention.note.until"),
            },
            {
              type: T.String,
              name: "text",
              required: true,
              max_length: 500,
              ...commandText("program.attention.note.text"),
            },
          ],
        },
        {
          type: T.Subcommand,
          name: "done",
          ...commandText("program.attention.done"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("program.attention.done.user") },
          ],
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "roster",
      ...commandText("program.roster"),
      options: [
        {
          type: T.String,
          name: "stage",
          ...commandText("program.roster.stage"),
          choices: STAGE_ORDER.map((stage) => ({
            value: stage,
            ...choiceText(`program.roster.stage.${stage}`),
          })),
        },
        {
          type: T.Integer,
          name: "page",
          min_value: 1,
          max_value: 500,
          ...commandText("program.roster.page"),
        },
      ],
    },
    { type: T.Subcommand, name: "close", ...commandText("program.close") },
    { type: T.Subcommand, name: "export", ...commandText("program.export") },
    { type: T.Subcommand, name: "delete", ...commandText("program.delete") },
    {
      type: T.SubcommandGroup,
      name: "template",
      ...commandText("program.template"),
      options: [{ type: T.Subcommand, name: "export", ...commandText("program.template.export") }],
    },
    { type: T.Subcommand, name: "funnel", ...commandText("program.funnel") },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = defineCommand(
  definition,
  {
    open: {
      access: "organiser",
      defer: "now",
      run: openProgramme,
      autocomplete: {
        timezone: async ({ value }) => suggestTimeZones(value).map((zone) => ({ name: zone, value: zone })),
      },
    },
    status: { access: "organiser", defer: "now", run: programmeStatus },
    milestone: { set: { access: "organiser", defer: "now", run: setMilestone } },
    staff: {
      add: { access: "organiser", run: addStaff },
      remove: { access: "organiser", run: removeStaff },
      list: { access: "organiser", run: listStaff },
    },
    settings: { access: "organiser", run: programmeSettings },
    attention: {
      // /program sits behind Manage Server, so only organisers reach it; the use-case also lets
      // mentors read (without Contacted) for a mentor-facing command.
      list: { access: ["organiser", "mentor"], defer: "now", run: attentionList },
      note: { access: "organiser", run: attentionNote },
      done: { access: "organiser", run: attentionDone },
    },
    roster: { access: ["organiser", "mentor"], run: programmeRoster },
    close: { access: "organiser", defer: "now", run: closeProgramme },
    export: { access: "organiser", defer: "now", run: exportProgramme },
    delete: { access: "organiser", run: confirmDelete },
    template: { export: { access: "organiser", run: exportTemplate } },
    funnel: { access: "organiser", run: programmeFunnel },
  },
  { components: [deleteButton, contactedButton, contactedModalRoute, rosterButton] },
);
