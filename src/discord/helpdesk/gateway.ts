/** {@link HelpdeskDiscord} over the bot's REST client. */
import type { APIChannel, APIGuildForumTag, APIMessage, REST } from "discord.js";
import { Routes } from "discord.js";
import type { ForumTag } from "../../domain/helpdesk/rules.ts";
import type { HelpdeskDiscord } from "../../features/helpdesk/ports.ts";
import { isGone } from "../workspace/builder.ts";
import { questionMessage } from "./render.ts";

export function helpdeskDiscord(rest: REST): HelpdeskDiscord {
  return {
    async forumTags(forumId) {
      const channel = (await rest.get(Routes.channel(forumId))) as APIChannel & {
        available_tags?: APIGuildForumTag[];
      };
      return (channel.available_tags ?? []).map(
        (tag): ForumTag => ({ id: tag.id, name: tag.name, moderated: tag.moderated }),
      );
    },
    async postInForum(forumId, post, appliedTags) {
      const thread = (await rest.post(Routes.threads(forumId), {
        body: {
          name: post.title.slice(0, 100),
          message: questionMessage(post, false),
          applied_tags: appliedTags,
        },
      })) as APIChannel;
      return { threadId: thread.id };
    },
    async postInThread(threadId, post) {
      const message = (await rest.post(Routes.channelMessages(threadId), {
        body: questionMessage(post, true),
      })) as APIMessage;
      return { messageId: message.id };
    },
    async setTags(threadId, tagIds) {
      try {
        await rest.patch(Routes.channel(threadId), { body: { applied_tags: tagIds } });
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}
