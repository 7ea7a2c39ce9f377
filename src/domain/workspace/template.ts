/**
 * Workspace templates: what `/program open` creates, as data. A template lists the roles' names
 * and colours, categories with their channels (type, name and topic in Japanese and English, and
 * an access preset that decides the permission overwrites), the channel that carries the welcome
 * message, and optionally when each milestone falls. Organisers may export it as YAML, edit it,
 * and open a programme with their own (YAML or JSON).
 */
import { isMap, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import { z } from "zod";
import { FORUM_TAG_LIMIT, STATUS_TAGS, TAG_NAME_MAX } from "../helpdesk/rules.ts";

/** Discord allows 500 channels (categories included) in a guild. */
export const GUILD_CHANNEL_LIMIT = 500;
/** Discord allows 250 roles in a guild. */
export const GUILD_ROLE_LIMIT = 250;
/** Discord allows 50 channels in one category. */
export const CATEGORY_CHANNEL_LIMIT = 50;
/** A template creates at most this many channels: a programme's workspace, not a whole server. */
export const TEMPLATE_CHANNEL_LIMIT = 50;
/** A template has at most this many categories. */
export const TEMPLATE_CATEGORY_LIMIT = 10;

/** Channel kinds a template may ask for. `announcement` and `stage` fall back to text and voice outside Community servers. */
export const CHANNEL_TYPES = ["text", "announcement", "forum", "voice", "stage"] as const;
export type TemplateChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * Who may see and write in a channel (see `overwritesFor` in plan.ts):
 * - `public-read`: everybody in the server reads, organisers (and the bot) post;
 * - `members`: programme participants (organisers, mentors, interns) read and write;
 * - `everyone-in-programme`: participants and agency observers (e.g. the presentations stage);
 * - `staff`: organisers and mentors only;
 * - `agency`: agency observers, organisers and mentors;
 * - `projects`: parent of the interns' private threads: interns view and write in threads but
 *   create none, mentors and organisers manage every thread, agency observers see nothing.
 */
export const ACCESS_PRESETS = [
  "public-read",
  "members",
  "everyone-in-programme",
  "staff",
  "agency",
  "projects",
] as const;
export type AccessPreset = (typeof ACCESS_PRESETS)[number];

/** The programme roles a workspace creates, by their `ResourceKeys.roles` name. */
export const WORKSPACE_ROLES = ["organiser", "mentor", "intern", "agencyObserver"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Milestone kinds a template may place on the calendar. */
export const TIMELINE_KINDS = [
  "kickoff",
  "midpoint",
  "submission_deadline",
  "presentation",
  "debrief",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Channel ids other features rely on: a template without them is refused. */
export const REQUIRED_CHANNEL_IDS = ["announcements", "projects"] as const;

const ID = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "use 1–32 lowercase letters, digits and dashes, starting with a letter");

/** Discord's limit on a channel topic (a forum's guidelines). */
export const CHANNEL_TOPIC_MAX = 1024;

/** A text in both languages; a plain string is used for both. */
const localised = (max: number) =>
  z.union([
    z.string().min(1).max(max),
    z.strictObject({ ja: z.string().min(1).max(max), en: z.string().min(1).max(max) }),
  ]);

export type LocalisedText = string | { ja: string; en: string };

const channelSchema = z.strictObject({
  id: ID,
  type: z.enum(CHANNEL_TYPES),
  name: localised(100),
  topic: localised(CHANNEL_TOPIC_MAX).optional(),
  access: z.enum(ACCESS_PRESETS),
});

const categorySchema = z.strictObject({
  id: ID,
  name: localised(100),
  access: z.enum(ACCESS_PRESETS),
  channels: z.array(channelSchema).min(1).max(CATEGORY_CHANNEL_LIMIT),
});

const roleSchema = z.strictObject({
  name: localised(100),
  /** RGB colour as a number (0xE67E22) or "#e67e22". */
  color: z.union([
    z.int().min(0).max(0xffffff),
    z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'use "#rrggbb"')
      .transform((hex) => Number.parseInt(hex.slice(1), 16)),
  ]),
});

const momentSchema = z.strictObject({
  /** Counted from the programme's first or last day. */
  from: z.enum(["start", "end", "middle"]),
  days: z.int().min(-366).max(366).default(0),
  /** Local time in the programme's time zone, "HH:mm". */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use "HH:mm", e.g. "10:00"'),
});

export const templateSchema = z
  .strictObject({
    version: z.literal(1),
    roles: z.strictObject({
      organiser: roleSchema,
      mentor: roleSchema,
      intern: roleSchema,
      agencyObserver: roleSchema,
    }),
    categories: z.array(categorySchema).min(1).max(TEMPLATE_CATEGORY_LIMIT),
    /** Id of the channel that carries the welcome message with the Join button. */
    welcome: ID,
    timeline: z.partialRecord(z.enum(TIMELINE_KINDS), momentSchema).optional(),
    /**
     * Topic tags of the questions forum (`/ask tag:`), created by `/program open` next to the
     * three status tags; Discord allows 20 tags on a forum in all.
     */
    tags: z
      .array(z.string().trim().min(1).max(TAG_NAME_MAX))
      .max(FORUM_TAG_LIMIT - Object.keys(STATUS_TAGS).length)
      .refine((tags) => new Set(tags).size === tags.length, "each tag once")
      .refine(
        (tags) => tags.every((tag) => !Object.values<string>(STATUS_TAGS).includes(tag)),
        "the status tags are added by the bot",
      )
      .optional(),
  })
  .superRefine((template, ctx) => {
    const seen = new Map<string, string>();
    let channels = 0;
    template.categories.forEach((category, c) => {
      for (const [id, path] of [[category.id, ["categories", c, "id"]] as const]) {
        if (seen.has(`category:${id}`)) {
          ctx.addIssue({ code: "custom", path: [...path], message: `duplicate category id "${id}"` });
        }
        seen.set(`category:${id}`, "category");
      }
      category.channels.forEach((channel, i) => {
        channels += 1;
        if (seen.has(channel.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["categories", c, "channels", i, "id"],
            message: `duplicate channel id "${channel.id}"`,
          });
        }
        seen.set(channel.id, channel.type);
      });
    });
    if (channels > TEMPLATE_CHANNEL_LIMIT) {
      ctx.addIssue({
        code: "custom",
        path: ["categories"],
        message: `${channels} channels: a template may have at most ${TEMPLATE_CHANNEL_LIMIT}`,
      });
    }
    for (const id of REQUIRED_CHANNEL_IDS) {
      if (!seen.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["categories"],
          message: `a channel with id "${id}" is required`,
        });
      }
    }
    const welcomeType = seen.get(template.welcome);
    if (welcomeType !== "text" && welcomeType !== "announcement") {
      ctx.addIssue({
        code: "custom",
        path: ["welcome"],
        message: `"${template.welcome}" must be the id of a text or announcement channel`,
      });
    }
  });

