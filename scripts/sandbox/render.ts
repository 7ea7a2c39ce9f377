/**
 * Discord messages, modals and autocomplete choices as terminal text, the way a person would
 * read them in their client: mentions by name, timestamps in their language, embeds as titled
 * blocks of fields, components as [buttons] and [▾ menus].
 */
import type { ApiMessage } from "../harness/fake-discord/index.ts";

/** Who is looking, and how to name the ids a message mentions. */
export interface Viewer {
  /** Discord locale of the viewer (timestamps are written in it). */
  locale: string;
  /** Time zone Discord would show the viewer's times in. */
  timeZone: string;
  now: Date;
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  roleName(id: string): string | undefined;
}

type Json = Record<string, unknown>;

const TIMESTAMP_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: "short" },
  T: { timeStyle: "medium" },
  d: { dateStyle: "short" },
  D: { dateStyle: "long" },
  f: { dateStyle: "long", timeStyle: "short" },
  F: { dateStyle: "full", timeStyle: "short" },
};

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

function relative(seconds: number, viewer: Viewer): string {
  const delta = seconds - viewer.now.getTime() / 1000;
  const [unit, size] = RELATIVE_UNITS.find(([, s]) => Math.abs(delta) >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat(viewer.locale, { numeric: "auto" }).format(
    Math.round(delta / size),
    unit,
  );
}

/** Replaces Discord's markup for mentions, channels, roles, commands and timestamps with readable text. */
export function humanise(text: string, viewer: Viewer): string {
  return text
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_, unix: string, style: string | undefined) => {
      const seconds = Number(unix);
      if (style === "R") return relative(seconds, viewer);
      const format = TIMESTAMP_STYLES[style ?? "f"] ?? TIMESTAMP_STYLES.f;
      return new Intl.DateTimeFormat(viewer.locale, { ...format, timeZone: viewer.timeZone }).format(
        new Date(seconds * 1000),
      );
    })
    .replace(/<@!?(\d+)>/g, (raw, id: string) => {
      const name = viewer.userName(id);
      return name ? `@${name}` : raw;
    })
    .replace(/<@&(\d+)>/g, (raw, id: string) => {
      const name = viewer.roleName(id);
      return name ? `@${name}` : raw;
    })
    .replace(/<#(\d+)>/g, (raw, id: string) => {
      const name = viewer.channelName(id);
      return name ? `#${name}` : raw;
    })
    .replace(/<\/([^:>]+):\d+>/g, (_, name: string) => `/${name}`);
}

function lines(text: string, viewer: Viewer): string[] {
  return humanise(text, viewer).split("\n");
}

function renderEmbed(embed: Json, viewer: Viewer): string[] {
  const out: string[] = [];
  const author = (embed.author as Json | undefined)?.name;
  if (typeof author === "string") out.push(humanise(author, viewer));
  if (typeof embed.title === "string") out.push(`**${humanise(embed.title, viewer)}**`);
  if (typeof embed.url === "string") out.push(embed.url);
  if (typeof embed.description === "string") out.push(...lines(embed.description, viewer));
  for (const field of (embed.fields as Json[] | undefined) ?? []) {
    const [first = "", ...rest] = lines(String(field.value ?? ""), viewer);
    out.push(`${humanise(String(field.name ?? ""), viewer)}: ${first}`);
    for (const line of rest) out.push(`  ${line}`);
  }
  const image = (embed.image as Json | undefined)?.url;
  if (typeof image === "string") out.push(`🖼 ${image}`);
  const footer = (embed.footer as Json | undefined)?.text;
  const timestamp = typeof embed.timestamp === "string" ? new Date(embed.timestamp) : undefined;
  const when = timestamp
    ? new Intl.DateTimeFormat(viewer.locale, { ...TIMESTAMP_STYLES.f, timeZone: viewer.timeZone }).format(
        timestamp,
      )
    : undefined;
  const tail = [typeof footer === "string" ? humanise(footer, viewer) : undefined, when].filter(Boolean);
  if (tail.length) out.push(`— ${tail.join(" · ")}`);
  return out;
}

