/**
 * Typed message catalogues.
 *
 * Why not i18next: i18next 27 (checked 2026-11) types keys and *missing* interpolation variables
 * through a global `CustomTypeOptions` augmentation, but its `t()` options type accepts any extra
 * property, so `t("about.plain", { typo: 1 })` still compiles. We want a wrong key, a missing
 * variable *and* an extra variable to fail `tsc`, and we need no nesting or back-ends, so a
 * catalogue of flat `as const` objects with template-literal placeholder parsing is smaller and
 * stricter than the library. Plurals come from the platform's `Intl.PluralRules`.
 *
 * Placeholders are written `{name}`. Values are strings or numbers and are inserted verbatim:
 * format times with `discordTimestamp` before passing them in.
 *
 * Plurals use a subset of ICU MessageFormat: `{count, plural, one {# problem} other {# problems}}`.
 * The variable (`count`) must then be a number (`tsc` checks it); the form is chosen by
 * `Intl.PluralRules` for the message's language (`=0`, `=1` … match an exact number first, then
 * `zero`, `one`, `two`, `few`, `many`, `other`; `other` is required), and `#` in the form is the
 * number. Forms are plain text: no `{…}` placeholders inside them, and the block closes right after
 * its last form (`…{# problems}}`). Japanese has only `other`, so a Japanese message usually just
 * writes `{count} 件`; the English one then adds the plural block for the same variable.
 */

/**
 * The variable names used in a message, e.g. `"Hi {name}, {count} new"` → `"name" | "count"`.
 * A plural block `{n, plural, one {…} other {…}}` contributes its variable `n`.
 */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name extends `${infer Var}, plural,${string}`
    ? Var | Placeholders<AfterPluralBlock<Rest>>
    : Name | Placeholders<Rest>
  : never;

/**
 * What follows a plural block, given the text after the first form's closing brace: either the
 * block's own `}` right away (one form), or more forms up to the first `}}`.
 */
type AfterPluralBlock<Rest extends string> = Rest extends `}${infer After}`
  ? After
  : Rest extends `${string}}}${infer After}`
    ? After
    : "";

/** The variables of a message that choose a plural form, e.g. `"{n, plural, other {# x}}"` → `"n"`. */
export type PluralVariables<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name extends `${infer Var}, plural,${string}`
    ? Var | PluralVariables<AfterPluralBlock<Rest>>
    : PluralVariables<Rest>
  : never;

/** A value that may be interpolated into a message. */
export type MessageValue = string | number;

/**
 * Variables a message needs: exactly its placeholders, no more, no fewer. A variable that picks a
 * plural form (in this message, or in `Numeric`: the plural variables of its translations) must
 * be a number.
 */
export type VarsOf<S extends string, Numeric extends string = never> = {
  [Name in Placeholders<S>]: Name extends PluralVariables<S> | Numeric ? number : MessageValue;
};

/** The rest-argument tuple for a message: none when it has no placeholders. */
export type VarsArgs<S extends string, Numeric extends string = never> = [Placeholders<S>] extends [never]
  ? []
  : [vars: VarsOf<S, Numeric>];

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;

/**
 * Checks a translation against the source catalogue: every key present, no extra key, and each
 * message using exactly the source message's placeholders. A mismatch shows up in `tsc` at the
 * offending key with the placeholders it must use.
 */
export type TranslationOf<Source extends Record<string, string>, T> = {
  [K in keyof Source]: K extends keyof T
    ? T[K] extends string
      ? SamePlaceholders<Source[K], T[K]> extends true
        ? T[K]
        : `use exactly the placeholders of the source message: ${Source[K]}`
      : string
    : string;
} & { [K in Exclude<keyof T, keyof Source>]: never };

const PLURAL_FORM = String.raw`(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\}`;
const TOKEN = new RegExp(String.raw`\{(\w+), plural,((?:\s*${PLURAL_FORM})+)\}|\{(\w+)\}`, "g");
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** The form of a plural block for `value`: an exact `=N` match, else its plural category, else `other`. */
function pluralForm(locale: string, forms: string, value: number): string | undefined {
  const byName = new Map<string, string>();
  for (const [, name, text] of forms.matchAll(FORM)) byName.set(name ?? "", text ?? "");
  const chosen = byName.get(`=${value}`) ?? byName.get(rulesFor(locale).select(value)) ?? byName.get("other");
  return chosen?.replaceAll("#", String(value));
}

/** The variable names of a message at run time (what {@link Placeholders} computes for `tsc`). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(TOKEN)].map((match) => match[1] ?? match[3] ?? "");
}

/**
 * Fills `{name}` placeholders and chooses plural forms with `Intl.PluralRules` for `locale` (a BCP
 * 47 tag such as `"ja"` or `"en"`). Unknown placeholders, and plural blocks whose value is not a
 * number, are left as they are (the types prevent both). Values are inserted once: a value that
 * looks like a placeholder is not expanded again.
 */
export function interpolate(
  message: string,
  vars: Record<string, MessageValue> | undefined,
  locale: string,
): string {
  if (!vars) return message;
  return message.replace(TOKEN, (whole, pluralName?: string, forms?: string, name?: string) => {
    if (pluralName !== undefined && forms !== undefined) {
      const value = Object.hasOwn(vars, pluralName) ? vars[pluralName] : undefined;
      if (typeof value !== "number" || !Number.isFinite(value)) return whole;
      return pluralForm(locale, forms, value) ?? whole;
    }
    return name !== undefined && Object.hasOwn(vars, name) ? String(vars[name]) : whole;
  });
}
