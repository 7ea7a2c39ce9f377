import { z } from "zod";

/** Discord's limit on a component's or modal's `custom_id`. */
export const CUSTOM_ID_MAX_LENGTH = 100;

const NAME_PATTERN = /^[a-z][a-z0-9-]{0,23}$/;
const SEPARATOR = ":";

/** A payload field: custom ids carry identifiers and small flags, never free text from users. */
type FieldSchema = z.ZodType<string | number | boolean | null>;

/**
 * A versioned, validated custom id such as `join:v1:["1234567890",2]`.
 *
 * Format: `<name>:v<version>:<payload>`, where the payload is the JSON array of the schema's
 * field values in declaration order (keys are not repeated, which keeps ids short). The payload
 * is untrusted on the way back in: it is parsed with the schema, and anything that does not
 * match is reported as `malformed`, never thrown. Authorisation is still checked by the router;
 * a custom id says *what* was clicked, never *who may* click it.
 */
export interface CustomId<Name extends string, Payload> {
  readonly name: Name;
  readonly version: number;
  /** Encodes a payload. Throws if the result would exceed 100 characters: a programming error. */
  encode(payload: Payload): string;
  /** Decodes an id of this name; see {@link CustomIdDecodeResult}. */
  decode(raw: string): CustomIdDecodeResult<Payload>;
}

/** Outcome of decoding a custom id. `stale`: right name, other version (an old message). */
export type CustomIdDecodeResult<Payload> =
  | { ok: true; payload: Payload }
  | { ok: false; reason: "stale" | "malformed" };

/** The name and version at the front of a raw custom id, or null when it has no valid header. */
export function parseCustomIdHeader(raw: string): { name: string; version: number } | null {
  if (raw.length > CUSTOM_ID_MAX_LENGTH) return null;
  const [name, version] = raw.split(SEPARATOR, 2);
  if (name === undefined || version === undefined || !NAME_PATTERN.test(name)) return null;
  const match = /^v([1-9]\d{0,3})$/.exec(version);
  return match?.[1] ? { name, version: Number(match[1]) } : null;
}

/**
 * Declares a custom id. Declare each once, next to the handler that receives it, and use the
 * same object to build the component.
 *
 * @example
 * export const joinButton = defineCustomId("join", 1, { programmeId: z.string().regex(/^\d+$/), step: z.int() });
 * new ButtonBuilder().setCustomId(joinButton.encode({ programmeId: "42", step: 1 }));
 */
export function defineCustomId<const Name extends string, Shape extends Record<string, FieldSchema>>(
  name: Name,
  version: number,
  fields: Shape,
): CustomId<Name, z.infer<z.ZodObject<Shape>>> {
  if (!NAME_PATTERN.test(name)) throw new Error(`custom id name "${name}" must match ${NAME_PATTERN}`);
  if (!Number.isInteger(version) || version < 1 || version > 9999) {
    throw new Error(`custom id version must be an integer from 1 to 9999, got ${version}`);
  }
  const keys = Object.keys(fields);
  const schema = z.object(fields).strict();
  const values = z.array(z.unknown()).length(keys.length);
  const prefix = `${name}${SEPARATOR}v${version}${SEPARATOR}`;

  return {
    name,
    version,
    encode(payload) {
      const checked = schema.parse(payload) as Record<string, unknown>;
      const raw = prefix + JSON.stringify(keys.map((key) => checked[key]));
      if (raw.length > CUSTOM_ID_MAX_LENGTH) {
        throw new RangeError(
          `custom id "${name}" is ${raw.length} characters; Discord allows ${CUSTOM_ID_MAX_LENGTH}`,
        );
      }
      return raw;
    },
    decode(raw) {
      const header = parseCustomIdHeader(raw);
      if (!header || header.name !== name) return { ok: false, reason: "malformed" };
      if (header.version !== version) return { ok: false, reason: "stale" };
      if (!raw.startsWith(prefix)) return { ok: false, reason: "malformed" };
      let json: unknown;
      try {
        json = JSON.parse(raw.slice(prefix.length));
      } catch {
        // Not JSON: a hand-edited or truncated id. Reported, not thrown.
        return { ok: false, reason: "malformed" };
      }
      const array = values.safeParse(json);
      if (!array.success) return { ok: false, reason: "malformed" };
      const parsed = schema.safeParse(Object.fromEntries(keys.map((key, i) => [key, array.data[i]])));
      return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, reason: "malformed" };
    },
  };
}
