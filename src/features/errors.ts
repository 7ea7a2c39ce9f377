import type { SupportedLocale } from "../config/env.ts";
import { type MessageArgs, type MessageKey, t } from "../i18n/translate.ts";

/**
 * An error the user can act on, carrying a typed catalogue key and its variables. Throw it from
 * use-cases, jobs and adapters; the router turns it into a localised ephemeral reply.
 * `message` is the key, for logs only: users only ever see the translation.
 *
 * @example throw new UserError("error.invalidOption", { option: "mode" });
 */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  override name = "UserError";
  readonly key: K;
  readonly vars: MessageArgs<K>;

  constructor(key: K, ...vars: MessageArgs<K>) {
    super(key);
    this.key = key;
    this.vars = vars;
  }

  /** The message in `locale`. */
  render(locale: SupportedLocale): string {
    return t(locale, this.key, ...this.vars);
  }
}
