import { enCommands } from "./locales/en.ts";
import { jaCommands } from "./locales/ja.ts";

/**
 * Shape an English command catalogue must have, given the Japanese one: a description for each
 * command, subcommand and option (their English name is the identifier in the definition), a
 * name for each choice, and no extra keys.
 */
export type CommandTranslationOf<Source, T> = {
  [K in keyof Source]: Source[K] extends { description: string } ? { description: string } : { name: string };
} & { [K in Exclude<keyof T, keyof Source>]: never };

type JaCommands = typeof jaCommands;

/** Catalogue keys of commands, subcommands and options (`"taiken"`, `"taiken.about"`, …). */
export type DescribedKey = {
  [K in keyof JaCommands]: JaCommands[K] extends { description: string } ? K : never;
}[keyof JaCommands];

/** Catalogue keys of option choices. */
export type ChoiceKey = Exclude<keyof JaCommands, DescribedKey>;

/** Localisation fields of a command, subcommand or option, to spread into its definition. */
export interface DescribedText {
  name_localizations: { ja: string };
  description: string;
  description_localizations: { ja: string };
}

/** Localisation fields of a choice, to spread into its definition next to its `value`. */
export interface ChoiceText {
  name: string;
  name_localizations: { ja: string };
}

/**
 * The Japanese name and both descriptions of a command, subcommand or option, from the catalogue.
 * The English name stays in the definition because it is the identifier Discord sends back.
 *
 * @example { name: "about", type: ApplicationCommandOptionType.Subcommand, ...commandText("taiken.about") }
 */
export function commandText(key: DescribedKey): DescribedText {
  const ja = jaCommands[key] as { name: string; description: string };
  const en = enCommands[key] as { description: string };
  return {
    name_localizations: { ja: ja.name },
    description: en.description,
    description_localizations: { ja: ja.description },
  };
}

/**
 * The English and Japanese label of a choice, from the catalogue (key: option path + value).
 *
 * @example { value: "hackathon", ...choiceText("program.open.mode.hackathon") }
 */
export function choiceText(key: ChoiceKey): ChoiceText {
  const ja = jaCommands[key] as { name: string };
  const en = enCommands[key] as { name: string };
  return { name: en.name, name_localizations: { ja: ja.name } };
}
