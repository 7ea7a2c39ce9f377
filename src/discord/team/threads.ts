/** The Discord side of a team: its private thread in the projects channel. */
import { ChannelType, type REST, Routes, ThreadAutoArchiveDuration } from "discord.js";
import type { TeamThreads } from "../../features/team/ports.ts";
import type { Logger } from "../../observability/logger.ts";

/**
 * Team threads through `rest`. A private thread the bot creates and members cannot invite to:
 * only the team, the staff added to it and those with Manage Threads see it. Membership changes
 * that Discord refuses (a thread deleted by hand) are logged: the team in the database stands.
 */
export function teamThreads(rest: REST, logger: Logger): TeamThreads {
  async function quietly(what: string, threadId: string, work: () => Promise<unknown>) {
    try {
      await work();
    } catch (error) {
      logger.warn({ err: error, threadId }, `could not ${what} the team thread`);
    }
  }
  return {
    async create(channelId, name) {
      try {
        const created = (await rest.post(Routes.threads(channelId), {
          body: {
            name: `👥 ${name}`.slice(0, 100),
            type: ChannelType.PrivateThread,
            invitable: false,
            auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
          },
          reason: "taiken: team thread",
        })) as { id: string };
        return created.id;
      } catch (error) {
        logger.warn({ err: error, channelId }, "could not create the team thread");
        return null;
      }
    },
    add: (threadId, userId) =>
      quietly("add a member to", threadId, () => rest.put(Routes.threadMembers(threadId, userId))),
    remove: (threadId, userId) =>
      quietly("remove a member from", threadId, () => rest.delete(Routes.threadMembers(threadId, userId))),
    archive: (threadId) =>
      quietly("archive", threadId, () =>
        rest.patch(Routes.channel(threadId), {
          body: { archived: true, locked: true },
          reason: "taiken: team removed",
        }),
      ),
  };
}
