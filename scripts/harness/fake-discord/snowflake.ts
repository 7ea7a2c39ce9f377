/** Discord epoch (2015-01-01T00:00:00.000Z) in milliseconds. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;
let lastMs = 0n;

/**
 * A new, unique, increasing snowflake as Discord builds them:
 * milliseconds since the Discord epoch << 22, plus a 12-bit counter.
 */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  if (ms < lastMs) ms = lastMs;
  if (ms === lastMs) {
    increment += 1n;
    if (increment > 0xfffn) {
      ms += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastMs = ms;
  return ((ms << 22n) | (1n << 17n) | increment).toString();
}

/** The creation time (ms since the Unix epoch) encoded in a snowflake. */
function _snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** A random string usable as an interaction or webhook token. */
export function randomToken(prefix = "aW50ZXJhY3Rpb24"): string {
  let out = `${prefix}:`;
  for (let i = 0; i < 4; i++) out += Math.random().toString(36).slice(2);
  return out;
}
