/**
 * Logical keys under which a programme records the Discord objects the bot created for it
 * (`DiscordResource.key`). They are the contract between the workspace builder, which creates
 * the objects, and every feature that uses them: features look objects up by key, never by name,
 * so organisers may rename channels and roles freely.
 */
export const ResourceKeys = {
  roles: {
    organiser: "role:organiser",
    mentor: "role:mentor",
    intern: "role:intern",
    agencyObserver: "role:agency_observer",
  },
  channels: {
    /** Organisers post, everyone reads; milestone announcements go here. */
    announcements: "channel:announcements",
    handbook: "channel:handbook",
    chat: "channel:chat",
    /** Forum where interns ask questions and mentors answer. */
    questions: "channel:questions",
    dailyReports: "channel:daily-reports",
    /** Stage (or voice) channel of the results presentation. */
    presentations: "channel:presentations",
    /** Parent of every intern's private project thread; mentors see all threads, agency observers none. */
    projects: "channel:projects",
    staff: "channel:staff",
    /** Agency observers read here; nobody else outside staff. */
    agency: "channel:agency",
  },
  /**
   * The welcome message with the programme's dates and the Join button. Its `discordId` is the
   * message id; the message is in the channel the template names as `welcome` (`channel:handbook`).
   */
  welcomeMessage: "message:welcome",
} as const;

/** Key of a category created from a template's category `id`. */
export function categoryKey(id: string): string {
  return `category:${id}`;
}

/** Key of an agency's private digest thread in `channel:agency`. */
export function agencyThreadKey(agencyId: string): string {
  return `thread:agency:${agencyId}`;
}
