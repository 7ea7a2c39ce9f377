/** {@link Downloader} over fetch: one timeout for the whole transfer, body included. */
import type { Downloader } from "../features/submission/ports.ts";

/**
 * The body of `response`, chunk by chunk, refusing one that ends before its Content-Length.
 *
 * The generator holds `response` until the last chunk is read: undici cancels the body of a
 * Response that is garbage-collected first (nodejs/undici#3199), which would read as an empty or
 * shortened file — under load (500 hand-ins at once) most of them. A body that ends short, for
 * that or any other reason, is a failed download, not a file of the wrong type.
 */
async function* bodyOf(response: Response, declaredBytes: number | null): AsyncIterable<Uint8Array> {
  const body = response.body;
  if (body === null) return;
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    yield chunk;
  }
  if (declaredBytes !== null && received < declaredBytes) {
    throw new Error(`download cut short: ${received} of ${declaredBytes} bytes (${response.url})`);
  }
}

export function createHttpDownloader(): Downloader {
  return {
    async open(url, { timeoutMs }) {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok || response.body === null) {
        await response.body?.cancel();
        throw new Error(`download failed with status ${response.status}`);
      }
      const length = response.headers.get("content-length");
      const declaredBytes = length === null || !/^\d+$/.test(length) ? null : Number(length);
      return { declaredBytes, body: bodyOf(response, declaredBytes) };
    },
  };
}
