import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/domain/member/types.ts";
import type { Programme } from "../../../src/domain/programme/types.ts";
import { DEFAULT_RUBRIC } from "../../../src/domain/review/rubric.ts";
import { manifestHash } from "../../../src/domain/submission/manifest.ts";
import {
  DEFAULT_SUBMISSION_SETTINGS,
  type SubmissionExtension,
  type SubmissionVersionRecord,
} from "../../../src/domain/submission/types.ts";
import { UserError } from "../../../src/features/errors.ts";
import { manageUseCases } from "../../../src/features/submission/manage.ts";
import type { ExtensionRequestRecord, StandingRecord } from "../../../src/features/submission/ports.ts";
import {
  BlobRejected,
  type Downloader,
  type FileStore,
  type NewVersion,
  type Receipt,
  type ReminderJobs,
  type SubmissionState,
  type SubmissionStore,
  type ThreadTarget,
} from "../../../src/features/submission/ports.ts";
import { submitUseCases } from "../../../src/features/submission/submit.ts";

/** The submission use-cases over in-memory ports: the rules, refusals and writes, without I/O. */
const H = 3_600_000;
const DEADLINE = new Date("2026-06-28T09:00:00Z");
const NOW = new Date("2026-06-20T00:00:00Z");
const PDF = Buffer.from("%PDF-1.7\nhello");

const programme: Programme = {
  id: "p1",
  guildId: "g1",
  name: "Spring",
  mode: "internship",
  status: "open",
  startsAt: new Date("2026-04-01T00:00:00Z"),
  endsAt: new Date("2026-06-30T09:00:00Z"),
  timeZone: "Asia/Tokyo",
  forcedLocale: null,
  settings: { selfServiceClaimEnabled: false, swapWindowDays: 3, helpEscalateHours: 4 },
  createdByUserId: "u0",
  createdAt: NOW,
};

function makeMember(overrides: Partial<Member> = {}): Member {
  return {
    id: "m1",
    programmeId: "p1",
    discordUserId: "u1",
    roles: ["intern"],
    stage: "working",
    agencyId: null,
    agencyConsent: false,
    agencyConsentChangedAt: null,
    projectChannelId: "thread-1",
    joinedAt: NOW,
    ...overrides,
  };
}

