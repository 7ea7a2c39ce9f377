/** {@link Downloader} over fetch: one timeout for the whole transfer, body included. */
import type { Downloader } from "../features/submission/ports.ts";

export function createHttpDownloader(): Downloader {
  return {
    async open(url, { timeoutMs }) {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok || response.body === null) {
        await response.body?.cancel();
        throw new Error(`download failed with status ${response.status}`);
      }
      const length = response.headers.get("content-length");
      return {
        declaredBytes: length === null || !/^\d+$/.test(length) ? null : Number(length),
        body: response.body,
      };
    },
  };
}
