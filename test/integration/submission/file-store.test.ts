import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentMatches } from "../../../src/domain/submission/files.ts";
import { BlobRejected } from "../../../src/features/submission/ports.ts";
import { createHttpDownloader } from "../../../src/storage/http-download.ts";
import { createLocalFileStore, storageKeyOf } from "../../../src/storage/local-file-store.ts";

/** The local file store on a real disk, fed by the HTTP downloader from a real local server. */
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(20_000, 0x41)]);
const BIG = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(512 * 1024, 0x42)]);
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("local content-addressed file store and HTTP downloader", () => {
  let root: string;
  let server: Server;
  let base: string;
  let bigRequests = 0;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "taiken-files-"));
    server = createServer((req, res) => {
      switch (req.url) {
        case "/report.pdf":
          res.writeHead(200, { "Content-Length": String(PDF.length) });
          res.end(PDF);
          return;
        case "/big.pdf":
          res.writeHead(200, { "Content-Length": String(BIG.length) });
          res.end(BIG);
          return;
        case "/cut.pdf":
          // Declares all of it, sends half, then drops the connection.
          res.writeHead(200, { "Content-Length": String(PDF.length) });
          res.write(PDF.subarray(0, PDF.length / 2), () => res.destroy());
          return;
        case "/slow.pdf":
          res.writeHead(200, { "Content-Length": String(PDF.length) });
          res.write(PDF.subarray(0, 100));
          return; // never ends
        case "/endless.pdf": {
          // No Content-Length and more bytes than any cap: the reader must stop it.
          bigRequests += 1;
          res.writeHead(200);
          res.write(PDF.subarray(0, 9));
          const chunk = Buffer.alloc(64 * 1024, 0x41);
          const pump = () => {
            while (res.write(chunk)) {
              if (res.destroyed) return;
            }
            res.once("drain", pump);
          };
          pump();
          req.on("close", () => res.destroy());
          return;
        }
        default:
          res.writeHead(404, { "Content-Type": "application/json" });
          res.end('{"message":"404: Not Found"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  const store = () => createLocalFileStore(root);
  const downloader = createHttpDownloader();
  const acceptPdf = (head: Uint8Array) => contentMatches("pdf", head);
  const tmpLeft = async () => readdir(path.join(root, "tmp")).catch(() => []);

  it("GIVEN a file THEN it is stored under sha256/ab/<hash> with its exact bytes, once however often it is put", async () => {
    const download = await downloader.open(`${base}/report.pdf`, { timeoutMs: 5000 });
    expect(download.declaredBytes).toBe(PDF.length);
    const first = await store().put(download.body, { maxBytes: 1024 * 1024, accept: acceptPdf });
    expect(first).toEqual({
      sha256: sha(PDF),
      size: PDF.length,
      storageKey: storageKeyOf(sha(PDF)),
      created: true,
    });
    expect(first.storageKey).toBe(`sha256/${sha(PDF).slice(0, 2)}/${sha(PDF)}`);
    expect(await readFile(path.join(root, first.storageKey))).toEqual(PDF);
    const again = await store().put((await downloader.open(`${base}/report.pdf`, { timeoutMs: 5000 })).body, {
      maxBytes: 1024 * 1024,
      accept: acceptPdf,
    });
    expect(again).toEqual({ ...first, created: false });
    expect(await store().exists(first.storageKey)).toBe(true);
    expect(await tmpLeft()).toEqual([]);
  });

  it("GIVEN 300 downloads at once (a deadline rush) THEN every body arrives whole, none cut short by garbage collection", async () => {
    // undici cancels the body of a Response collected before it is read (nodejs/undici#3199): the
    // downloader must keep it alive while the store reads. Garbage is made meanwhile to invite GC.
    let garbage: number[][] = [];
    const churn = setInterval(() => {
      garbage = Array.from({ length: 200 }, () => Array.from({ length: 1_000 }, Math.random));
    }, 5);
    try {
      const stored = await Promise.all(
        Array.from({ length: 300 }, async () => {
          const download = await downloader.open(`${base}/big.pdf`, { timeoutMs: 60_000 });
          return store().put(download.body, { maxBytes: 1024 * 1024, accept: acceptPdf });
        }),
      );
      expect(stored.filter((blob) => blob.size !== BIG.length)).toEqual([]);
      expect(garbage.length).toBe(200);
    } finally {
      clearInterval(churn);
    }
  }, 120_000);

  it("GIVEN a body past the byte cap (no Content-Length) THEN the transfer is stopped at the cap and nothing is kept", async () => {
    const download = await downloader.open(`${base}/endless.pdf`, { timeoutMs: 5000 });
    expect(download.declaredBytes).toBeNull();
    await expect(store().put(download.body, { maxBytes: 256 * 1024, accept: acceptPdf })).rejects.toEqual(
      new BlobRejected("too_large"),
    );
    expect(bigRequests).toBe(1);
    expect(await tmpLeft()).toEqual([]);
  });

  it("GIVEN content whose first bytes are not the declared type THEN refused before it is written out", async () => {
    const download = await downloader.open(`${base}/report.pdf`, { timeoutMs: 5000 });
    await expect(
      store().put(download.body, { maxBytes: 1024 * 1024, accept: (head) => contentMatches("png", head) }),
    ).rejects.toEqual(new BlobRejected("content"));
    expect(await tmpLeft()).toEqual([]);
  });

  it("GIVEN a download cut short or too slow THEN it fails and leaves no file", async () => {
    const cut = await downloader.open(`${base}/cut.pdf`, { timeoutMs: 5000 });
    await expect(store().put(cut.body, { maxBytes: 1024 * 1024, accept: acceptPdf })).rejects.toThrow();
    const started = performance.now();
    const slow = await downloader.open(`${base}/slow.pdf`, { timeoutMs: 300 });
    await expect(store().put(slow.body, { maxBytes: 1024 * 1024, accept: acceptPdf })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await tmpLeft()).toEqual([]);
  });

  it("GIVEN a 404 THEN the downloader throws; remove deletes a blob and is harmless twice; keys outside the layout are refused", async () => {
    await expect(downloader.open(`${base}/missing`, { timeoutMs: 5000 })).rejects.toThrow(/404/);
    const key = storageKeyOf(sha(PDF));
    await store().remove(key);
    expect(await store().exists(key)).toBe(false);
    await store().remove(key);
    await expect(store().exists("../../etc/passwd")).rejects.toThrow(/not a storage key/);
  });
});