function world(
  options: { member?: Member; allocation?: string | null; closed?: boolean; forcedLocale?: "ja" | "en" } = {},
) {
  const members = new Map<string, Member>([["u1", options.member ?? makeMember()]]);
  const state: SubmissionState = {
    programme: { ...programme, forcedLocale: options.forcedLocale ?? null },
    deadline: DEADLINE,
    closedAt: options.closed ? NOW : null,
    settings: { ...DEFAULT_SUBMISSION_SETTINGS, maxFileMb: 1 },
  };
  const versions: SubmissionVersionRecord[] = [];
  const extensions = new Map<string, SubmissionExtension>();
  const audits: string[] = [];
  const requests: ExtensionRequestRecord[] = [];
  const standings: StandingRecord[] = [];
  const store: SubmissionStore = {
    state: async (id) => (id === "p1" ? state : null),
    member: async (_p, userId) => members.get(userId) ?? null,
    memberById: async (id) => [...members.values()].find((m) => m.id === id) ?? null,
    staffChannel: async () => "staff-room",
    async addExtensionRequest(input) {
      const request = { ...input, id: `x${requests.length + 1}`, decision: null };
      requests.push(request);
      audits.push("extension.request");
      return { id: request.id };
    },
    extensionRequest: async (id) => {
      const found = requests.find((r) => r.id === id);
      return found ? { ...found } : null;
    },
    async decideExtensionRequest(input) {
      const request = requests.find((r) => r.id === input.requestId);
      if (!request || request.decision !== null) return false;
      request.decision = input.decision;
      if (input.extension) extensions.set(request.memberId, input.extension);
      audits.push(`extension.request.${input.decision}`);
      return true;
    },
    terms: async (memberId) => ({
      extension: extensions.get(memberId) ?? null,
      extendedDeadlines: false,
      fewerNotifications: false,
      preferredLocale: "en",
    }),
    liveAllocation: async () => (options.allocation === undefined ? "a1" : options.allocation),
    versions: async () => [...versions],
    async addVersion(input: NewVersion) {
      const number = versions.length + 1;
      const version: SubmissionVersionRecord = {
        id: `v${number}`,
        number,
        submittedAt: input.submittedAt,
        links: input.links,
        note: input.note,
        files: input.files,
        manifestHash: input.manifestHash(number),
        late: input.late,
        deadlineAt: input.deadlineAt,
      };
      versions.push(version);
      audits.push("submission.version");
      return { version, movedToSubmitted: number === 1 };
    },
    async setExtension(input) {
      if (input.extension === null) extensions.delete(input.memberId);
      else extensions.set(input.memberId, input.extension);
      audits.push(input.extension === null ? "extension.clear" : "extension.set");
    },
    async setClosed(input) {
      state.closedAt = input.closedAt;
      audits.push(input.closedAt === null ? "reopen" : "close");
    },
    blobReferenced: async (key) => versions.some((v) => v.files.some((f) => f.storageKey === key)),
    agencyIdsOfStaff: async () => new Set(["ag1"]),
    publishedFeedback: async () => ({ rubric: DEFAULT_RUBRIC, feedback: [] }),
    standings: async () => standings,
    async setSettings(input) {
      state.settings = input.settings;
      audits.push("submission.settings");
    },
  };
  const blobs = new Map<string, Buffer>();
  const files: FileStore = {
    async put(body, limits) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > limits.maxBytes) throw new BlobRejected("too_large");
        chunks.push(Buffer.from(chunk));
      }
      const data = Buffer.concat(chunks);
      if (!limits.accept(data.subarray(0, 8192))) throw new BlobRejected("content");
      const sha256 = createHash("sha256").update(data).digest("hex");
      const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      const created = !blobs.has(storageKey);
      blobs.set(storageKey, data);
      return { sha256, size, storageKey, created };
    },
    exists: async (key) => blobs.has(key),
    remove: async (key) => blobs.delete(key),
    async *read(key) {
      const data = blobs.get(key);
      if (data === undefined) throw new Error(`no blob ${key}`);
      yield data;
    },
    async *list() {
      for (const storageKey of blobs.keys()) yield { storageKey, modifiedAt: new Date(0) };
    },
    removeStaleTemporary: async () => 0,
  };
  const served = new Map<string, Buffer | "fail">();
  const downloader: Downloader = {
    async open(url) {
      const data = served.get(url);
      if (data === undefined || data === "fail") throw new Error("404");
      return {
        declaredBytes: data.length,
        body: (async function* () {
          yield data;
        })(),
      };
    },
  };
  const posts: { target: ThreadTarget; receipt: Receipt }[] = [];
  const poster = {
    async postReceipt(target: ThreadTarget, receipt: Receipt) {
      posts.push({ target, receipt });
      return true;
    },
  };
  const jobs = { added: [] as string[], removed: [] as string[] };
  const reminders: ReminderJobs = {
    add: async (id) => {
      jobs.added.push(id);
    },
    remove: async (id) => {
      jobs.removed.push(id);
    },
  };
  const submit = submitUseCases({
    store,
    files,
    downloader,
    defaultLocale: "ja",
    downloadTimeoutMs: 1000,
    transfers: { run: (task) => task() },
  });
  const manage = manageUseCases({ store, reminders: () => reminders, now: () => NOW, defaultLocale: "ja" });
  return {
    store,
    state,
    versions,
    blobs,
    served,
    posts,
    jobs,
    audits,
    members,
    standings,
    submit,
    manage,
    poster,
  };
}

const caller = { guildId: "g1", programmeId: "p1", userId: "u1" };
const organiser = { guildId: "g1", programmeId: "p1", userId: "u0", roles: new Set(["organiser"] as const) };
const file = (name: string, data: Buffer, url = `https://cdn.test/${name}`) => ({
  name,
  size: data.length,
  url,
  contentType: null,
});

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error.key;
}

