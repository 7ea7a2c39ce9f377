/**
 * The people of the sandbox programme. Each is a member of the fake server with a Discord
 * locale; the organiser also holds a role with Manage Server, as the person who added the bot
 * would. Their roles *in the programme* are not set here: they come from taiken itself as scenes
 * (opening a programme, joining it, …) are added.
 */

/** Who acts in a scene. */
export type PersonKey = "organiser" | "internJa" | "internEn" | "mentor" | "observer";

/** A person as the scenes know them. */
export interface Person {
  key: PersonKey;
  /** Display name (Discord's global name). */
  name: string;
  username: string;
  /** What they are in the story. */
  part: string;
  /** Their Discord client's language, sent with every interaction. */
  locale: string;
  /** Discord role names they hold in the server (created by the sandbox). */
  serverRoles: string[];
}

/** A Discord role the sandbox creates before anyone joins. */
export interface ServerRole {
  name: string;
  permissions: bigint;
  /** The permissions in words, for the cast list. */
  grants: string;
}

const MANAGE_GUILD = 1n << 5n;

/** Roles in the server before taiken arrives. */
export const SERVER_ROLES: readonly ServerRole[] = [
  { name: "運営 Organisers", permissions: MANAGE_GUILD, grants: "Manage Server" },
];

/** The cast, in the order they appear in each scene. */
export const CAST: readonly Person[] = [
  {
    key: "organiser",
    name: "佐藤 愛子",
    username: "aiko.sato",
    part: "organiser",
    locale: "ja",
    serverRoles: ["運営 Organisers"],
  },
  {
    key: "internJa",
    name: "田中 陽翔",
    username: "haruto.tanaka",
    part: "intern",
    locale: "ja",
    serverRoles: [],
  },
  {
    key: "internEn",
    name: "Maya Chen",
    username: "maya.chen",
    part: "intern",
    locale: "en-US",
    serverRoles: [],
  },
  {
    key: "mentor",
    name: "Daniel Park",
    username: "daniel.park",
    part: "mentor",
    locale: "en-GB",
    serverRoles: [],
  },
  {
    key: "observer",
    name: "山本 恵美",
    username: "emi.yamamoto",
    part: "agency observer (employment-transition support office)",
    locale: "ja",
    serverRoles: [],
  },
];

/** Every person's key, in cast order (for scenes where everyone does the same thing). */
export const EVERYONE: readonly PersonKey[] = CAST.map((person) => person.key);

export function person(key: PersonKey): Person {
  const found = CAST.find((p) => p.key === key);
  if (!found) throw new Error(`sandbox: nobody called ${key}`);
  return found;
}
