/**
 * Tar archives built in memory for tests, byte by byte with node-tar's own header encoder, so a
 * test can also make the archives no well-behaved tool would: `..` paths, bad checksums, cut-offs.
 */
import { gzipSync } from "fflate";
import { Header, Pax } from "tar";

export interface TarEntrySpec {
  readonly path: string;
  /** The body; folders and links have none. */
  readonly content?: string | Uint8Array;
  readonly type?: "File" | "Directory" | "SymbolicLink";
  readonly linkpath?: string;
  /** Declared size, when it should differ from the body's (a header that lies). */
  readonly size?: number;
  /** Write the path in a pax extended header (paths over 100 bytes, non-ASCII). */
  readonly pax?: boolean;
}

const BLOCK = 512;

function padded(bytes: Uint8Array): Buffer {
  const size = Math.ceil(bytes.length / BLOCK) * BLOCK;
  const out = Buffer.alloc(size);
  out.set(bytes);
  return out;
}

/** The blocks of one entry: [pax header,] header, body padded to 512 bytes. */
export function tarEntry(spec: TarEntrySpec): Buffer {
  const body =
    typeof spec.content === "string" ? Buffer.from(spec.content) : (spec.content ?? new Uint8Array());
  const type = spec.type ?? "File";
  const data = {
    path: spec.pax ? "PaxHeader/placeholder" : spec.path,
    mode: type === "Directory" ? 0o755 : 0o644,
    size: spec.size ?? body.length,
    mtime: new Date(0),
    type,
    linkpath: spec.linkpath,
  };
  const header = new Header(data);
  header.encode();
  const parts: Buffer[] = [];
  if (spec.pax) parts.push(new Pax({ path: spec.path, mtime: new Date(0) }).encode());
  parts.push(header.block as Buffer, padded(body));
  return Buffer.concat(parts);
}

/** A whole tar: the entries, then the two zero blocks that end an archive. */
export function tarOf(entries: readonly TarEntrySpec[]): Buffer {
  return Buffer.concat([...entries.map(tarEntry), Buffer.alloc(2 * BLOCK)]);
}

/** The same, gzipped (`.tar.gz` / `.tgz`). */
export function tarGzOf(entries: readonly TarEntrySpec[]): Uint8Array {
  return gzipSync(tarOf(entries));
}
