import { gzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  archiveKind,
  MAX_ARCHIVE_FILES,
  MAX_TAR_BYTES,
  MAX_UNPACKED_BYTES,
  unpackArchive,
} from "../../../src/domain/library/archive.ts";
import { parseLibrary } from "../../../src/domain/library/parse.ts";
import { filesFromUpload } from "../../../src/domain/library/sources.ts";
import { type TarEntrySpec, tarEntry, tarGzOf, tarOf } from "../../support/tar.ts";

const task = (id: string) =>
  `---\nid: ${id}\ntitle_ja: 課題 ${id}\nlevel: 2\nestimated_hours: 10\n---\nBrief of ${id}.\n`;

const library: TarEntrySpec[] = [
  { path: "./", type: "Directory" },
  { path: "./lib/", type: "Directory" },
  { path: "./lib/b.md", content: task("b") },
  { path: "./lib/a.md", content: task("a") },
  { path: "./lib/.hidden.md", content: task("hidden") },
  { path: "./lib/._a.md", content: "\0\u0005\u0016\u0007 macOS resource fork" },
  { path: "./lib/readme.txt", content: "read me" },
  { path: "./lib/link.md", type: "SymbolicLink", linkpath: "/etc/passwd" },
];

const paths = (result: ReturnType<typeof unpackArchive>) => result.files.map((file) => file.path);

describe("archiveKind", () => {
  it("GIVEN archive names THEN zip, tar, .tar.gz and .tgz are archives, other names are not", () => {
    expect(["a.zip", "a.TAR", "a.tar.gz", "A.TGZ", "a.gz", "a.yaml", "tar"].map(archiveKind)).toEqual([
      "zip",
      "tar",
      "tar",
      "tar",
      null,
      null,
      null,
    ]);
  });
});

