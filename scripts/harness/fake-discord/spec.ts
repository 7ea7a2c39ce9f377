import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormatsModule from "ajv-formats";

/**
 * The spec referee: Discord's own OpenAPI 3.1 description (shared/discord-api-spec)
 * matched against every request and, in the harness's own tests, every response.
 *
 * The file is read and parsed once per process; validators are compiled lazily,
 * per operation and content type, and cached.
 */

/** Default location: <repo>/../shared/discord-api-spec/openapi.json (override with DISCORD_OPENAPI_SPEC). */
export const DEFAULT_SPEC_PATH =
  process.env.DISCORD_OPENAPI_SPEC ??
  fileURLToPath(new URL("../../../../shared/discord-api-spec/openapi.json", import.meta.url));

const COMPONENTS_ID = "https://discord-spec.invalid/components.json";

type Json = Record<string, unknown>;

interface PathTemplate {
  template: string;
  segments: string[];
  literalCount: number;
}

export interface RouteMatch {
  /** The spec path template, e.g. `/guilds/{guild_id}/channels`. */
  template: string;
  /** Path parameters by name (decoded). */
  params: Record<string, string>;
  /** The operation for this method, or undefined when the spec has the path but not the method. */
  operation: Json | undefined;
}

/**
 * Where the spec lags Discord's documentation (and discord.js, which follows the docs),
 * the schema is widened here, explicitly, instead of skipping validation. Each entry
 * says why. Everything else is validated as the spec says.
 */
export const SPEC_ALLOWLIST: ReadonlyArray<{ reason: string; apply(spec: Json): void }> = [
  {
    reason:
      "Permission bitfields: the spec types them as integers, Discord's docs as strings " +
      '("permissions: string, bitwise value"; bitfields outgrow 2^53) and discord.js sends ' +
      "strings. Accept decimal strings too, for exactly these properties.",
    apply(spec) {
      const widen = (props: Json | undefined, key: string) => {
        if (props?.[key]) props[key] = { anyOf: [props[key], { type: "string", pattern: "^[0-9]+$" }] };
      };
      const schemas = (spec.components as Json).schemas as Json;
      const bySchema: Array<[string, string]> = [
        ["ChannelPermissionOverwriteRequest", "allow"],
        ["ChannelPermissionOverwriteRequest", "deny"],
        ["CreateRoleRequest", "permissions"],
        ["UpdateRoleRequestPartial", "permissions"],
        ["ApplicationCommandCreateRequest", "default_member_permissions"],
        ["ApplicationCommandPatchRequestPartial", "default_member_permissions"],
        ["ApplicationCommandUpdateRequest", "default_member_permissions"],
      ];
      for (const [schema, key] of bySchema)
        widen((schemas[schema] as Json | undefined)?.properties as Json, key);
      const put = getIn(spec, [
        "paths",
        "/channels/{channel_id}/permissions/{overwrite_id}",
        "put",
        "requestBody",
        "content",
        "application/json",
        "schema",
      ]) as Json | undefined;
      widen(put?.properties as Json | undefined, "allow");
      widen(put?.properties as Json | undefined, "deny");
    },
  },
];

function getIn(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Json)[key];
  }
  return cur;
}

/** Rewrites local refs (`#/components/...`) so they point into the components schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/")) out[k] = COMPONENTS_ID + v;
    else out[k] = rewriteRefs(v);
  }
  return out;
}

export interface SpecTimings {
  /** Reading + JSON.parse of openapi.json, ms. */
  loadMs: number;
  /** Building the route table and ajv instance, ms. */
  setupMs: number;
}

/** The loaded spec with its route table and lazily compiled validators. */
export class DiscordSpec {
  readonly spec: Json;
  readonly timings: SpecTimings;
  private readonly byLength = new Map<number, PathTemplate[]>();
  private readonly ajv: Ajv2020;
  private readonly requestValidators = new Map<string, ValidateFunction | null>();
  private readonly responseValidators = new Map<string, ValidateFunction | null>();
  /** Total time spent compiling validators so far, ms. */
  compileMs = 0;