describe("/submit use-case", () => {
  it("GIVEN a link and a file on time THEN one version with the file's sha256, a receipt with a 10-hex manifest hash, posted in the thread", async () => {
    const w = world();
    w.served.set("https://cdn.test/report.pdf", PDF);
    const receivedAt = new Date(DEADLINE.getTime() - H);
    const outcome = await w.submit.submit(
      caller,
      {
        links: { repository: " https://github.com/u1/app " },
        files: [file("report.pdf", PDF)],
        note: "first cut",
        receivedAt,
      },
      w.poster,
    );
    const sha = createHash("sha256").update(PDF).digest("hex");
    expect(w.versions).toHaveLength(1);
    expect(w.versions[0]?.files[0]).toMatchObject({ name: "report.pdf", size: PDF.length, sha256: sha });
    expect(w.blobs.has(`sha256/${sha.slice(0, 2)}/${sha}`)).toBe(true);
    const expectedHash = manifestHash({
      userId: "u1",
      number: 1,
      submittedAt: receivedAt,
      links: [{ label: "repository", url: "https://github.com/u1/app" }],
      note: "first cut",
      files: [{ name: "report.pdf", size: PDF.length, sha256: sha }],
    });
    expect(outcome.receipt).toMatchObject({
      number: 1,
      shortHash: expectedHash.slice(0, 10),
      lateBy: null,
      deadlineAt: DEADLINE,
      files: [{ name: "report.pdf", size: PDF.length }],
    });
    expect(outcome.movedToSubmitted).toBe(true);
    expect(outcome.posted).toBe(true);
    expect(w.posts[0]?.target).toEqual({ channelId: "thread-1", userId: "u1", locale: "en" });
  });

  it("GIVEN a hand-in 2 h 5 min after the deadline THEN it is stored, marked late by 2 h 5 min", async () => {
    const w = world();
    const outcome = await w.submit.submit(
      caller,
      {
        links: { demo: "https://demo.test" },
        files: [],
        note: null,
        receivedAt: new Date(DEADLINE.getTime() + 125 * 60_000),
      },
      w.poster,
    );
    expect(outcome.receipt.lateBy).toEqual({ hours: 2, minutes: 5 });
    expect(w.versions[0]?.late).toBe(true);
  });

  it("GIVEN an organiser's extension THEN lateness is judged against it", async () => {
    const w = world();
    await w.manage.extend(organiser, {
      userId: "u1",
      until: new Date(DEADLINE.getTime() + 24 * H),
      reason: "illness",
    });
    const outcome = await w.submit.submit(
      caller,
      {
        links: { demo: "https://demo.test" },
        files: [],
        note: null,
        receivedAt: new Date(DEADLINE.getTime() + 3 * H),
      },
      w.poster,
    );
    expect(outcome.receipt.lateBy).toBeNull();
    expect(outcome.receipt.deadlineAt).toEqual(new Date(DEADLINE.getTime() + 24 * H));
  });

  it.each([
    ["no allocation", { allocation: null }, "submission.error.noAllocation"],
    ["withdrawn", { member: makeMember({ stage: "withdrawn" }) }, "submission.error.withdrawn"],
    ["closed", { closed: true }, "submission.error.closed"],
    ["not an intern", { member: makeMember({ roles: ["mentor"] }) }, "project.notIntern"],
  ] as const)("GIVEN %s THEN a localised refusal and nothing stored", async (_name, options, key) => {
    const w = world(options);
    const at = new Date(DEADLINE.getTime() - H);
    expect(
      await refusal(
        w.submit.submit(
          caller,
          { links: { link: "https://x.test" }, files: [], note: null, receivedAt: at },
          w.poster,
        ),
      ),
    ).toBe(key);
    expect(w.versions).toHaveLength(0);
  });

  it.each([
    ["nothing given", { links: {}, files: [] }, "submission.error.empty"],
    ["a non-http link", { links: { link: "ftp://x.test/a" }, files: [] }, "submission.error.link"],
    [
      "a link with credentials",
      { links: { repository: "https://me:tok@github.com/a" }, files: [] },
      "submission.error.linkCredentials",
    ],
    [
      "a declared size over the cap",
      { links: {}, files: [{ ...file("big.pdf", PDF), size: 2 * 1024 * 1024 }] },
      "submission.error.fileTooLarge",
    ],
    ["a disallowed type", { links: {}, files: [file("run.exe", PDF)] }, "submission.error.fileType"],
    [
      "content that is not what its name says",
      { links: {}, files: [file("fake.png", PDF)] },
      "submission.error.fileContent",
    ],
    [
      "a failed download",
      { links: {}, files: [file("gone.pdf", PDF, "https://cdn.test/missing")] },
      "submission.error.download",
    ],
    [
      "fewer bytes than Discord declared",
      { links: {}, files: [{ ...file("cut.pdf", PDF), size: PDF.length + 5 }] },
      "submission.error.download",
    ],
  ] as const)("GIVEN %s THEN a localised refusal, no version and no blob kept", async (_name, given, key) => {
    const w = world();
    w.served.set("https://cdn.test/fake.png", PDF);
    w.served.set("https://cdn.test/cut.pdf", PDF);
    const input = { links: given.links, files: given.files, note: null, receivedAt: NOW };
    expect(await refusal(w.submit.submit(caller, input, w.poster))).toBe(key);
    expect(w.versions).toHaveLength(0);
    expect(w.blobs.size).toBe(0);
  });

  it("GIVEN the second of two files fails THEN the first one's blob is removed again", async () => {
    const w = world();
    w.served.set("https://cdn.test/a.pdf", PDF);
    const input = {
      links: {},
      files: [file("a.pdf", PDF), file("b.pdf", PDF, "https://cdn.test/none")],
      note: null,
      receivedAt: NOW,
    };
    expect(await refusal(w.submit.submit(caller, input, w.poster))).toBe("submission.error.download");
    expect(w.blobs.size).toBe(0);
  });

  it("GIVEN a resubmission of the same file THEN version 2 shares the blob, and a later refusal keeps it", async () => {
    const w = world();
    w.served.set("https://cdn.test/a.pdf", PDF);
    const input = { links: {}, files: [file("a.pdf", PDF)], note: null, receivedAt: NOW };
    await w.submit.submit(caller, input, w.poster);
    const second = await w.submit.submit(caller, input, w.poster);
    expect(second.receipt.number).toBe(2);
    expect(second.movedToSubmitted).toBe(false);
    expect(w.blobs.size).toBe(1);
    const bad = { ...input, files: [file("a.pdf", PDF), file("x.pdf", PDF, "https://cdn.test/none")] };
    await refusal(w.submit.submit(caller, bad, w.poster));
    expect(w.blobs.size).toBe(1);
  });
});

