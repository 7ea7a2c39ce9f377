/** Which links a hand-in may carry. */

/** The longest link accepted (Discord's option limit is 6,000; a URL this long is a mistake). */
export const MAX_LINK_LENGTH = 512;

/** Why a link is refused, or null when it is fine. */
export type LinkProblem = "invalid" | "not_http" | "credentials" | "too_long";

/**
 * Checks a link given to `/submit`: an absolute http(s) URL without user name or password (a
 * token pasted into a link would be shown to mentors and kept in exports).
 */
export function linkProblem(raw: string): LinkProblem | null {
  const text = raw.trim();
  if (text.length > MAX_LINK_LENGTH) return "too_long";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "not_http";
  if (url.username !== "" || url.password !== "") return "credentials";
  if (url.hostname === "") return "invalid";
  return null;
}