/** A validated template. */
export type WorkspaceTemplate = z.output<typeof templateSchema>;
export type TimelineMoment = z.output<typeof momentSchema>;

/** Why a template was refused: where (a field path, and a line when the source had lines) and what. */
export interface TemplateProblem {
  /** `categories[1].channels[0].type`, or "" for the whole document. */
  path: string;
  /** 1-based line in the source, when known. */
  line?: number;
  message: string;
}

/** Parsing or validating a template failed; `problems` say where and why (at most a handful). */
export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(readonly problems: readonly TemplateProblem[]) {
    super(problems.map(formatProblem).join("; "));
  }
}

/** `line 12, categories[0].channels[2].type: Invalid option …` */
export function formatProblem(problem: TemplateProblem): string {
  const where = [problem.line === undefined ? undefined : `line ${problem.line}`, problem.path || undefined]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

const MAX_PROBLEMS = 5;

/** Validates an already-parsed value; `lineOf` maps a field path to its source line. */
export function validateTemplate(
  value: unknown,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): WorkspaceTemplate {
  const result = templateSchema.safeParse(value);
  if (result.success) return result.data;
  throw new TemplateError(
    result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
      const line = lineOf(issue.path);
      return {
        path: pathText(issue.path),
        ...(line === undefined ? {} : { line }),
        message: issue.message,
      };
    }),
  );
}

/**
 * Parses a YAML or JSON template (JSON is YAML, so one parser reads both and knows every node's
 * line) and validates it. Syntax errors and schema errors name the line and the field.
 *
 * @throws TemplateError
 */
export function parseTemplate(source: string): WorkspaceTemplate {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new TemplateError(
      document.errors.slice(0, MAX_PROBLEMS).map((error) => {
        const line = error.linePos?.[0]?.line;
        return {
          path: "",
          ...(line === undefined ? {} : { line }),
          message: error.message.split("\n")[0] ?? "",
        };
      }),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // The deepest node that exists along the path: a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range && (depth > 0 || isMap(node) || isSeq(node))) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };
  return validateTemplate(document.toJS({ maxAliasCount: 100 }), lineOf);
}

/** The template as YAML, for `/program template export`. */
export function templateToYaml(template: WorkspaceTemplate): string {
  return stringify(template, { lineWidth: 0 });
}

/** The text in `locale` from a localised template field. */
export function pick(text: LocalisedText, locale: "ja" | "en"): string {
  return typeof text === "string" ? text : text[locale];
}

/**
 * A channel topic everyone reads, in each of `locales` (the first first), one language a line; a
 * plain string is said once. When both together exceed Discord's limit, the first language alone.
 */
export function pickTopic(text: LocalisedText, locales: readonly ["ja" | "en", ...("ja" | "en")[]]): string {
  const [first] = locales;
  const joined = [...new Set(locales.map((locale) => pick(text, locale)))].join("\n");
  return joined.length <= CHANNEL_TOPIC_MAX ? joined : pick(text, first);
}
