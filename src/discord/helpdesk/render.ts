/** The `/ask` modal, the posted question, the staff queue's cards and their buttons. */
import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { QUESTION_MAX, TITLE_MAX } from "../../domain/helpdesk/rules.ts";
import type { QuestionPost } from "../../features/helpdesk/ports.ts";
import type { TicketCard } from "../../features/helpdesk/use-cases.ts";
import { inEachLocale } from "../../i18n/shared.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { type Translator, t } from "../../i18n/translate.ts";
import { askModalId, claimButtonId, releaseButtonId, resolveButtonId } from "./ids.ts";

/** Text input ids of the `/ask` modal. */
export const ASK_FIELDS = ["title", "question"] as const;

export function askModal(
  translate: Translator,
  payload: { programmeId: string; private: boolean; anonymous: boolean; tagId: string },
): ModalBuilder {
  const input = (id: (typeof ASK_FIELDS)[number], style: TextInputStyle, max: number) =>
    new ActionRowBuilder<TextInputBuilder>().addComponents(
      new TextInputBuilder()
        .setCustomId(id)
        .setLabel(translate(`ask.field.${id}`))
        .setPlaceholder(translate(`ask.field.${id}.placeholder`))
        .setStyle(style)
        .setMaxLength(max)
        .setRequired(true),
    );
  return new ModalBuilder()
    .setCustomId(askModalId.encode(payload))
    .setTitle(translate("ask.modal.title"))
    .addComponents(
      input("title", TextInputStyle.Short, TITLE_MAX),
      input("question", TextInputStyle.Paragraph, QUESTION_MAX),
    );
}

const button = (
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
): APIButtonComponent => ({
  type: ComponentType.Button,
  custom_id: customId,
  label,
  style,
});

/** The question as posted, with a Resolve button for the asker (and staff). */
export function questionMessage(post: QuestionPost, inThread: boolean) {
  const { asker, locales } = post;
  const by = inEachLocale(
    locales,
    (l) =>
      asker
        ? t(l, "helpdesk.post.by", { user: `<@${asker.discordUserId}>` })
        : t(l, "helpdesk.post.anonymous"),
    " / ",
  );
  const lines = [
    ...(inThread
      ? [inEachLocale(locales, (l) => t(l, "helpdesk.post.private", { title: post.title }), "\n")]
      : []),
    post.question,
    "",
    `-# ${by}`,
  ];
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      button(
        resolveButtonId.encode({ ticketId: post.ticketId }),
        inEachLocale(locales, (l) => t(l, "helpdesk.button.resolve"), " / "),
        ButtonStyle.Success,
      ),
    ],
  };
  return {
    content: lines.join("\n").slice(0, 2000),
    components: [row],
    // Names are shown as mentions but nobody is pinged by a question.
    allowed_mentions: { parse: [] as [] },
  };
}

/** A link to the question's message. */
function ticketLink(guildId: string, card: TicketCard): string {
  const { ticket } = card;
  const channel = ticket.forumThreadId ?? card.askerThreadId;
  if (channel === null) return "";
  return ticket.messageId && ticket.private
    ? `https://discord.com/channels/${guildId}/${channel}/${ticket.messageId}`
    : `https://discord.com/channels/${guildId}/${channel}`;
}

/** One card line per ticket and a row of Claim / Release / Resolve under each. */
export function queueMessage(
  translate: Translator,
  guildId: string,
  cards: readonly TicketCard[],
  more: boolean,
) {
  if (cards.length === 0) return { content: translate("helpdesk.queue.empty") };
  const lines = cards.map(
    (c, i) =>
      `${i + 1}. ${translate("helpdesk.queue.card", {
        title: c.ticket.title,
        // Staff see who asked, even when the forum post is anonymous.
        asker: `${c.askerName} (<@${c.askerUserId}>)${
          c.ticket.anonymous ? ` ${translate("helpdesk.queue.anonymous")}` : ""
        }${c.ticket.private ? ` ${translate("helpdesk.queue.private")}` : ""}`,
        at: discordTimestamp(c.ticket.createdAt, "R"),
        status: translate(`helpdesk.status.${c.ticket.status}`),
        holder: c.holderUserId
          ? ` · ${translate("helpdesk.queue.holder", { holder: `<@${c.holderUserId}>` })}`
          : "",
        tags:
          c.tagNames.length > 0
            ? ` · ${translate("helpdesk.queue.tags", { tags: c.tagNames.join(", ") })}`
            : "",
        link: ticketLink(guildId, c),
      })}`,
  );
  const rows: APIActionRowComponent<APIButtonComponent>[] = cards.map((c, i) => ({
    type: ComponentType.ActionRow,
    components: [
      button(
        claimButtonId.encode({ ticketId: c.ticket.id }),
        `${i + 1}. ${translate("helpdesk.button.claim")}`,
        ButtonStyle.Primary,
      ),
      button(
        releaseButtonId.encode({ ticketId: c.ticket.id }),
        translate("helpdesk.button.release"),
        ButtonStyle.Secondary,
      ),
      button(
        resolveButtonId.encode({ ticketId: c.ticket.id }),
        translate("helpdesk.button.resolve"),
        ButtonStyle.Success,
      ),
    ],
  }));
  return {
    embeds: [
      {
        title: translate("helpdesk.queue.title"),
        description: [...lines, ...(more ? ["", translate("helpdesk.queue.more")] : [])]
          .join("\n\n")
          .slice(0, 4096),
      },
    ],
    components: rows,
  };
}