function label(component: Json): string {
  const emoji = (component.emoji as Json | undefined)?.name;
  const text = typeof component.label === "string" ? component.label : "";
  return [typeof emoji === "string" ? emoji : "", text].filter(Boolean).join(" ") || "…";
}

const SELECT_KIND: Record<number, string> = { 3: "", 5: "user", 6: "role", 7: "user or role", 8: "channel" };

function renderInline(component: Json, viewer: Viewer): string {
  const type = component.type as number;
  if (type === 2) {
    const link = component.style === 5 ? " ↗" : "";
    const disabled = component.disabled ? " (disabled)" : "";
    return `[${humanise(label(component), viewer)}${link}${disabled}]`;
  }
  if (type in SELECT_KIND) {
    const placeholder =
      typeof component.placeholder === "string" ? humanise(component.placeholder, viewer) : "";
    const options = ((component.options as Json[] | undefined) ?? []).map((o) => humanise(label(o), viewer));
    const kind = SELECT_KIND[type] ? ` (${SELECT_KIND[type]})` : "";
    const choices = options.length ? `: ${options.join(" | ")}` : "";
    return `[▾ ${placeholder || "choose"}${kind}${choices}]`;
  }
  return `[component type ${type}]`;
}

/** Components: rows of [buttons] and [▾ menus]; text displays and containers as text. */
function renderComponents(components: Json[], viewer: Viewer): string[] {
  const out: string[] = [];
  for (const component of components) {
    const type = component.type as number;
    const children = (component.components as Json[] | undefined) ?? [];
    if (type === 1) out.push(children.map((c) => renderInline(c, viewer)).join(" "));
    else if (type === 10) out.push(...lines(String(component.content ?? ""), viewer));
    else if (type === 14) out.push("────────");
    else if (type === 9) {
      out.push(...renderComponents(children, viewer));
      if (component.accessory) out.push(renderInline(component.accessory as Json, viewer));
    } else if (type === 17) out.push(...renderComponents(children, viewer));
    else out.push(renderInline(component, viewer));
  }
  return out;
}

/** A message as its viewer reads it: text, embeds, attachments, components. */
export function renderMessage(message: ApiMessage, viewer: Viewer): string[] {
  const out: string[] = [];
  if (message.flags & 128) out.push("(taiken is thinking…)");
  if (message.content) out.push(...lines(message.content, viewer));
  for (const embed of message.embeds) {
    if (out.length) out.push("");
    out.push(...renderEmbed(embed, viewer));
  }
  for (const attachment of message.attachments)
    out.push(`📎 ${attachment.filename} (${attachment.size} bytes)`);
  const components = renderComponents(message.components, viewer);
  if (components.length) out.push(...components);
  return out.length ? out : ["(an empty message)"];
}

/** A modal: its title and each input with its label and hints. */
export function renderModal(data: Json, viewer: Viewer): string[] {
  const out = [`📝 ${humanise(String(data.title ?? "(untitled form)"), viewer)}`];
  const inputs: Json[] = [];
  const collect = (components: Json[], labelText?: string) => {
    for (const component of components) {
      if (component.type === 4) inputs.push(labelText ? { ...component, label: labelText } : component);
      else if (component.type === 18 && component.component) {
        collect([component.component as Json], String(component.label ?? ""));
      } else if (Array.isArray(component.components)) collect(component.components as Json[], labelText);
      else if (component.type !== 4) out.push(`  ${renderInline(component, viewer)}`);
    }
  };
  collect((data.components as Json[] | undefined) ?? []);
  for (const input of inputs) {
    const kind = input.style === 2 ? "paragraph" : "short";
    const required = input.required === false ? "" : ", required";
    const hint = typeof input.placeholder === "string" ? ` — ${humanise(input.placeholder, viewer)}` : "";
    out.push(`  ▭ ${humanise(String(input.label ?? input.custom_id), viewer)} (${kind}${required})${hint}`);
  }
  return out;
}

/** Autocomplete suggestions, one per line. */
export function renderChoices(choices: Array<{ name: string; value: string | number }>): string[] {
  if (choices.length === 0) return ["(no suggestions)"];
  return choices.map((choice) => `• ${choice.name}`);
}
