import {
  type CommandInteractionOptionResolver,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  ApplicationCommandOptionType as T,
} from "discord.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type ArgsOf, readArgs, type UserArg } from "../../../src/discord/args.ts";
import { type CommandContext, defineCommand, type RoutesFor } from "../../../src/discord/command.ts";
import { UserError } from "../../../src/features/errors.ts";

const definition = {
  name: "assignments",
  description: "Assignments",
  options: [
    {
      type: T.Subcommand,
      name: "import",
      description: "Import",
      options: [
        { type: T.Attachment, name: "file", description: "File", required: true },
        { type: T.Boolean, name: "dry-run", description: "Dry run" },
      ],
    },
    {
      type: T.Subcommand,
      name: "list",
      description: "List",
      options: [
        {
          type: T.String,
          name: "status",
          description: "Status",
          choices: [
            { name: "Retired", value: "retired" },
            { name: "Allocated", value: "allocated" },
          ],
        },
        { type: T.Integer, name: "page", description: "Page", min_value: 1 },
        {
          type: T.Integer,
          name: "size",
          description: "Size",
          required: true,
          choices: [{ name: "10", value: 10 }],
        },
        { type: T.String, name: "search", description: "Search", autocomplete: true },
      ],
    },
    {
      type: T.SubcommandGroup,
      name: "staff",
      description: "Staff",
      options: [
        {
          type: T.Subcommand,
          name: "add",
          description: "Add",
          options: [{ type: T.User, name: "who", description: "Who", required: true }],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

type Options = (typeof definition)["options"];

describe("ArgsOf (type level, checked by tsc)", () => {
  it("GIVEN required and optional options THEN required keys are non-optional and optional keys may be undefined", () => {
    type ImportArgs = ArgsOf<Options[0]>;
    expectTypeOf<ImportArgs["file"]>().toEqualTypeOf<
      NonNullable<ReturnType<CommandInteractionOptionResolver["getAttachment"]>>
    >();
    expectTypeOf<ImportArgs>().toHaveProperty("dry-run");
    expectTypeOf<ImportArgs["dry-run"]>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error `file` is required
    const missing: ImportArgs = {};
    expect(missing).toEqual({});
  });

  it("GIVEN choices THEN the argument is the union of the choice values", () => {
    type ListArgs = ArgsOf<Options[1]>;
    expectTypeOf<ListArgs["status"]>().toEqualTypeOf<"retired" | "allocated" | undefined>();
    expectTypeOf<ListArgs["size"]>().toEqualTypeOf<10>();
    expectTypeOf<ListArgs["page"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListArgs["search"]>().toEqualTypeOf<string | undefined>();
  });

  it("GIVEN subcommands and groups THEN each route gets its own arguments", () => {
    type Routes = RoutesFor<typeof definition>;
    type ListRun = Routes["list"]["run"];
    type StaffAddRun = Routes["staff"]["add"]["run"];
    expectTypeOf<Parameters<ListRun>[0]>().toEqualTypeOf<CommandContext<ArgsOf<Options[1]>>>();
    expectTypeOf<Parameters<StaffAddRun>[0]["args"]>().toEqualTypeOf<{ who: UserArg }>();
    expectTypeOf<keyof NonNullable<Routes["list"]["autocomplete"]>>().toEqualTypeOf<"search">();
  });

  it("GIVEN a handler missing for a subcommand THEN defineCommand does not compile and throws", () => {
    const route = { access: "anyone", run: async () => undefined } as const;
    expect(() =>
      // @ts-expect-error `staff.add` has no handler
      defineCommand(definition, { import: route, list: route, staff: {} }),
    ).toThrow(/assignments staff add/);
  });
});

function resolver(values: Record<string, unknown>) {
  const get = (name: string) => (name in values ? values[name] : null);
  return {
    get,
    getString: get,
    getInteger: get,
    getNumber: get,
    getBoolean: get,
    getUser: get,
    getMember: () => null,
    getChannel: get,
    getRole: get,
    getMentionable: get,
    getAttachment: get,
  } as unknown as CommandInteractionOptionResolver;
}

describe("readArgs", () => {
  const list = definition.options[1].options;

  it("GIVEN delivered options THEN they are read by name and absent optional ones are left out", () => {
    expect(readArgs(list, resolver({ status: "retired", size: 10 }))).toEqual({
      status: "retired",
      size: 10,
    });
  });

  it("GIVEN a required option missing THEN a UserError names it", () => {
    expect(() => readArgs(list, resolver({}))).toThrow(UserError);
  });

  it("GIVEN a value outside the declared choices THEN it is refused even though Discord should enforce it", () => {
    expect(() => readArgs(list, resolver({ size: 10, status: "deleted" }))).toThrow(UserError);
  });

  it("GIVEN a resolver that throws for a mistyped option THEN a UserError is thrown instead", () => {
    const throwing = {
      ...resolver({}),
      getInteger: () => {
        throw new TypeError("Option size is of type STRING; expected INTEGER");
      },
    } as unknown as CommandInteractionOptionResolver;
    expect(() => readArgs(list, throwing)).toThrow(UserError);
  });
});
