/**
 * Typed message catalogues.
 *
 * Why not i18next: i18next 27 (checked 2026-11) types keys and *missing* interpolation variables
 * through a global `CustomTypeOptions` augmentation, but its `t()` options type accepts any extra
 * property, so `t("about.plain", { typo: 1 })` still compiles. We want a wrong key, a missing
 * variable *and* an extra variable to fail `tsc`, and we need no plurals, nesting or back-ends,
 * so a catalogue of flat `as const` objects with template-literal placeholder parsing is smaller
 * and stricter than the library.
 *
 * Placeholders are written `{name}`. Values are strings or numbers and are inserted verbatim:
 * format times with `discordTimestamp` before passing them in.
 */

/** The variable names used in a message, e.g. `"Hi {name}, {count} new"` → `"name" | "count"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A value that may be interpolated into a message. */
export type MessageValue = string | number;

/** Variables a message needs: exactly its placeholders, no more, no fewer. */
export type VarsOf<S extends string> = { [Name in Placeholders<S>]: MessageValue };

/** The rest-argument tuple for a message: none when it has no placeholders. */
export type VarsArgs<S extends string> = [Placeholders<S>] extends [never] ? [] : [vars: VarsOf<S>];

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

/** Fills `{name}` placeholders. Unknown placeholders are left as they are (the types prevent them). */
export function interpolate(message: string, vars: Record<string, MessageValue> | undefined): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
