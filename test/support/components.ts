import type { ApiMessage } from "../../scripts/harness/fake-discord/index.ts";

/** Every custom id in a message's action rows, in order. */
export function customIds(message: ApiMessage): string[] {
  const rows = (message.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows.flatMap((row) => (row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : [])));
}