describe("/submission use-cases", () => {
  it("GIVEN an intern's extension request THEN it goes to the staff room; approval sets source request and moves the reminders; a second press is refused", async () => {
    const w = world();
    const intern = { ...caller, roles: new Set(["intern"] as const) };
    const staffPosts: { channelId: string; requestId: string; reason: string }[] = [];
    const told: { channelId: string | null; decision: string }[] = [];
    const requests = {
      async postRequest(channelId: string, request: { requestId: string; reason: string }) {
        staffPosts.push({ channelId, requestId: request.requestId, reason: request.reason });
        return true;
      },
      async tellIntern(target: ThreadTarget, answer: { decision: string }) {
        told.push({ channelId: target.channelId, decision: answer.decision });
        return true;
      },
    };
    const until = new Date(DEADLINE.getTime() + 24 * H);
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => "",
        (e: UserError) => e.key,
      );
    expect(
      await refusal(
        w.manage.requestExtension(intern, { until: new Date(DEADLINE.getTime() - H), reason: "x" }, requests),
      ),
    ).toBe("submission.request.notLater");
    expect(
      await refusal(
        w.manage.requestExtension(intern, { until: new Date("2026-07-30T00:00:00Z"), reason: "x" }, requests),
      ),
    ).toBe("submission.error.extensionOutside");
    expect(await refusal(w.manage.requestExtension(intern, { until, reason: "  " }, requests))).toBe(
      "submission.request.reason",
    );
    expect(w.audits).toEqual([]);

    expect(await w.manage.requestExtension(intern, { until, reason: " hospital " }, requests)).toEqual({
      posted: true,
    });
    expect(staffPosts).toEqual([{ channelId: "staff-room", requestId: "x1", reason: "hospital" }]);
    const decided = await w.manage.decideExtension(
      organiser,
      { requestId: "x1", decision: "approved" },
      requests,
    );
    expect(decided).toEqual({ userId: "u1", until, decision: "approved" });
    const s = (d: Date) => d.getTime() / 1000;
    expect(w.jobs.added).toEqual([72, 24, 3].map((o) => `submission-reminder-m1-${o}-${s(until)}`));
    expect(told).toEqual([{ channelId: "thread-1", decision: "approved" }]);
    expect(
      await refusal(w.manage.decideExtension(organiser, { requestId: "x1", decision: "declined" }, requests)),
    ).toBe("submission.request.decided");
    expect(w.audits).toEqual(["extension.request", "extension.request.approved"]);
    const shown = await w.manage.show(organiser, { userId: "u1", version: null });
    expect(shown.deadline).toEqual({ at: until, source: "extension" });
  });

  it.each([
    [undefined, "en"],
    ["ja", "ja"],
  ] as const)(
    "GIVEN the programme pins %s and the intern chose English THEN the answer to their request is told in %s",
    async (forcedLocale, expected) => {
      const w = world(forcedLocale === undefined ? {} : { forcedLocale });
      const intern = { ...caller, roles: new Set(["intern"] as const) };
      const told: string[] = [];
      const requests = {
        postRequest: async () => true,
        async tellIntern(target: ThreadTarget) {
          told.push(target.locale);
          return true;
        },
      };
      const until = new Date(DEADLINE.getTime() + 24 * H);
      await w.manage.requestExtension(intern, { until, reason: "hospital" }, requests);
      await w.manage.decideExtension(organiser, { requestId: "x1", decision: "declined" }, requests);
      expect(told).toEqual([expected]);
    },
  );

  it("GIVEN an extension THEN the old deadline's reminder jobs are removed and the new ones added, audited", async () => {
    const w = world();
    const until = new Date(DEADLINE.getTime() + 24 * H);
    const outcome = await w.manage.extend(organiser, { userId: "u1", until, reason: "hospital" });
    expect(outcome.previous).toEqual({ at: DEADLINE, source: "programme" });
    expect(outcome.current).toEqual({ at: until, source: "extension" });
    const s = (d: Date) => d.getTime() / 1000;
    expect(w.jobs.removed).toEqual(
      expect.arrayContaining([72, 24, 3].map((o) => `submission-reminder-m1-${o}-${s(DEADLINE)}`)),
    );
    expect(w.jobs.added).toEqual([72, 24, 3].map((o) => `submission-reminder-m1-${o}-${s(until)}`));
    expect(w.audits).toEqual(["extension.set"]);
  });

  it("GIVEN an intern who handed in THEN an extension adds no reminders", async () => {
    const w = world();
    await w.submit.submit(
      caller,
      { links: { link: "https://x.test" }, files: [], note: null, receivedAt: NOW },
      w.poster,
    );
    await w.manage.extend(organiser, { userId: "u1", until: new Date(DEADLINE.getTime() + H), reason: null });
    expect(w.jobs.added).toEqual([]);
  });

  it("GIVEN an extension past the programme's end or a non-intern THEN refused, nothing written", async () => {
    const w = world();
    expect(
      await refusal(
        w.manage.extend(organiser, { userId: "u1", until: new Date("2026-07-01T00:00:00Z"), reason: null }),
      ),
    ).toBe("submission.error.extensionOutside");
    expect(
      await refusal(w.manage.extend(organiser, { userId: "nobody", until: DEADLINE, reason: null })),
    ).toBe("submission.error.notIntern");
    expect(w.audits).toEqual([]);
  });

  it("GIVEN close and reopen THEN each is written once, and repeating either is refused", async () => {
    const w = world();
    await w.manage.close(organiser);
    expect(await refusal(w.manage.close(organiser))).toBe("submission.close.already");
    await w.manage.reopen(organiser);
    expect(await refusal(w.manage.reopen(organiser))).toBe("submission.reopen.notClosed");
    expect(w.audits).toEqual(["close", "reopen"]);
  });

  it("GIVEN show THEN the intern sees their versions and the reason; agency staff of a consenting client see no reason; others see nothing", async () => {
    const w = world({ member: makeMember({ agencyId: "ag1", agencyConsent: true }) });
    await w.manage.extend(organiser, {
      userId: "u1",
      until: new Date(DEADLINE.getTime() + H),
      reason: "hospital",
    });
    await w.submit.submit(
      caller,
      { links: { link: "https://x.test" }, files: [], note: null, receivedAt: NOW },
      w.poster,
    );
    const own = await w.manage.show(
      { ...caller, roles: new Set(["intern"]) },
      { userId: null, version: null },
    );
    expect(own).toMatchObject({ view: "full", extensionReason: "hospital" });
    expect(own.versions).toHaveLength(1);
    const agency = await w.manage.show(
      { guildId: "g1", programmeId: "p1", userId: "s1", roles: new Set(["agency_staff"]) },
      { userId: "u1", version: 1 },
    );
    expect(agency).toMatchObject({ view: "agency", extensionReason: null });
    w.members.set("u2", makeMember({ id: "m2", discordUserId: "u2" }));
    expect(
      await refusal(
        w.manage.show(
          { guildId: "g1", programmeId: "p1", userId: "u2", roles: new Set(["intern"]) },
          { userId: "u1", version: null },
        ),
      ),
    ).toBe("submission.error.notVisible");
    expect(
      await refusal(w.manage.show({ ...caller, roles: new Set(["intern"]) }, { userId: null, version: 7 })),
    ).toBe("submission.show.noVersion");
  });
});

