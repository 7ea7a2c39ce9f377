import {
  type AnySelectMenuInteraction,
  type APIModalInteractionResponseCallbackData,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type JSONEncodable,
  MessageFlags,
  MessagePayload,
  type ModalComponentData,
  type ModalSubmitInteraction,
  REST,
  Routes,
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

/** A follow-up message: the message, and whether only the caller sees it. */
type FollowUpMessage = BaseMessageOptions & { flags?: MessageFlags.Ephemeral | undefined };

/** How a responder edits the original response and sends follow-ups. */
export interface InteractionWebhookSender {
  editOriginal(interaction: RespondableInteraction, message: BaseMessageOptions): Promise<void>;
  followUp(interaction: RespondableInteraction, message: FollowUpMessage): Promise<void>;
}

/** discord.js's own methods, through the client's REST queue. */
const throughClient: InteractionWebhookSender = {
  async editOriginal(interaction, message) {
    await interaction.editReply(message);
  },
  async followUp(interaction, message) {
    await interaction.followUp(message);
  },
};

const webhookClients = new WeakMap<Client, REST>();

/**
 * The client's REST options without its count towards the global rate limit, one per client.
 *
 * Discord does not count the interaction webhook (editing the original response, follow-ups)
 * against a bot's global limit of 50 requests a second; @discordjs/rest counts every request it
 * sends. After a rush of deferred clicks their answers then leave at 50 a second (measured: the
 * last of 500 claim answers 10.5 s after its click, queued behind nothing but each other) and
 * behind any message the bot posts meanwhile. The per-route limits (per interaction token) still
 * apply.
 */
function webhookClient(client: Client): REST {
  let rest = webhookClients.get(client);
  if (rest === undefined) {
    rest = new REST({ ...client.rest.options, globalRequestsPerSecond: Number.MAX_SAFE_INTEGER });
    webhookClients.set(client, rest);
  }
  return rest;
}

/**
 * Sends what discord.js's `editReply` and `followUp` send (the same payload, resolved by
 * discord.js), through {@link webhookClient}. The router's responders use it.
 */
export const unthrottledInteractionWebhook: InteractionWebhookSender = {
  async editOriginal(interaction, message) {
    const webhook = interaction.webhook;
    const { body, files } = await MessagePayload.create(webhook, message).resolveBody().resolveFiles();
    await webhookClient(interaction.client).patch(
      Routes.webhookMessage(webhook.id, interaction.token, "@original"),
      { body, files: files ?? undefined, auth: false },
    );
  },
  async followUp(interaction, message) {
    const webhook = interaction.webhook;
    const { body, files } = await MessagePayload.create(webhook, message).resolveBody().resolveFiles();
    await webhookClient(interaction.client).post(Routes.webhook(webhook.id, interaction.token), {
      body,
      files: files ?? undefined,
      query: new URLSearchParams({ wait: "true" }),
      auth: false,
    });
  },
};

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
    private readonly webhook: InteractionWebhookSender = throughClient,
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
        await this.webhook.editOriginal(this.interaction, message);
      } else {
        await this.webhook.followUp(this.interaction, { ...message, flags: this.#flags() });
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
        await this.webhook.editOriginal(interaction, message);
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
      await this.webhook.followUp(this.interaction, { ...withDefaults(content), flags: this.#flags() });
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
        await this.webhook.editOriginal(this.interaction, { ...message, embeds: [], components: [] });
      } else {
        await this.webhook.followUp(this.interaction, { ...message, flags: MessageFlags.Ephemeral });
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
