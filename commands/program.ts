import {
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  ApplicationCommandOptionType as T,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { suggestTimeZones } from "../src/domain/programme/dates.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";
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
import { HELP_ESCALATE_MAX_HOURS, programmeSettings, SWAP_WINDOW_MAX_DAYS } from "./program/settings.ts";
import { addStaff, listStaff, removeStaff } from "./program/staff.ts";

/**
 * `/program`: organisers open a programme (its workspace and timeline), check on it, move a
 * milestone, name its organisers and mentors, set self-service claims and the swap window, close
 * it read-only, export its data, delete what the bot created, and export the workspace template.
 */
export const definition = {
  ...guildCommand("program", "manageGuild"),
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
          name: "help-escalate-hours",
          min_value: 1,
          max_value: HELP_ESCALATE_MAX_HOURS,
          ...commandText("program.settings.help-escalate-hours"),
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
    close: { access: "organiser", defer: "now", run: closeProgramme },
    export: { access: "organiser", defer: "now", run: exportProgramme },
    delete: { access: "organiser", run: confirmDelete },
    template: { export: { access: "organiser", run: exportTemplate } },
  },
  { components: [deleteButton] },
);
