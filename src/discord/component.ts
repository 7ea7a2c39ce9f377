import type { AnySelectMenuInteraction, ButtonInteraction, ModalSubmitInteraction } from "discord.js";
import type { CustomId, CustomIdDecodeResult } from "./custom-id.ts";
import type { Acknowledgement, Responder } from "./responder.ts";
import type { RouteOptions, Scope } from "./route.ts";

/** The kinds of interaction that carry a custom id. */
export type ComponentKind = "button" | "select" | "modal";

interface InteractionOf {
  button: ButtonInteraction;
  select: AnySelectMenuInteraction;
  modal: ModalSubmitInteraction;
}

/** What a button, select menu or modal handler receives. */
export interface ComponentContext<Payload, Interaction> extends Scope {
  interaction: Interaction;
  /** The custom id's payload, already validated against its schema. */
  payload: Payload;
  respond: Responder;
}

/** A component handler's declaration, before its types are erased. */
export interface ComponentSpec<Payload, Interaction> extends RouteOptions {
  /**
   * `"reply"` (default): answer with a new message; `"update"`: edit the message the component is
   * on (an automatic defer then becomes a `deferUpdate`).
   */
  acknowledgement?: Acknowledgement;
  run(ctx: ComponentContext<Payload, Interaction>): Promise<void>;
}

/** A component route with its payload type erased, as the router stores it. */
export interface ComponentRoute extends RouteOptions {
  kind: ComponentKind;
  name: string;
  version: number;
  acknowledgement: Acknowledgement;
  decode(raw: string): CustomIdDecodeResult<unknown>;
  run(ctx: ComponentContext<unknown, InteractionOf[ComponentKind]>): Promise<void>;
}

function define<Kind extends ComponentKind, Payload>(
  kind: Kind,
  id: CustomId<string, Payload>,
  spec: ComponentSpec<Payload, InteractionOf[Kind]>,
): ComponentRoute {
  return {
    kind,
    name: id.name,
    version: id.version,
    access: spec.access,
    defer: spec.defer,
    visibility: spec.visibility,
    acknowledgement: spec.acknowledgement ?? "reply",
    decode: (raw) => id.decode(raw),
    // The router only passes payloads that `decode` produced and interactions of this kind.
    run: (ctx) => spec.run(ctx as ComponentContext<Payload, InteractionOf[Kind]>),
  };
}

/** Declares the handler of a button whose custom id was built with `id.encode(...)`. */
export function defineButton<Payload>(
  id: CustomId<string, Payload>,
  spec: ComponentSpec<Payload, ButtonInteraction>,
): ComponentRoute {
  return define("button", id, spec);
}

/** Declares the handler of a select menu (any kind: string, user, role, channel, mentionable). */
export function defineSelectMenu<Payload>(
  id: CustomId<string, Payload>,
  spec: ComponentSpec<Payload, AnySelectMenuInteraction>,
): ComponentRoute {
  return define("select", id, spec);
}

/** Declares the handler of a modal's submission. */
export function defineModal<Payload>(
  id: CustomId<string, Payload>,
  spec: ComponentSpec<Payload, ModalSubmitInteraction>,
): ComponentRoute {
  return define("modal", id, spec);
}

/**
 * A modal's text input by custom id, or "" when the modal has none by that id (an optional field
 * left out, or a stale modal of another shape).
 */
export function textInput(interaction: ModalSubmitInteraction, id: string): string {
  return interaction.fields.fields.get(id)?.type === 4 ? interaction.fields.getTextInputValue(id) : "";
}