  constructor(specPath: string = DEFAULT_SPEC_PATH) {
    const t0 = performance.now();
    this.spec = JSON.parse(readFileSync(specPath, "utf8")) as Json;
    const t1 = performance.now();
    for (const entry of SPEC_ALLOWLIST) entry.apply(this.spec);
    for (const template of Object.keys(this.spec.paths as Json)) {
      const segments = template.split("/").slice(1);
      const literalCount = segments.filter((s) => !s.startsWith("{")).length;
      const list = this.byLength.get(segments.length) ?? [];
      list.push({ template, segments, literalCount });
      this.byLength.set(segments.length, list);
    }
    for (const list of this.byLength.values()) list.sort((a, b) => b.literalCount - a.literalCount);
    this.ajv = new Ajv2020({
      // The spec uses OpenAPI-only keywords (x-discord-union) and unions Ajv's strict mode rejects.
      strict: false,
      allErrors: true,
      validateFormats: true,
      validateSchema: false,
    });
    const mod = ajvFormatsModule as unknown as { default: (ajv: Ajv2020) => void };
    const addFormats =
      typeof mod.default === "function" ? mod.default : (mod as unknown as (a: Ajv2020) => void);
    addFormats(this.ajv);
    // Discord's own formats. The schemas already constrain them (pattern, min/max); the
    // formats only need to be known.
    this.ajv.addFormat("snowflake", { type: "string", validate: (s: string) => /^(0|[1-9][0-9]*)$/.test(s) });
    this.ajv.addFormat("nonce", true);
    this.ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat("int32", {
      type: "number",
      validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647,
    });
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: this.spec.components }, undefined, undefined, false);
    this.timings = { loadMs: t1 - t0, setupMs: performance.now() - t1 };
  }

  /** Matches a request path (after /api/v10, decoded per segment) to a spec path template. */
  match(method: string, path: string): RouteMatch | undefined {
    const segments = path.split("/").slice(1);
    const candidates = this.byLength.get(segments.length);
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const want = candidate.segments[i] as string;
        const got = segments[i] as string;
        if (want.startsWith("{")) {
          if (got === "") {
            ok = false;
            break;
          }
          params[want.slice(1, -1)] = got;
        } else if (want !== got) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const item = (this.spec.paths as Json)[candidate.template] as Json;
      return {
        template: candidate.template,
        params,
        operation: item[method.toLowerCase()] as Json | undefined,
      };
    }
    return undefined;
  }

  /** Whether the operation is called with the bot token (false for interaction/webhook token routes). */
  requiresBotAuth(operation: Json | undefined): boolean {
    const security = operation?.security as Json[] | undefined;
    if (!security) return true;
    return !security.some((s) => Object.keys(s).length === 0);
  }

  private compile(cacheKey: string, cache: Map<string, ValidateFunction | null>, schema: unknown) {
    if (cache.has(cacheKey)) return cache.get(cacheKey) ?? null;
    if (!schema) {
      cache.set(cacheKey, null);
      return null;
    }
    const t0 = performance.now();
    const validate = this.ajv.compile(rewriteRefs(schema) as Json);
    this.compileMs += performance.now() - t0;
    cache.set(cacheKey, validate);
    return validate;
  }

  /**
   * Validates a request body against the operation's requestBody schema for the content
   * type (multipart bodies are validated through their `payload_json`, against the JSON
   * schema). Returns null when valid or when the operation takes no body.
   */
  validateRequest(method: string, template: string, body: unknown): ErrorObject[] | null {
    const item = (this.spec.paths as Json)[template] as Json | undefined;
    const op = item?.[method.toLowerCase()] as Json | undefined;
    const requestBody = op?.requestBody as Json | undefined;
    if (!requestBody) return null;
    const schema = getIn(requestBody, ["content", "application/json", "schema"]);
    const validate = this.compile(`${method} ${template}`, this.requestValidators, schema);
    if (!validate) return null;
    if (body === undefined) {
      if (requestBody.required) {
        return [
          {
            instancePath: "",
            schemaPath: "#/required",
            keyword: "required",
            params: {},
            message: "request body is required",
          },
        ];
      }
      return null;
    }
    return validate(body) ? null : [...(validate.errors ?? [])];
  }

  /**
   * Compiles the request validators of these routes ("METHOD template") now, so the
   * first request of a kind does not pay the compile time (~100 ms for messages and
   * interaction callbacks) — for benchmarks that time early requests. Returns ms spent.
   */
  precompile(routes: Iterable<string>): number {
    const t0 = performance.now();
    for (const route of routes) {
      const [method, template] = route.split(" ") as [string, string];
      this.validateRequest(method, template, {});
    }
    return performance.now() - t0;
  }

  /**
   * Validates a response body against the operation's response schema for the status
   * (exact status, then e.g. 4XX). Returns null when valid or when the spec has no schema.
   */
  validateResponse(method: string, template: string, status: number, body: unknown): ErrorObject[] | null {
    const item = (this.spec.paths as Json)[template] as Json | undefined;
    const op = item?.[method.toLowerCase()] as Json | undefined;
    const responses = op?.responses as Json | undefined;
    if (!responses) return null;
    let response = (responses[String(status)] ?? responses[`${String(status)[0]}XX`]) as Json | undefined;
    if (response?.$ref) {
      const name = String(response.$ref).split("/").pop() as string;
      response = ((this.spec.components as Json).responses as Json)[name] as Json | undefined;
    }
    const schema = getIn(response, ["content", "application/json", "schema"]);
    const validate = this.compile(`${method} ${template} ${status}`, this.responseValidators, schema);
    if (!validate) return null;
    return validate(body) ? null : [...(validate.errors ?? [])];
  }
}

let shared: DiscordSpec | undefined;
let sharedPath: string | undefined;

/** The spec, loaded once per process (and per path) and shared by every fake server. */
export function loadSpec(specPath: string = DEFAULT_SPEC_PATH): DiscordSpec {
  if (!shared || sharedPath !== specPath) {
    shared = new DiscordSpec(specPath);
    sharedPath = specPath;
  }
  return shared;
}
