/**
 * Discord timestamp styles: `F` long date and time, `f` short date and time, `D` date,
 * `d` short date, `T` time with seconds, `t` time, `R` relative ("in 3 days").
 */
export type TimestampStyle = "F" | "f" | "D" | "d" | "T" | "t" | "R";

/**
 * Renders a moment as a Discord timestamp (`<t:1767225600:F>`). Every user's client shows it in
 * their own time zone and language, so taiken never formats dates itself.
 */
export function discordTimestamp(at: Date, style: TimestampStyle = "F"): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;
}
