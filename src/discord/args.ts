import {
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  type CommandInteractionOption,
  type CommandInteractionOptionResolver,
  type User,
} from "discord.js";
import { UserError } from "../features/errors.ts";

const T = ApplicationCommandOptionType;

/** A user option's value: the user, and their guild member when Discord resolved one. */
export interface UserArg {
  user: User;
  member: NonNullable<CommandInteractionOption["member"]> | null;
}

/** The value a handler receives for one option definition (choices become a literal union). */
export type OptionValue<O> = O extends { type: typeof T.String | typeof T.Integer | typeof T.Number }
  ? O extends { choices: readonly { value: infer V }[] }
    ? V
    : O extends { type: typeof T.String }
      ? string
      : number
  : O extends { type: typeof T.Boolean }
    ? boolean
    : O extends { type: typeof T.User }
      ? UserArg
      : O extends { type: typeof T.Channel }
        ? NonNullable<CommandInteractionOption["channel"]>
        : O extends { type: typeof T.Role }
          ? NonNullable<CommandInteractionOption["role"]>
          : O extends { type: typeof T.Mentionable }
            ? NonNullable<CommandInteractionOption["member" | "role" | "user"]>
            : O extends { type: typeof T.Attachment }
              ? NonNullable<CommandInteractionOption["attachment"]>
              : never;

/** The option definitions directly under a command or subcommand definition. */
export type OptionsOf<Node> = Node extends { options: readonly (infer O)[] } ? O : never;

type ValueOptions<Node> = Exclude<OptionsOf<Node>, { type: typeof T.Subcommand | typeof T.SubcommandGroup }>;

type Simplify<O> = { [K in keyof O]: O[K] } & {};

/**
 * The argument object of a command or subcommand, derived from its definition JSON:
 * required options are required keys, others optional; choices are literal unions.
 *
 * @example
 * ArgsOf<{ options: [{ type: 3, name: "mode", required: true, choices: [{ value: "a" }, { value: "b" }] }] }>
 * // → { mode: "a" | "b" }
 */
export type ArgsOf<Node> = Simplify<
  {
    [O in ValueOptions<Node> as O extends { required: true; name: infer N extends string }
      ? N
      : never]: OptionValue<O>;
  } & {
    [O in ValueOptions<Node> as O extends { required: true }
      ? never
      : O extends { name: infer N extends string }
        ? N
        : never]?: OptionValue<O>;
  }
>;

/** Names of a node's options that use autocomplete. */
export type AutocompleteOptionNames<Node> =
  Extract<ValueOptions<Node>, { autocomplete: true }> extends {
    name: infer N extends string;
  }
    ? N
    : never;

type Resolver = Pick<
  CommandInteractionOptionResolver,
  | "get"
  | "getString"
  | "getInteger"
  | "getNumber"
  | "getBoolean"
  | "getUser"
  | "getMember"
  | "getChannel"
  | "getRole"
  | "getMentionable"
  | "getAttachment"
>;

function readOne(option: APIApplicationCommandOption, options: Resolver): unknown {
  const name = option.name;
  switch (option.type) {
    case T.String:
      return options.getString(name);
    case T.Integer:
      return options.getInteger(name);
    case T.Number:
      return options.getNumber(name);
    case T.Boolean:
      return options.getBoolean(name);
    case T.User: {
      const user = options.getUser(name);
      return user ? { user, member: options.getMember(name) } : null;
    }
    case T.Channel:
      return options.getChannel(name);
    case T.Role:
      return options.getRole(name);
    case T.Mentionable:
      return options.getMentionable(name);
    case T.Attachment:
      return options.getAttachment(name);
    default:
      return null;
  }
}

function hasChoices(
  option: APIApplicationCommandOption,
): option is APIApplicationCommandOption & { choices: APIApplicationCommandOptionChoice[] } {
  return "choices" in option && Array.isArray(option.choices) && option.choices.length > 0;
}

/**
 * Reads the arguments of one command or subcommand as {@link ArgsOf} describes them. Discord
 * enforces required options and choices, but the router does not trust that: a missing required
 * option, a value outside the declared choices or a value of the wrong type is a {@link UserError}.
 */
export function readArgs(definitions: readonly APIApplicationCommandOption[] | undefined, options: Resolver) {
  const args: Record<string, unknown> = {};
  for (const option of definitions ?? []) {
    if (option.type === T.Subcommand || option.type === T.SubcommandGroup) continue;
    let value: unknown;
    try {
      value = readOne(option, options);
    } catch {
      // discord.js throws when the delivered option has another type than the one we declared:
      // a stale or forged payload, which the user may simply retry.
      throw new UserError("error.invalidOption", { option: option.name });
    }
    if (value === null || value === undefined) {
      if ("required" in option && option.required)
        throw new UserError("error.invalidOption", { option: option.name });
      continue;
    }
    if (hasChoices(option) && !option.choices.some((choice) => choice.value === value)) {
      throw new UserError("error.invalidOption", { option: option.name });
    }
    args[option.name] = value;
  }
  return args;
}
