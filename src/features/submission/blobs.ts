/**
 * Submitted files that nothing refers to any more: blobs of uploads whose version never committed
 * (a crash, a refusal after the download) are swept after an hour; a deleted programme's files go
 * at once. Blobs are shared by content, so a blob goes only when no file row points at it.
 */
import type { FileStore } from "./ports.ts";

/** Which stored blobs some file row still points at. */
export interface BlobIndex {
  referenced(storageKeys: readonly string[]): Promise<Set<string>>;
}

/** How long an unreferenced blob is kept: an upload in flight has written it but not its row yet. */
export const BLOB_GRACE_MS = 3600_000;
const BATCH = 500;

export interface BlobSweep {
  scanned: number;
  removed: number;
  temporary: number;
}

export function blobUseCases(ports: { files: FileStore; index: BlobIndex; now: () => Date }) {
  /** Removes the unreferenced ones of `keys` not written (or re-put) since `since`. */
  async function removeUnreferenced(keys: readonly string[], since: Date): Promise<number> {
    const referenced = await ports.index.referenced(keys);
    let removed = 0;
    for (const key of keys) {
      if (referenced.has(key)) continue;
      if (await ports.files.remove(key, { notTouchedSince: since })) removed += 1;
    }
    return removed;
  }

  return {
    /** The scheduled sweep: unreferenced blobs older than the grace, and stale upload leftovers. */
    async sweepBlobs(): Promise<BlobSweep> {
      const cutoff = new Date(ports.now().getTime() - BLOB_GRACE_MS);
      let scanned = 0;
      let removed = 0;
      let batch: string[] = [];
      for await (const blob of ports.files.list()) {
        scanned += 1;
        if (blob.modifiedAt >= cutoff) continue;
        batch.push(blob.storageKey);
        if (batch.length === BATCH) {
          removed += await removeUnreferenced(batch, cutoff);
          batch = [];
        }
      }
      if (batch.length > 0) removed += await removeUnreferenced(batch, cutoff);
      const temporary = await ports.files.removeStaleTemporary(cutoff);
      return { scanned, removed, temporary };
    },

    /**
     * After a programme's rows are gone: removes those of its blobs nothing else refers to. A blob
     * put again since `since` (the same content, being submitted elsewhere) is kept.
     */
    async releaseBlobs(keys: readonly string[], since: Date): Promise<number> {
      let removed = 0;
      const unique = [...new Set(keys)];
      for (let i = 0; i < unique.length; i += BATCH)
        removed += await removeUnreferenced(unique.slice(i, i + BATCH), since);
      return removed;
    },
  };
}

export type BlobUseCases = ReturnType<typeof blobUseCases>;