describe("unpackArchive: tar", () => {
  it("GIVEN a .tar.gz of Markdown files THEN the readable ones come out sorted; folders, hidden files, links and other types are skipped", () => {
    const result = unpackArchive("lib.tar.gz", tarGzOf(library));
    expect(result.issues).toEqual([]);
    expect(paths(result)).toEqual(["lib.tar.gz/lib/a.md", "lib.tar.gz/lib/b.md"]);
    expect(result.files[0]?.content).toBe(task("a"));
  });

  it("GIVEN the same library as a plain .tar and as a .tgz THEN both unpack to the same files", () => {
    const plain = unpackArchive("lib.tar", tarOf(library));
    const tgz = unpackArchive("lib.tgz", tarGzOf(library));
    expect(plain.issues).toEqual([]);
    expect(plain.files.map((file) => file.content)).toEqual(tgz.files.map((file) => file.content));
    expect(paths(plain)).toEqual(["lib.tar/lib/a.md", "lib.tar/lib/b.md"]);
  });

  it("GIVEN a path longer than a tar header holds (pax) and a Japanese folder name THEN both are read whole", () => {
    const long = `${"deep/".repeat(30)}task.md`;
    const result = unpackArchive(
      "lib.tar",
      tarOf([
        { path: long, content: task("long"), pax: true },
        { path: "課題/日本語.md", content: task("ja"), pax: true },
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(paths(result)).toEqual([`lib.tar/${long}`, "lib.tar/課題/日本語.md"]);
  });

  it("GIVEN a path twice (appended with tar -r) THEN the last one is the file", () => {
    const result = unpackArchive(
      "lib.tar",
      tarOf([
        { path: "a.md", content: task("old") },
        { path: "a.md", content: task("new") },
      ]),
    );
    expect(result.files).toEqual([{ path: "lib.tar/a.md", content: task("new") }]);
  });

  it("GIVEN an entry that climbs out with .. THEN the archive is refused and the entry named", () => {
    const result = unpackArchive(
      "evil.tar.gz",
      tarGzOf([
        { path: "lib/a.md", content: task("a") },
        { path: "lib/../../outside.md", content: task("x") },
      ]),
    );
    expect(result).toEqual({
      files: [],
      issues: [
        {
          code: "archive_unsafe_path",
          file: "evil.tar.gz",
          line: null,
          field: null,
          detail: "lib/../../outside.md",
        },
      ],
    });
  });

  it("GIVEN an absolute path, even on a file the import would skip THEN the archive is refused", () => {
    for (const path of ["/etc/cron.d/job.md", "/tmp/picture.png", "C:\\Users\\x\\a.md"]) {
      const result = unpackArchive("evil.tar", tarOf([{ path, content: "x" }]));
      expect(result.issues).toMatchObject([{ code: "archive_unsafe_path", detail: path }]);
      expect(result.files).toEqual([]);
    }
  });

  it("GIVEN a header whose checksum is wrong THEN archive_invalid", () => {
    const tar = tarOf([
      { path: "a.md", content: task("a") },
      { path: "b.md", content: task("b") },
    ]);
    tar.writeUInt8(tar.readUInt8(1024 + 10) ^ 0xff, 1024 + 10); // a byte of b.md's name, in the second header
    expect(unpackArchive("lib.tar", tar).issues).toMatchObject([
      { code: "archive_invalid", file: "lib.tar" },
    ]);
  });

  it("GIVEN bytes that are not a tar (or a .tar.gz that is not gzip nor tar) THEN archive_invalid", () => {
    expect(unpackArchive("x.tar", new TextEncoder().encode("just some text")).issues).toMatchObject([
      { code: "archive_invalid" },
    ]);
    expect(unpackArchive("x.tar.gz", crypto.getRandomValues(new Uint8Array(4096))).issues).toMatchObject([
      { code: "archive_invalid" },
    ]);
  });

  it("GIVEN a .tar.gz cut short THEN archive_truncated", () => {
    const gz = tarGzOf(library);
    const result = unpackArchive("lib.tar.gz", gz.subarray(0, Math.floor(gz.length / 2)));
    expect(result).toMatchObject({ files: [], issues: [{ code: "archive_truncated", file: "lib.tar.gz" }] });
  });

  it("GIVEN a tar cut inside a file's body THEN archive_truncated", () => {
    const tar = tarOf([{ path: "a.md", content: "x".repeat(2000) }]);
    expect(unpackArchive("lib.tar", tar.subarray(0, 1500)).issues).toMatchObject([
      { code: "archive_truncated" },
    ]);
  });

  it("GIVEN a tar cut between two entries or inside a header THEN archive_truncated (never a shorter library)", () => {
    const first = tarEntry({ path: "a.md", content: task("a") });
    const second = tarEntry({ path: "b.md", content: task("b") });
    for (const cut of [first, Buffer.concat([first, second.subarray(0, 300)])]) {
      expect(unpackArchive("lib.tar", cut).issues).toMatchObject([{ code: "archive_truncated" }]);
    }
  });

  it("GIVEN an entry declaring more than the unpacked cap THEN archive_too_large before its body is read", () => {
    const header = tarEntry({ path: "huge.md", size: MAX_UNPACKED_BYTES + 1 });
    // Only the header is there: the size alone refuses it.
    expect(unpackArchive("lib.tar", header).issues).toMatchObject([{ code: "archive_too_large" }]);
  });

  it("GIVEN a skipped file declaring more than a tar may hold THEN archive_too_large", () => {
    const header = tarEntry({ path: "video.mp4", size: MAX_TAR_BYTES + 1 });
    expect(unpackArchive("lib.tar", header).issues).toMatchObject([{ code: "archive_too_large" }]);
  });

  it("GIVEN more readable files than allowed THEN archive_too_large", () => {
    const many = Array.from({ length: MAX_ARCHIVE_FILES + 1 }, (_, i) => ({
      path: `t/${i}.md`,
      content: "",
    }));
    expect(unpackArchive("lib.tar.gz", tarGzOf(many)).issues).toMatchObject([{ code: "archive_too_large" }]);
  });

  it("GIVEN a gzip bomb (a small .tar.gz holding a huge run of zeros) THEN archive_too_large", () => {
    const zeros = tarGzOf([{ path: "zeros.bin", content: new Uint8Array(48 * 1024 * 1024) }]);
    expect(zeros.length).toBeLessThan(100 * 1024);
    expect(unpackArchive("bomb.tar.gz", zeros).issues).toMatchObject([{ code: "archive_too_large" }]);
  });

  it("GIVEN a .tar.gz upload THEN it is parsed like a folder: the assignments come out with file and line", () => {
    const upload = filesFromUpload("library.tar.gz", tarGzOf(library));
    expect(upload.issues).toEqual([]);
    const parsed = parseLibrary(upload.files);
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.key, entry.source])).toEqual([
      ["a", { file: "library.tar.gz/lib/a.md", line: 1 }],
      ["b", { file: "library.tar.gz/lib/b.md", line: 1 }],
    ]);
  });
});

