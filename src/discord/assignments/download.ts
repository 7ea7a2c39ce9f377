/** Fetching an uploaded attachment with a hard cap, whatever size Discord declared. */
import type { UploadSource } from "../../features/library/ports.ts";
import type { Logger } from "../../observability/logger.ts";

/** The body was larger than the cap: the download was stopped there. */
export class DownloadTooLarge extends Error {
  override name = "DownloadTooLarge";
}

/**
 * Downloads `url`, reading at most `maxBytes`: the transfer is aborted as soon as more arrive, so
 * a wrong declared size cannot make the bot hold a large file in memory.
 * @throws DownloadTooLarge, or the fetch error.
 */
export async function downloadCapped(url: string, maxBytes: number, timeoutMs = 30_000): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || response.body === null)
      throw new Error(`download failed with status ${response.status}`);
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > maxBytes) throw new DownloadTooLarge(`${declared} bytes declared`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        controller.abort();
        throw new DownloadTooLarge(`more than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

/** The library import's {@link UploadSource}: the capped download, a failure logged here. */
export function uploadSource(logger: Logger): UploadSource {
  return {
    async download(url, maxBytes) {
      try {
        return { status: "ok", bytes: await downloadCapped(url, maxBytes) };
      } catch (error) {
        if (error instanceof DownloadTooLarge) return { status: "too_large" };
        logger.warn({ err: error }, "attachment download failed");
        return { status: "failed" };
      }
    },
  };
}
