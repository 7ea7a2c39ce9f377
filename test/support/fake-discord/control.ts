import type { FakeDiscord } from "./server.ts";

/** Control API placeholder (filled in below). */
export async function handleControl(
  _fake: FakeDiscord,
  _method: string,
  _url: URL,
  _raw: Buffer,
): Promise<{ status: number; body?: unknown }> {
  return { status: 404, body: { message: "404: Not Found", code: 0 } };
}
