import {
  type AnySelectMenuInteraction,
  type APIModalInteractionResponseCallbackData,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type JSONEncodable,
  MessageFlags,
  type ModalComponentData,
  type ModalSubmitInteraction,
} from "discord.js";

/** What a handler sends: text, or a message with embeds and components. */
export type ReplyContent = string | BaseMessageOptions;

/** Whether a handler's replies are seen by the caller only or by the whole channel. */
export type Visibility = "ephemeral" | "public";

/**
 * How a handler acknowledges its interaction:
 * - `"reply"`: a new message (the default);
 * - `"update"`: components only, edit the message the component is on.
 */
export type Acknowledgement = "reply" | "update";

/** Interactions that get a responder (everything but autocomplete). */
export type RespondableInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | AnySelectMenuInteraction
  | ModalSubmitInteraction;

type ModalData =
  | JSONEncodable<APIModalInteractionResponseCallbackData>
  | ModalComponentData
  | APIModalInteractionResponseCallbackData;

/** Where an interaction's response stands. */
export type ResponseState = "fresh" | "deferred" | "replied";

/**
 * The one way handlers answer an interaction. It knows whether the router already deferred (a
 * handler never has to), serialises calls so an automatic defer and a reply cannot race, and
 * applies the declared visibility and `allowedMentions: { parse: [] }` (nobody is pinged unless a
 * handler passes its own `allowedMentions`).
 */
export class Responder {
  #state: ResponseState = "fresh";
  #deferredAs: Acknowledgement | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly interaction: RespondableInteraction,
    private readonly visibility: Visibility = "ephemeral",
    private readonly acknowledgement: Acknowledgement = "reply",
  ) {}

  /** `fresh` until the first acknowledgement, then `deferred` or `replied`. */
  get state(): ResponseState {
    return this.#state;
  }

  /**
   * True while the user is still waiting for an answer: nothing sent yet, or a deferred reply
   * ("is thinking…") not yet edited. A deferred *update* needs no further answer.
   */
  get awaitingAnswer(): boolean {
    return this.#state === "fresh" || (this.#state === "deferred" && this.#deferredAs === "reply");
  }

  /** Acknowledges now if nothing has been sent yet; a no-op otherwise. */
  defer(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#state !== "fresh") return;
      if (this.acknowledgement === "update" && this.interaction.isMessageComponent()) {
        await this.interaction.deferUpdate();
      } else {
        await this.interaction.deferReply(
          this.visibility === "ephemeral" ? { flags: MessageFlags.Ephemeral } : {},
        );
      }
      this.#deferredAs = this.acknowledgement;
      this.#state = "deferred";
    });
  }

  /**
   * Sends the handler's answer: the first reply, the edit of a deferred reply, or (once a reply
   * exists) a follow-up with the same visibility.
   */
  reply(content: ReplyContent): Promise<void> {
    return this.#enqueue(async () => {
      const message = withDefaults(content);
      if (this.#state === "fresh") {
        await this.interaction.reply({ ...message, flags: this.#flags() });
      } else if (this.#state === "deferred" && this.#deferredAs === "reply") {
        await this.interaction.editReply(message);
      } else {
        await this.interaction.followUp({ ...message, flags: this.#flags() });
      }
      this.#state = "replied";
    });
  }

  /** Components only: replaces the message the component is on (e.g. to disable a clicked button). */
  update(content: ReplyContent): Promise<void> {
    return this.#enqueue(async () => {
      const interaction = this.interaction;
      if (
        !interaction.isMessageComponent() &&
        !(interaction.isModalSubmit() && interaction.isFromMessage())
      ) {
        throw new Error("Responder.update() is only for components and modals opened from a message");
      }
      const message = withDefaults(content);
      if (this.#state === "fresh") {
        await interaction.update(message);
      } else if (this.#deferredAs === "update") {
        await interaction.editReply(message);
      } else {
        throw new Error("Responder.update() after a deferred reply: declare acknowledgement 'update'");
      }
      this.#state = "replied";
    });
  }

  /** Opens a modal. It must be the first response: declare `defer: "never"` on the handler. */
  showModal(modal: ModalData): Promise<void> {
    return this.#enqueue(async () => {
      const interaction = this.interaction;
      if (interaction.isModalSubmit()) throw new Error("a modal cannot open another modal");
      if (this.#state !== "fresh")
        throw new Error("showModal() must be the first response: declare defer: 'never'");
      await interaction.showModal(modal);
      this.#state = "replied";
    });
  }

  /** A further message after the reply, e.g. a second page. */
  followUp(content: ReplyContent): Promise<void> {
    return this.#enqueue(async () => {
      await this.interaction.followUp({ ...withDefaults(content), flags: this.#flags() });
    });
  }

  /**
   * Tells the user something went wrong, in whatever way is still possible: an ephemeral reply,
   * the edit of a deferred reply, or an ephemeral follow-up.
   */
  fail(content: string): Promise<void> {
    return this.#enqueue(async () => {
      const message = withDefaults(content);
      if (this.#state === "fresh") {
        await this.interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
      } else if (this.#state === "deferred" && this.#deferredAs === "reply") {
        await this.interaction.editReply({ ...message, embeds: [], components: [] });
      } else {
        await this.interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      }
      this.#state = "replied";
    });
  }

  #flags(): MessageFlags.Ephemeral | undefined {
    return this.visibility === "ephemeral" ? MessageFlags.Ephemeral : undefined;
  }

  #enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(operation);
    // The queue must keep going after a failed call; the caller still sees the failure.
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function withDefaults(content: ReplyContent): BaseMessageOptions {
  const message = typeof content === "string" ? { content } : content;
  return { allowedMentions: { parse: [] }, ...message };
}
