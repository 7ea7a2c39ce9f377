/**
 * {@link FileStore} on the local disk: content-addressed under one root (`sha256/ab/<hash>`), so
 * each content is kept once however many versions carry it. A body is written to a temporary file
 * first, hashed as it streams, flushed to disk and only then linked into place, so a crash never
 * leaves a half-written blob under a real name.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { link, mkdir, open, readdir, stat, unlink, utimes } from "node:fs/promises";
import path from "node:path";
import { HEAD_BYTES } from "../domain/submission/files.ts";
import { BlobRejected, type FileStore, type StoredBlob } from "../features/submission/ports.ts";

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The storage key of a sha256 (hex). */
export function storageKeyOf(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/** Flushes a directory entry (the link) to disk; some platforms cannot open directories. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  if (handle === null) return;
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A directory's names, or none when it does not exist (yet). */
async function entriesOf(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (isCode(error, "ENOENT")) return [];
    throw error;
  }
}

export function createLocalFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(root, ...key.split("/"));
  };

  return {
    async put(body, limits): Promise<StoredBlob> {
      const tmpDir = path.join(root, "tmp");
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      const handle = await open(tmp, "wx");
      const hash = createHash("sha256");
      let size = 0;
      let head = new Uint8Array(0);
      let accepted = false;
      let closed = false;
      try {
        for await (const chunk of body) {
          size += chunk.byteLength;
          // Throwing here ends the loop, which cancels the body: the transfer stops at the cap.
          if (size > limits.maxBytes) throw new BlobRejected("too_large");
          if (!accepted) {
            const joined = new Uint8Array(head.length + chunk.byteLength);
            joined.set(head);
            joined.set(chunk, head.length);
            head = joined.subarray(0, HEAD_BYTES);
            if (head.length >= HEAD_BYTES) {
              if (!limits.accept(head)) throw new BlobRejected("content");
              accepted = true;
            }
          }
          hash.update(chunk);
          await handle.write(chunk);
        }
        if (!accepted && !limits.accept(head)) throw new BlobRejected("content");
        await handle.sync();
        await handle.close();
        closed = true;
        const sha256 = hash.digest("hex");
        const storageKey = storageKeyOf(sha256);
        const final = pathOf(storageKey);
        await mkdir(path.dirname(final), { recursive: true });
        let created = true;
        try {
          // A hard link fails when the name exists: of two writers of one content, one creates it.
          await link(tmp, final);
          await syncDirectory(path.dirname(final));
        } catch (error) {
          if (!isCode(error, "EEXIST")) throw error;
          created = false;
          // Put again: the sweep's grace starts over, so it never takes a blob about to be referenced.
          const touched = new Date();
          await utimes(final, touched, touched);
        }
        await unlink(tmp);
        return { sha256, size, storageKey, created };
      } catch (error) {
        if (!closed) await handle.close().catch(() => undefined);
        await unlink(tmp).catch(() => undefined);
        throw error;
      }
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (isCode(error, "ENOENT")) return false;
        throw error;
      }
    },

    async remove(key, options) {
      const file = pathOf(key);
      try {
        if (options?.notTouchedSince !== undefined) {
          const info = await stat(file);
          if (info.mtime >= options.notTouchedSince) return false;
        }
        await unlink(file);
        return true;
      } catch (error) {
        if (!isCode(error, "ENOENT")) throw error;
        return false;
      }
    },

    read(key) {
      return createReadStream(pathOf(key));
    },

    async *list() {
      const base = path.join(root, "sha256");
      for (const prefix of await entriesOf(base)) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const name of await entriesOf(path.join(base, prefix))) {
          const storageKey = `sha256/${prefix}/${name}`;
          if (!KEY.test(storageKey)) continue;
          const info = await stat(path.join(base, prefix, name)).catch(() => null);
          if (info?.isFile()) yield { storageKey, modifiedAt: info.mtime };
        }
      }
    },

    async removeStaleTemporary(before) {
      const tmpDir = path.join(root, "tmp");
      let removed = 0;
      for (const name of await entriesOf(tmpDir)) {
        if (!name.endsWith(".part")) continue;
        const file = path.join(tmpDir, name);
        const info = await stat(file).catch(() => null);
        if (info === null || info.mtime >= before) continue;
        await unlink(file).catch(() => undefined);
        removed += 1;
      }
      return removed;
    },
  };
}