describe("unpackArchive: zip", () => {
  it("GIVEN a zip with a .. entry or an absolute path THEN the archive is refused and the entry named", () => {
    const enc = new TextEncoder();
    for (const name of ["../outside.md", "lib/../../outside.md", "/abs/a.md"]) {
      const zip = zipSync({ "lib/a.md": enc.encode(task("a")), [name]: enc.encode("x") });
      expect(unpackArchive("lib.zip", zip).issues).toMatchObject([
        { code: "archive_unsafe_path", detail: name },
      ]);
    }
  });

  it("GIVEN a zip whose entries start with ./ THEN the paths are normalised", () => {
    const zip = zipSync({ "./lib/a.md": new TextEncoder().encode(task("a")) });
    expect(paths(unpackArchive("lib.zip", zip))).toEqual(["lib.zip/lib/a.md"]);
  });

  /** A zip of `content` whose headers (local and central) declare `declared` bytes instead. */
  function lyingZip(name: string, content: Uint8Array, declared: number): Uint8Array {
    const zip = zipSync({ [name]: content }, { level: 9 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, declared, true); // local file header: uncompressed size
    for (let at = zip.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, declared, true); // central directory: uncompressed size
        break;
      }
    }
    return zip;
  }

  it("GIVEN a zip entry that declares 100 bytes and inflates to 64 MiB THEN archive_too_large, not a file cut to 100 bytes", () => {
    const bomb = lyingZip("lib/a.md", new Uint8Array(64 * 1024 * 1024), 100);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(unpackArchive("lib.zip", bomb)).toMatchObject({
      files: [],
      issues: [{ code: "archive_too_large" }],
    });
  });

  it("GIVEN many small entries whose declared sizes are honest THEN the inflated total is capped too", () => {
    const chunk = new Uint8Array(MAX_UNPACKED_BYTES / 4 + 1);
    const zip = zipSync(Object.fromEntries(["a", "b", "c", "d"].map((n) => [`lib/${n}.md`, chunk])), {
      level: 9,
    });
    expect(unpackArchive("lib.zip", zip).issues).toMatchObject([{ code: "archive_too_large" }]);
  });

  it("GIVEN a zip cut inside an entry THEN archive_truncated, never a shorter library", () => {
    const text = new TextEncoder().encode(task("a").repeat(200));
    const zip = zipSync({ "lib/a.md": text, "lib/b.md": text }, { level: 0 });
    const cut = zip.subarray(0, Math.floor(zip.length / 3));
    expect(unpackArchive("lib.zip", cut)).toMatchObject({
      files: [],
      issues: [{ code: "archive_truncated" }],
    });
  });

  it("GIVEN a gzip file named .zip THEN archive_invalid", () => {
    expect(unpackArchive("lib.zip", gzipSync(new Uint8Array(10))).issues).toMatchObject([
      { code: "archive_invalid" },
    ]);
  });
});