describe("/submission status", () => {
  const standing = (
    n: number,
    latest: StandingRecord["latest"],
    extra: Partial<StandingRecord> = {},
  ): StandingRecord => ({
    memberId: `m${n}`,
    discordUserId: `u${n}`,
    extensionUntil: null,
    extendedDeadlines: false,
    latest,
    ...extra,
  });

  it("GIVEN interns who handed in on time, late, nothing, with an extension or an accommodation THEN the counts and each filter's names follow the effective deadline", async () => {
    const w = world();
    w.standings.push(
      standing(1, { number: 2, late: false, reviewed: true }),
      standing(2, { number: 1, late: true, reviewed: false }),
      standing(3, null),
      standing(4, null, { extensionUntil: new Date("2026-07-05T00:00:00Z") }),
      standing(5, null, { extendedDeadlines: true }),
    );
    const overview = await w.manage.status(organiser, "missing", 1);
    expect(overview.counts).toEqual({
      interns: 5,
      submitted: 2,
      missing: 3,
      late: 1,
      unreviewed: 1,
      extended: 2,
    });
    expect(overview.userIds).toEqual(["u3", "u4", "u5"]);
    expect((await w.manage.status(organiser, "extended", 1)).userIds).toEqual(["u4", "u5"]);
    expect((await w.manage.status(organiser, "unreviewed", 1)).userIds).toEqual(["u2"]);
  });

  it("GIVEN the deadline has passed for some THEN missing interns past their own deadline count as late, the extended one does not", async () => {
    const w = world();
    w.state.deadline = new Date("2026-06-10T00:00:00Z");
    w.standings.push(
      standing(1, null),
      standing(2, null, { extensionUntil: new Date("2026-07-01T00:00:00Z") }),
      standing(3, { number: 1, late: false, reviewed: false }),
    );
    expect((await w.manage.status(organiser, "late", 1)).userIds).toEqual(["u1"]);
  });

  it("GIVEN 60 interns missing THEN pages of 25, a page past the end shows the last one", async () => {
    const w = world();
    for (let n = 1; n <= 60; n += 1) w.standings.push(standing(n, null));
    const first = await w.manage.status(organiser, "missing", 1);
    expect([first.page, first.pages, first.userIds.length]).toEqual([1, 3, 25]);
    const last = await w.manage.status(organiser, "missing", 9);
    expect([last.page, last.userIds]).toEqual([3, Array.from({ length: 10 }, (_, i) => `u${51 + i}`)]);
  });

  it("GIVEN no programme THEN refused", async () => {
    const w = world();
    await expect(w.manage.status({ ...organiser, programmeId: null }, "missing", 1)).rejects.toMatchObject({
      key: "error.access.noProgramme",
    });
  });
});

