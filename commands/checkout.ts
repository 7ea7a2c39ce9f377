import { ButtonStyle, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { button, buttonRow } from "../src/discord/assignments/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { reportButtonId } from "../src/discord/operations/ids.ts";
import { reportModal } from "../src/discord/operations/render.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

/** `/checkout`: ends the open check-in and offers today's 日報. */
export const definition = {
  ...guildCommand("checkout"),
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** "Write today's 日報": the modal for the day of the click, pre-filled if written. */
const writeReportButton = defineButton(reportButtonId, {
  access: "intern",
  defer: "never",
  async run({ respond, payload, ...scope }) {
    const form = await scope.app.features.operations.reportForm(
      { programmeId: scope.programme?.id ?? null, userId: scope.userId },
      "today",
      payload.programmeId,
    );
    await respond.showModal(
      reportModal(
        scope.t,
        // A report written as private stays private when edited from here.
        {
          programmeId: form.programmeId,
          localDate: form.localDate,
          private: form.existing?.private ?? false,
        },
        form.existing,
      ),
    );
  },
});

export const command = defineCommand(
  definition,
  {
    access: "intern",
    async run({ respond, ...scope }) {
      const { checkIn, programmeId, reported } = await scope.app.features.operations.checkOut({
        programmeId: scope.programme?.id ?? null,
        userId: scope.userId,
      });
      const times = {
        from: discordTimestamp(checkIn.startedAt, "t"),
        to: discordTimestamp(checkIn.endedAt ?? checkIn.startedAt, "t"),
      };
      await respond.reply({
        content: scope.t(reported ? "checkout.doneReported" : "checkout.done", times),
        components: [
          buttonRow([
            button(
              reportButtonId.encode({ programmeId }),
              scope.t(reported ? "checkout.editReport" : "checkout.writeReport"),
              ButtonStyle.Primary,
            ),
          ]),
        ],
      });
    },
  },
  { components: [writeReportButton] },
);
