import {
  ApplicationCommandOptionType,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineModal, textInput } from "../src/discord/component.ts";
import { reportModalId } from "../src/discord/operations/ids.ts";
import { type REPORT_FIELDS, reportModal } from "../src/discord/operations/render.ts";
import { reportPoster } from "../src/discord/operations/report-poster.ts";
import { REMINDERS_OFF } from "../src/domain/operations/rules.ts";
import type { ReportAnswers } from "../src/features/operations/use-cases.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/report`: write (or edit) the 日報, pause reminders, set the reminder time. */
export const definition = {
  ...guildCommand("report"),
  options: [
    {
      type: T.Subcommand,
      name: "write",
      ...commandText("report.write"),
      options: [
        {
          type: T.String,
          name: "date",
          ...commandText("report.write.date"),
          choices: [
            { value: "today", ...choiceText("report.write.date.today") },
            { value: "yesterday", ...choiceText("report.write.date.yesterday") },
          ],
        },
        { type: T.Boolean, name: "private", ...commandText("report.write.private") },
      ],
    },
    {
      type: T.Subcommand,
      name: "pause",
      ...commandText("report.pause"),
      options: [
        {
          type: T.String,
          name: "until",
          required: true,
          min_length: 8,
          max_length: 10,
          ...commandText("report.pause.until"),
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "reminder",
      ...commandText("report.reminder"),
      options: [
        {
          type: T.String,
          name: "time",
          required: true,
          min_length: 3,
          max_length: 5,
          ...commandText("report.reminder.time"),
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function answers(interaction: ModalSubmitInteraction): ReportAnswers {
  const read = (id: (typeof REPORT_FIELDS)[number]) => textInput(interaction, id);
  return { done: read("done"), blockers: read("blockers"), next: read("next"), mood: read("mood") };
}

/** The modal was sent: save, post (or edit the post), and say where it went. */
const reportModalRoute = defineModal(reportModalId, {
  access: "intern",
  async run({ interaction, respond, payload, ...scope }) {
    const saved = await scope.app.features.operations.submitReport(
      { programmeId: scope.programme?.id ?? null, userId: scope.userId },
      { ...payload, answers: answers(interaction) },
      reportPoster(interaction.client.rest),
    );
    const date = saved.report.localDate;
    const channel = saved.channelId ? `<#${saved.channelId}>` : "";
    const lines = [
      scope.t(saved.created ? "report.saved" : "report.updated", { date }),
      saved.place === "none"
        ? scope.t("report.place.none")
        : scope.t(`report.place.${saved.place}`, { channel }),
    ];
    if (saved.moodIgnored) lines.push(scope.t("report.moodIgnored"));
    await respond.reply(lines.join("\n"));
  },
});

export const command = defineCommand(
  definition,
  {
    write: {
      access: "intern",
      defer: "never",
      async run({ respond, args, ...scope }) {
        const form = await scope.app.features.operations.reportForm(
          { programmeId: scope.programme?.id ?? null, userId: scope.userId },
          args.date ?? "today",
        );
        const private_ = args.private ?? form.existing?.private ?? false;
        await respond.showModal(
          reportModal(
            scope.t,
            { programmeId: form.programmeId, localDate: form.localDate, private: private_ },
            form.existing,
          ),
        );
      },
    },
    pause: {
      access: "intern",
      async run({ respond, args, ...scope }) {
        const { until } = await scope.app.features.operations.pause(
          { programmeId: scope.programme?.id ?? null, userId: scope.userId },
          args.until,
        );
        await respond.reply(scope.t("report.paused", { until }));
      },
    },
    reminder: {
      access: "intern",
      async run({ respond, args, ...scope }) {
        const { time, timeZone } = await scope.app.features.operations.reminder(
          { programmeId: scope.programme?.id ?? null, userId: scope.userId },
          args.time,
        );
        await respond.reply(
          time === REMINDERS_OFF
            ? scope.t("report.reminder.off")
            : scope.t("report.reminder.set", { time, timeZone }),
        );
      },
    },
  },
  { components: [reportModalRoute] },
);
