/** `/program funnel` (organisers): the journey funnel of every intern. */

import { funnelEmbed } from "../../src/discord/agency/render.ts";
import type { CommandContext } from "../../src/discord/command.ts";
import { programmeOf } from "../../src/discord/onboarding/flow.ts";

export async function programmeFunnel({ respond, ...scope }: CommandContext<unknown>) {
  const programme = programmeOf(scope);
  const rows = await scope.app.features.agencyViews.programmeFunnel({
    guildId: scope.guildId,
    userId: scope.userId,
    programme,
    locale: scope.locale,
  });
  await respond.reply({ embeds: [funnelEmbed(scope.t, scope.t("agency.funnel.title"), rows)] });
}
