import type { SupportedLocale } from "../config/env.ts";
import { interpolate, type PluralVariables, type VarsArgs } from "./catalogue.ts";
import { en } from "./locales/en.ts";
import { ja } from "./locales/ja.ts";

/** Every message key, e.g. `"about.title"`. A key that is not in the catalogue fails `tsc`. */
export type MessageKey = keyof typeof ja;

/**
 * The rest arguments `t` needs for `key`: nothing, or exactly the message's variables. A variable
 * that picks a plural form in either language must be a number.
 */
export type MessageArgs<K extends MessageKey> = K extends MessageKey
  ? VarsArgs<(typeof ja)[K], PluralVariables<(typeof ja)[K]> | PluralVariables<(typeof en)[K]>>
  : never;

const catalogues: Record<SupportedLocale, Record<MessageKey, string>> = { ja, en };

/**
 * Translates a message. Variables are checked by the compiler: a missing, misspelt or extra
 * variable is a type error.
 *
 * @example t("en", "error.unexpected", { errorId: "E-7F3A" })
 */
export function t<K extends MessageKey>(locale: SupportedLocale, key: K, ...args: MessageArgs<K>): string {
  return interpolate(catalogues[locale][key], args[0], locale);
}

/** `t` bound to one locale, handed to handlers as `ctx.t`. */
export type Translator = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

/** Binds {@link t} to a locale. */
export function translator(locale: SupportedLocale): Translator {
  return (key, ...args) => t(locale, key, ...args);
}
