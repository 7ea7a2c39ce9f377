/**
 * {@link ExportSink} on the local disk: each copy is written to a `.part` file beside its place and
 * renamed when complete, so an interrupted export never leaves a truncated file under a real name.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ExportSink } from "../features/submission/export-files.ts";

export function createExportFolder(root: string): ExportSink {
  const resolved = path.resolve(root);
  const pathOf = (relative: string) => {
    const full = path.resolve(resolved, relative);
    if (!full.startsWith(`${resolved}${path.sep}`)) throw new Error(`outside the export folder: ${relative}`);
    return full;
  };
  return {
    async write(relative, body) {
      const full = pathOf(relative);
      await mkdir(path.dirname(full), { recursive: true });
      const part = `${full}.part`;
      try {
        await pipeline(Readable.from(body), createWriteStream(part, { flags: "wx" }));
        await rename(part, full);
      } catch (error) {
        await rm(part, { force: true });
        throw error;
      }
    },
    async discard(relative) {
      await rm(pathOf(relative), { force: true });
    },
  };
}
