import {
  ActionRowBuilder,
  type APIEmbed,
  type BaseMessageOptions,
  ButtonBuilder,
  ButtonStyle,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import type { Agency } from "../../db/repositories/agencies.ts";
import type { ProfileFacts } from "../../domain/member/types.ts";
import {
  ACCOMMODATION_OPTIONS,
  type AccommodationOption,
  type DraftAnswers,
  PROFILE_LOCALES,
  type ProfileLocale,
} from "../../domain/onboarding/answers.ts";
import { ProfileLimits } from "../../domain/onboarding/limits.ts";
import type { AnswerProblem } from "../../domain/onboarding/problems.ts";
import type { ProfileView } from "../../domain/profile/visibility.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";
import {
  aboutModalId,
  choiceSelectId,
  choicesButtonId,
  confirmButtonId,
  consentButtonId,
  nextButtonId,
  profileConsentButtonId,
  reopenButtonId,
} from "./ids.ts";
import { problemText } from "./problems.ts";

/** Discord's cap on a pre-filled text input value is its max length: never send more. */
function prefill(input: TextInputBuilder, value: string | undefined, max: number): TextInputBuilder {
  const text = (value ?? "").slice(0, max);
  return text.length > 0 ? input.setValue(text) : input;
}

function row<T extends ButtonBuilder | StringSelectMenuBuilder | TextInputBuilder>(...components: T[]) {
  return new ActionRowBuilder<T>().addComponents(...components);
}

/**
 * The "about you" form, pre-filled with whatever the person typed before (a draft or their saved
 * profile), so fixing one field never means retyping the others.
 */
export function aboutModal(
  t: Translator,
  programmeId: string,
  mode: "join" | "edit",
  answers: DraftAnswers,
): ModalBuilder {
  const input = (id: string, label: string, placeholder: string, style: TextInputStyle, max: number) =>
    new TextInputBuilder()
      .setCustomId(id)
      .setLabel(label)
      .setPlaceholder(placeholder)
      .setStyle(style)
      .setMaxLength(max);
  return new ModalBuilder()
    .setCustomId(aboutModalId.encode({ programmeId, mode }))
    .setTitle(t("onboarding.modal.title"))
    .addComponents(
      row(
        prefill(
          input(
            "displayName",
            t("onboarding.field.displayName"),
            t("onboarding.field.displayName.placeholder"),
            TextInputStyle.Short,
            ProfileLimits.displayName,
          ).setRequired(true),
          answers.displayName,
          ProfileLimits.displayName,
        ),
      ),
      row(
        prefill(
          input(
            "skills",
            t("onboarding.field.skills"),
            t("onboarding.field.skills.placeholder"),
            TextInputStyle.Paragraph,
            ProfileLimits.skillsText,
          ).setRequired(false),
          answers.skills,
          ProfileLimits.skillsText,
        ),
      ),
      row(
        prefill(
          input(
            "interests",
            t("onboarding.field.interests"),
            t("onboarding.field.interests.placeholder"),
            TextInputStyle.Short,
            ProfileLimits.interestsText,
          ).setRequired(false),
          answers.interests,
          ProfileLimits.interestsText,
        ),
      ),
      row(
        prefill(
          input(
            "hours",
            t("onboarding.field.hours"),
            t("onboarding.field.hours.placeholder"),
            TextInputStyle.Short,
            10,
          ).setRequired(true),
          answers.hours,
          10,
        ),
      ),
      row(
        prefill(
          input(
            "accommodationNotes",
            t("onboarding.field.notes"),
            t("onboarding.field.notes.placeholder"),
            TextInputStyle.Paragraph,
            ProfileLimits.accommodationNotes,
          ).setRequired(false),
          answers.accommodationNotes,
          ProfileLimits.accommodationNotes,
        ),
      ),
    );
}

/** What went wrong with the form, every problem at once, and a button to fix it pre-filled. */
export function problemsMessage(
  t: Translator,
  programmeId: string,
  mode: "join" | "edit",
  problems: readonly AnswerProblem[],
): BaseMessageOptions {
  return {
    content: [
      t("onboarding.problems.intro", { count: problems.length }),
      ...problems.map((p) => problemText(t, p)),
    ]
      .join("\n")
      .slice(0, 2000),
    components: [
      row(
        new ButtonBuilder()
          .setCustomId(reopenButtonId.encode({ programmeId, mode }))
          .setLabel(t("onboarding.button.fix"))
          .setStyle(ButtonStyle.Primary),
      ),
    ],
  };
}

/** The current fixed choices, wherever they are kept. */
export interface Choices {
  preferredLocale: ProfileLocale;
  accommodationOptions: readonly AccommodationOption[];
  agencyId: string | null;
}

const NO_AGENCY = "none";

/** The value the agency select uses for "no agency". */
export function agencyFromValue(value: string | undefined): string | null {
  return value === undefined || value === NO_AGENCY ? null : value;
}

/**
 * The choices step: language, accommodations (any or none) and, when the programme has agencies,
 * the agency. Picks are saved one by one, so nothing is lost if the person stops half-way.
 */
export function choicesMessage(
  t: Translator,
  programmeId: string,
  target: "draft" | "profile",
  choices: Choices,
  agencies: readonly Agency[],
): BaseMessageOptions {
  const select = (field: "language" | "accommodations" | "agency") =>
    new StringSelectMenuBuilder().setCustomId(choiceSelectId.encode({ programmeId, field, target }));
  const rows: ActionRowBuilder<StringSelectMenuBuilder | ButtonBuilder>[] = [
    row(
      select("language")
        .setPlaceholder(t("onboarding.choices.language"))
        .addOptions(
          PROFILE_LOCALES.map((locale) => ({
            label: t(`profile.value.language.${locale}`),
            value: locale,
            default: choices.preferredLocale === locale,
          })),
        ),
    ),
    row(
      select("accommodations")
        .setPlaceholder(t("onboarding.choices.accommodations"))
        .setMinValues(0)
        .setMaxValues(ACCOMMODATION_OPTIONS.length)
        .addOptions(
          ACCOMMODATION_OPTIONS.map((option) => ({
            label: t(`profile.accommodation.${option}`),
            value: option,
            default: choices.accommodationOptions.includes(option),
          })),
        ),
    ),
  ];
  if (agencies.length > 0) {
    rows.push(
      row(
        select("agency")
          .setPlaceholder(t("onboarding.choices.agency"))
          .addOptions([
            {
              label: t("onboarding.choices.agency.none"),
              value: NO_AGENCY,
              default: choices.agencyId === null,
            },
            ...agencies.slice(0, 24).map((agency) => ({
              label: agency.name.slice(0, 100),
              value: agency.id,
              default: choices.agencyId === agency.id,
            })),
          ]),
      ),
    );
  }
  if (target === "draft") {
    rows.push(
      row(
        new ButtonBuilder()
          .setCustomId(nextButtonId.encode({ programmeId }))
          .setLabel(t("onboarding.button.next"))
          .setStyle(ButtonStyle.Primary),
      ),
    );
  }
  const title = target === "draft" ? t("onboarding.choices.title") : t("profile.choices.title");
  const body = target === "draft" ? t("onboarding.choices.body") : t("profile.choices.body");
  return { content: `**${title}**\n${body}`, embeds: [], components: rows };
}

/** The consent step: its own question, "no" as easy as "yes", and off unless they say yes. */
export function consentMessage(t: Translator, programmeId: string, agencyName: string): BaseMessageOptions {
  return {
    content: `**${t("onboarding.consent.title")}**\n${t("onboarding.consent.body", { agency: agencyName })}`,
    embeds: [],
    components: [
      row(
        new ButtonBuilder()
          .setCustomId(consentButtonId.encode({ programmeId, share: false }))
          .setLabel(t("onboarding.consent.no"))
          .setStyle(ButtonStyle.Secondary),
        new ButtonBuilder()
          .setCustomId(consentButtonId.encode({ programmeId, share: true }))
          .setLabel(t("onboarding.consent.yes"))
          .setStyle(ButtonStyle.Primary),
      ),
    ],
  };
}

function fieldsOf(t: Translator, facts: ProfileFacts, view: Exclude<ProfileView, "none">) {
  const { profile } = facts;
  const none = t("profile.value.none");
  const fields: NonNullable<APIEmbed["fields"]> = [];
  if (facts.stage)
    fields.push({ name: t("profile.field.stage"), value: t(`stage.${facts.stage}`), inline: true });
  fields.push(
    {
      name: t("profile.field.hours"),
      value:
        profile.weeklyHoursAvailable === null
          ? none
          : t("profile.value.hours", { hours: profile.weeklyHoursAvailable }),
      inline: true,
    },
    {
      name: t("profile.field.skills"),
      value: profile.skills.length ? profile.skills.map((s) => `${s.name}:${s.level}`).join(", ") : none,
    },
    {
      name: t("profile.field.interests"),
      value: profile.interests.length ? profile.interests.join(", ") : none,
    },
  );
  if (view === "full") {
    const options = ACCOMMODATION_OPTIONS.filter((o) => profile.accommodations[o]).map((o) =>
      t(`profile.accommodation.${o}`),
    );
    const notes = profile.accommodations.notes;
    fields.push(
      {
        name: t("profile.field.language"),
        value: profile.preferredLocale ? t(`profile.value.language.${profile.preferredLocale}`) : none,
        inline: true,
      },
      {
        name: t("profile.field.accommodations"),
        value: [...options, ...(notes ? [notes] : [])].join("\n").slice(0, 1024) || none,
      },
      { name: t("profile.field.agency"), value: facts.agencyName ?? none, inline: true },
    );
    if (facts.agencyName !== null) {
      const at = facts.agencyConsentChangedAt ? discordTimestamp(facts.agencyConsentChangedAt, "f") : null;
      fields.push({
        name: t("profile.field.consent"),
        value: facts.agencyConsent
          ? at
            ? t("profile.consent.on", { at })
            : t("profile.consent.onPlain")
          : at
            ? t("profile.consent.offSince", { at })
            : t("profile.consent.off"),
        inline: true,
      });
    }
    if (facts.projectChannelId) {
      fields.push({ name: t("profile.field.thread"), value: `<#${facts.projectChannelId}>`, inline: true });
    }
  }
  return fields;
}

/** A profile as an embed: `full` for the intern and staff, `agency` without accommodations. */
export function profileEmbed(
  t: Translator,
  facts: ProfileFacts,
  view: Exclude<ProfileView, "none">,
): APIEmbed {
  return {
    title: t("profile.title", { name: facts.profile.displayName }),
    fields: fieldsOf(t, facts, view),
    ...(view === "agency" ? { footer: { text: t("profile.agencyView") } } : {}),
  };
}

/** The confirmation step: everything at a glance, join, or go back to either step. */
export function confirmMessage(t: Translator, programmeId: string, facts: ProfileFacts): BaseMessageOptions {
  return {
    content: `**${t("onboarding.confirm.title")}**\n${t("onboarding.confirm.body")}`,
    embeds: [profileEmbed(t, facts, "full")],
    components: [
      row(
        new ButtonBuilder()
          .setCustomId(confirmButtonId.encode({ programmeId }))
          .setLabel(t("onboarding.button.join"))
          .setStyle(ButtonStyle.Success),
        new ButtonBuilder()
          .setCustomId(reopenButtonId.encode({ programmeId, mode: "join" }))
          .setLabel(t("onboarding.button.editAbout"))
          .setStyle(ButtonStyle.Secondary),
        new ButtonBuilder()
          .setCustomId(choicesButtonId.encode({ programmeId, target: "draft" }))
          .setLabel(t("onboarding.button.editChoices"))
          .setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

/** The intern's own profile with its edit buttons (`/profile show`, re-join). */
export function ownProfileMessage(
  t: Translator,
  programmeId: string,
  facts: ProfileFacts,
  intro?: string,
): BaseMessageOptions {
  const buttons = [
    new ButtonBuilder()
      .setCustomId(reopenButtonId.encode({ programmeId, mode: "edit" }))
      .setLabel(t("profile.button.edit"))
      .setStyle(ButtonStyle.Primary),
    new ButtonBuilder()
      .setCustomId(choicesButtonId.encode({ programmeId, target: "profile" }))
      .setLabel(t("profile.button.choices"))
      .setStyle(ButtonStyle.Secondary),
  ];
  if (facts.agencyName !== null) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(profileConsentButtonId.encode({ programmeId, share: !facts.agencyConsent }))
        .setLabel(t(facts.agencyConsent ? "profile.button.consentOff" : "profile.button.consentOn"))
        .setStyle(ButtonStyle.Secondary),
    );
  }
  return {
    content: intro ?? "",
    embeds: [profileEmbed(t, facts, "full")],
    components: [row(...buttons)],
  };
}

export type { ProfileFacts };
