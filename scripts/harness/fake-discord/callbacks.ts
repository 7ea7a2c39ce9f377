import { CallbackType, type InteractionRecord, InteractionType } from "./interactions.ts";
import { applyMessageEdit, buildMessage, type UploadedFile } from "./messages.ts";
import { HttpError, postMessage, type RouteContext, type RouteResult, unknown } from "./route-kit.ts";
import type { FakeDiscord } from "./server.ts";
import { snowflake } from "./snowflake.ts";
import type { ApiMessage, ApiUser } from "./types.ts";

/**
 * Interaction callbacks and the messages they create: what Discord does when the bot
 * answers an interaction (POST /interactions/{id}/{token}/callback).
 */

/** The `interaction_metadata` of messages created by an interaction. */
function interactionMetadata(fake: FakeDiscord, record: InteractionRecord): Record<string, unknown> {
  const payload = record.payload;
  const user = ((payload.member as { user?: ApiUser } | undefined)?.user ?? payload.user) as ApiUser;
  const metadata: Record<string, unknown> = {
    id: record.id,
    type: record.type,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
  };
  if (record.type === InteractionType.ApplicationCommand)
    metadata.name = (payload.data as { name?: string }).name;
  if (record.type === InteractionType.MessageComponent) {
    metadata.interacted_message_id = (payload.message as ApiMessage).id;
  }
  if (record.type === InteractionType.ModalSubmit) {
    const trigger = record.triggeringInteractionId
      ? fake.interactions.get(record.triggeringInteractionId)
      : undefined;
    metadata.triggering_interaction_metadata = trigger
      ? interactionMetadata(fake, trigger)
      : {
          id: snowflake(),
          type: InteractionType.ApplicationCommand,
          user,
          authorizing_integration_owners: {},
        };
  }
  return metadata;
}

/** Builds an interaction-produced message (response or follow-up) and stores it. */
export function createInteractionMessage(
  fake: FakeDiscord,
  record: InteractionRecord,
  body: Record<string, unknown>,
  files: UploadedFile[],
  original: boolean,
): ApiMessage {
  const payload = record.payload;
  const data = payload.data as Record<string, unknown>;
  const metadata = interactionMetadata(fake, record);
  if (!original && record.originalMessageId) metadata.original_response_message_id = record.originalMessageId;
  const commandType = record.type === InteractionType.ApplicationCommand ? (data.type === 1 ? 20 : 23) : 0;
  const message = buildMessage(fake.store, {
    channelId: payload.channel_id as string,
    guildId: payload.guild_id as string | undefined,
    author: fake.store.bot,
    body,
    files,
    type: original ? commandType : 0,
    webhookId: fake.store.applicationId,
    applicationId: fake.store.applicationId,
    interactionMetadata: metadata,
    baseUrl: fake.baseUrl,
  });
  fake.interactionMessages.set(message.id, message);
  postMessage(fake, message);
  return message;
}

/** POST /interactions/{id}/{token}/callback */
export function handleCallback(ctx: RouteContext): RouteResult {
  const fake = ctx.fake;
  const record = fake.interactions.get(ctx.params.interaction_id ?? "");
  if (!record || record.token !== ctx.params.interaction_token) throw unknown.interaction();
  const fail = (error: HttpError) => {
    record.errors.push({
      route: "callback",
      status: error.status,
      code: error.code,
      message: error.message,
    });
    return error;
  };
  if (record.callback) throw fail(new HttpError(400, 40060, "Interaction has already been acknowledged."));
  if (record.dispatchedAt !== undefined && ctx.receivedAt - record.dispatchedAt > fake.interactionTimeoutMs) {
    throw fail(unknown.interaction());
  }
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  const type = Number(b.type);
  const data = b.data as Record<string, unknown> | undefined;
  record.callback = { type, data, at: ctx.receivedAt };
  record.callbackAt = ctx.receivedAt;
  let message: ApiMessage | undefined;
  const componentMessage = record.payload.message as ApiMessage | undefined;
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
      message = createInteractionMessage(fake, record, data ?? {}, ctx.files, true);
      record.originalMessageId = message.id;
      break;
    case CallbackType.DeferredChannelMessageWithSource:
      message = createInteractionMessage(
        fake,
        record,
        { flags: ((data?.flags as number) ?? 0) | 128 },
        [],
        true,
      );
      record.originalMessageId = message.id;
      break;
    case CallbackType.DeferredUpdateMessage:
      if (componentMessage) record.originalMessageId = componentMessage.id;
      break;
    case CallbackType.UpdateMessage:
      if (componentMessage) {
        message = fake.findInteractionMessage(componentMessage.id);
        if (message) {
          applyMessageEdit(fake.store, fake.baseUrl, message, data ?? {}, ctx.files);
          record.originalMessageId = message.id;
          record.originalEdits += 1;
          if (!(message.flags & 64)) fake.gateway.dispatch("MESSAGE_UPDATE", { ...message });
        }
      }
      break;
    default:
      break;
  }
  if (ctx.query.get("with_response") !== "true") return { status: 204 };
  const interaction: Record<string, unknown> = { id: record.id, type: record.type };
  if (message) {
    interaction.response_message_id = message.id;
    interaction.response_message_loading = Boolean(message.flags & 128);
    interaction.response_message_ephemeral = Boolean(message.flags & 64);
  }
  return { status: 200, body: { interaction, ...(message ? { resource: { type, message } } : {}) } };
}