describe("/submission settings", () => {
  const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

  it("GIVEN new reminder hours THEN they are saved and audited, and an intern who owes a hand-in loses the old reminders and gets the new ones", async () => {
    const w = world();
    w.standings.push({
      memberId: "m1",
      discordUserId: "u1",
      extensionUntil: null,
      extendedDeadlines: false,
      latest: null,
    });
    const { settings, replanned } = await w.manage.updateSettings(organiser, {
      reminderOffsetsHours: [48, 6],
    });
    expect(settings.reminderOffsetsHours).toEqual([48, 6]);
    expect(w.state.settings.reminderOffsetsHours).toEqual([48, 6]);
    expect(w.audits).toContain("submission.settings");
    expect(replanned).toBe(1);
    const at = epoch(DEADLINE);
    expect(w.jobs.removed).toEqual(
      expect.arrayContaining([72, 24, 3].map((h) => `submission-reminder-m1-${h}-${at}`)),
    );
    expect(w.jobs.added).toEqual([48, 6].map((h) => `submission-reminder-m1-${h}-${at}`));
  });

  it("GIVEN nothing to change THEN the current settings come back and nothing is written", async () => {
    const w = world();
    const { settings, replanned } = await w.manage.updateSettings(organiser, {});
    expect(settings).toEqual(w.state.settings);
    expect([replanned, w.audits, w.jobs.added]).toEqual([0, [], []]);
  });
});
