import { describe, expect, it } from "vitest";
import type {
  Allocation,
  AllocationCandidateIntern,
  PreviewPair,
  ProgrammeAllocationState,
  RosterEntry,
  SavedPreview,
} from "../../../src/domain/allocation/records.ts";
import type {
  AssignmentVersion,
  LibraryAssignment,
  ProgrammeAssignmentFlags,
} from "../../../src/domain/assignment/types.ts";
import type { Locale } from "../../../src/domain/enums.ts";
import type { LibraryEntry } from "../../../src/domain/library/types.ts";
import type { Member } from "../../../src/domain/member/types.ts";
import type { Programme } from "../../../src/domain/programme/types.ts";
import type {
  ApplyWrite,
  Download,
  LibraryStore,
  UploadSource,
} from "../../../src/features/library/ports.ts";
import { type Caller, libraryUseCases } from "../../../src/features/library/use-cases.ts";
import { aProgramme } from "../../support/records.ts";

/** The `/assignments` use-cases over an in-memory store: the rules and refusals, without a database. */
const NOW = new Date("2026-04-02T00:00:00Z");

const programme = aProgramme({
  settings: { selfServiceClaimEnabled: false, swapWindowDays: 3, helpEscalateHours: 4 },
});

function version(
  id: string,
  skills: string[],
  status: AssignmentVersion["status"] = "retired",
): AssignmentVersion {
  return {
    id: `${id}-v1`,
    assignmentId: id,
    version: 1,
    titleJa: `課題 ${id}`,
    titleEn: `Task ${id}`,
    brief: "Build it.",
    skills,
    tags: [],
    level: 2,
    estimatedHours: 20,
    originRound: null,
    status,
    links: [],
    attachments: [],
    contentHash: id,
    createdAt: NOW,
  };
}

const libraryOf = (...versions: AssignmentVersion[]): LibraryAssignment[] =>
  versions.map((v) => ({ id: v.assignmentId, guildId: "g1", key: `key-${v.assignmentId}`, latest: v }));

function intern(
  id: string,
  skill: string,
  extra: Partial<AllocationCandidateIntern> = {},
): AllocationCandidateIntern {
  return {
    id,
    discordUserId: `user-${id}`,
    skills: [{ name: skill, level: 3 }],
    interests: [],
    hoursPerWeek: 10,
    preferences: [],
    stage: "onboarded",
    projectChannelId: `thread-${id}`,
    ...extra,
  };
}

/** A store that keeps what it is told in memory and records its writes. */
function memoryStore(
  options: {
    library?: LibraryAssignment[];
    interns?: AllocationCandidateIntern[];
    flags?: ProgrammeAssignmentFlags[];
    live?: Pick<Allocation, "assignmentId" | "memberId" | "assignmentVersionId">[];
    members?: Member[];
    locales?: Record<string, Locale>;
    programme?: Programme;
    apply?: ApplyWrite;
    /** This programme's flags as the allocation state folds them in, by assignment id. */
    stateFlags?: Record<string, { excluded?: boolean; reserved?: boolean }>;
    existing?: ProgrammeAllocationState["existing"];
    history?: ProgrammeAllocationState["history"];
    roster?: RosterEntry[];
  } = {},
) {
  const library = options.library ?? [];
  const state = (): ProgrammeAllocationState => ({
    interns: options.interns ?? [],
    assignments: library.map((a) => ({
      id: a.id,
      status: a.latest.status,
      level: a.latest.level,
      skills: a.latest.skills,
      estimatedHours: a.latest.estimatedHours,
      versionId: a.latest.id,
      ...options.stateFlags?.[a.id],
    })),
    existing: options.existing ?? [],
    history: options.history ?? [],
  });
  const previews = new Map<string, SavedPreview>();
  const written = {
    imported: [] as { entries: readonly LibraryEntry[]; source: string; programmeId: string | null }[],
    flags: [] as { assignmentId: string; excluded?: boolean; reserved?: boolean; at: Date }[],
    applied: [] as string[],
    released: [] as string[],
    given: [] as { memberId: string; assignmentId: string; versionId: string; at: Date }[],
  };
  const live = (options.live ?? []).map((a) => ({ ...a, id: `al-${a.memberId}` }) as Allocation);
  const store: LibraryStore = {
    programme: async (id) => (id === "p1" ? (options.programme ?? programme) : null),
    member: async (_p, userId) => options.members?.find((m) => m.discordUserId === userId) ?? null,
    preferredLocale: async (memberId) => options.locales?.[memberId] ?? null,
    library: async () => library,
    assignment: async (id) => library.find((a) => a.id === id) ?? null,
    assignmentByKey: async (_g, key) => library.find((a) => a.key === key) ?? null,
    versions: async (id) => library.filter((a) => a.id === id).map((a) => a.latest),
    version: async (id) => library.find((a) => a.latest.id === id)?.latest ?? null,
    programmeFlags: async () => options.flags ?? [],
    liveAllocations: async () => live,
    liveForMember: async (_p, memberId) => live.find((a) => a.memberId === memberId) ?? null,
    usage: async () => [],
    allocationState: async () => state(),
    importEntries: async (_g, entries, audit) => {
      written.imported.push({ entries, source: audit.source, programmeId: audit.programmeId });
      return { created: entries.map((e) => e.key), updated: [], unchanged: [] };
    },
    savePreview: async (input) => {
      const id = `preview-${previews.size + 1}`;
      previews.set(id, {
        id,
        programmeId: input.programmeId,
        fingerprint: input.fingerprint,
        pairs: input.pairs,
        view: input.view,
        applied: false,
      });
      return id;
    },
    preview: async (id) => previews.get(id) ?? null,
    applyPreview: async (preview) => {
      const outcome = options.apply ?? "applied";
      if (outcome === "applied") written.applied.push(preview.id);
      return outcome;
    },
    release: async (input) => {
      written.released.push(input.memberId);
      return null;
    },
    roster: async () => options.roster ?? [],
    give: async (input) => {
      written.given.push({
        memberId: input.memberId,
        assignmentId: input.assignmentId,
        versionId: input.assignmentVersionId,
        at: input.at,
      });
      return { status: "given", allocation: { id: "al-given" } as Allocation };
    },
    setFlags: async (input) => {
      written.flags.push({ assignmentId: input.assignmentId, ...input.flags, at: input.at });
      return {
        assignmentId: input.assignmentId,
        excluded: input.flags.excluded ?? false,
        reserved: input.flags.reserved ?? false,
        note: null,
      };
    },
  };
  return { store, written, previews };
}

const organiser: Caller = { guildId: "g1", programmeId: "p1", userId: "u0" };
const useCasesOver = (store: LibraryStore) => libraryUseCases({ store, now: () => NOW, defaultLocale: "ja" });

const uploads = (download: Download) => {
  const asked: string[] = [];
  const source: UploadSource = {
    download: async (url) => {
      asked.push(url);
      return download;
    },
  };
  return { source, asked };
};

const LIBRARY_YAML = `
- id: todo-api
  title: { ja: TODO API を作る, en: Build a TODO API }
  brief: Build a TODO API with tests.
  skills: [typescript]
  level: 2
  estimated_hours: 20
`;

describe("library use-cases over an in-memory store", () => {
  it("GIVEN an upload declared larger than the limit THEN it is refused by size AND never downloaded", async () => {
    const { store, written } = memoryStore();
    const { source, asked } = uploads({ status: "ok", bytes: new Uint8Array() });
    const refusal = useCasesOver(store).importLibrary(
      organiser,
      { name: "huge.zip", size: 50 * 1024 * 1024, url: "https://cdn/huge.zip" },
      source,
    );
    await expect(refusal).rejects.toMatchObject({
      key: "library.import.tooLarge",
      vars: [{ size: 50, limit: 10 }],
    });
    expect(asked).toEqual([]);
    expect(written.imported).toEqual([]);
  });

  it("GIVEN the download fails THEN the organiser is told so AND nothing is imported", async () => {
    const { store, written } = memoryStore();
    const { source } = uploads({ status: "failed" });
    const refusal = useCasesOver(store).importLibrary(
      organiser,
      { name: "lib.yaml", size: 10, url: "https://cdn/lib.yaml" },
      source,
    );
    await expect(refusal).rejects.toMatchObject({ key: "library.import.downloadFailed" });
    expect(written.imported).toEqual([]);
  });

  it("GIVEN a valid YAML file THEN its entries are imported with the file as source; GIVEN a broken one THEN only the issues come back", async () => {
    const { store, written } = memoryStore();
    const good = uploads({ status: "ok", bytes: new TextEncoder().encode(LIBRARY_YAML) });
    const imported = await useCasesOver(store).importLibrary(
      organiser,
      { name: "lib.yaml", size: 100, url: "https://cdn/lib.yaml" },
      good.source,
    );
    expect(imported).toEqual({
      kind: "imported",
      summary: { created: ["todo-api"], updated: [], unchanged: [] },
    });
    expect(written.imported).toHaveLength(1);
    expect(written.imported[0]).toMatchObject({ source: "lib.yaml", programmeId: "p1" });

    const bad = uploads({ status: "ok", bytes: new TextEncoder().encode("- id: [unclosed\n") });
    const invalid = await useCasesOver(store).importLibrary(
      organiser,
      { name: "bad.yaml", size: 20, url: "https://cdn/bad.yaml" },
      bad.source,
    );
    expect(invalid.kind).toBe("invalid");
    if (invalid.kind === "invalid") expect(invalid.issues[0]?.file).toBe("bad.yaml");
    expect(written.imported).toHaveLength(1);
  });

  it("GIVEN flags and a live allocation THEN the list filters by skill AND marks excluded, reserved and allocated", async () => {
    const { store } = memoryStore({
      library: libraryOf(
        version("a1", ["typescript"]),
        version("a2", ["TypeScript", "sql"]),
        version("a3", ["python"]),
      ),
      flags: [
        { assignmentId: "a1", excluded: true, reserved: true, note: null },
        { assignmentId: "a2", excluded: false, reserved: false, note: null },
      ],
      live: [{ assignmentId: "a2", memberId: "m1", assignmentVersionId: "a2-v1" }],
    });
    const page = await useCasesOver(store).list(
      organiser,
      { status: null, level: null, skill: "typescript" },
      7,
    );
    expect(page).toMatchObject({ kind: "page", page: 0, pages: 1, total: 2 });
    if (page.kind !== "page") return;
    expect(page.entries.map((e) => [e.assignment.id, e.marks])).toEqual([
      ["a1", ["excluded", "reserved"]],
      ["a2", ["allocated"]],
    ]);
    const none = await useCasesOver(store).list(
      organiser,
      { status: "active_in_recruitment", level: null, skill: null },
      0,
    );
    expect(none).toEqual({ kind: "empty" });
  });

  it("GIVEN an assignment key THEN its flag is saved at the clock's time; GIVEN another server's or no programme THEN it is refused", async () => {
    const { store, written } = memoryStore({ library: libraryOf(version("a1", ["typescript"])) });
    const useCases = useCasesOver(store);
    const saved = await useCases.setFlags(organiser, "key-a1", { reserved: true });
    expect(saved.assignment.id).toBe("a1");
    expect(saved.flags).toMatchObject({ excluded: false, reserved: true });
    expect(written.flags).toEqual([{ assignmentId: "a1", reserved: true, at: NOW }]);

    await expect(
      useCases.setFlags({ ...organiser, guildId: "g2" }, "a1", { excluded: true }),
    ).rejects.toMatchObject({
      key: "assignments.show.notFound",
    });
    await expect(
      useCases.setFlags({ ...organiser, programmeId: null }, "a1", { excluded: true }),
    ).rejects.toMatchObject({ key: "error.access.noProgramme" });
    expect(written.flags).toHaveLength(1);
  });

  it("GIVEN no onboarded intern THEN the preview says nobody AND saves nothing", async () => {
    const { store, previews } = memoryStore({
      library: libraryOf(version("a1", ["typescript"])),
      interns: [intern("m1", "typescript", { stage: "applied" })],
    });
    expect(await useCasesOver(store).preview(organiser)).toEqual({ kind: "nobody" });
    expect(previews.size).toBe(0);
  });

  it("GIVEN onboarded interns THEN the preview pairs each with a fit AND Confirm returns a brief per pair in the intern's language", async () => {
    const interns = [intern("m1", "typescript"), intern("m2", "python", { projectChannelId: null })];
    const { store, previews, written } = memoryStore({
      library: libraryOf(
        version("a1", ["typescript"]),
        version("a2", ["python"]),
        version("a3", ["go"], "active_in_recruitment"),
      ),
      interns,
      locales: { m1: "en" },
    });
    const useCases = useCasesOver(store);
    const preview = await useCases.preview(organiser);
    expect(preview.kind).toBe("preview");
    if (preview.kind !== "preview") return;
    expect(preview.interns).toBe(2);
    expect(preview.pairs.map((p) => [p.discordUserId, p.assignmentId, p.latest?.titleEn])).toEqual([
      ["user-m1", "a1", "Task a1"],
      ["user-m2", "a2", "Task a2"],
    ]);
    expect(preview.quality?.ratio).toBe(1);
    const saved: readonly PreviewPair[] = previews.get(preview.previewId)?.pairs ?? [];
    expect(saved).toEqual([
      { memberId: "m1", assignmentId: "a1", versionId: "a1-v1" },
      { memberId: "m2", assignmentId: "a2", versionId: "a2-v1" },
    ]);

    const applied = await useCases.confirm(organiser, preview.previewId);
    expect(written.applied).toEqual([preview.previewId]);
    expect(applied.allocated).toBe(2);
    expect(applied.briefs.map((b) => [b.target, b.version.id])).toEqual([
      [{ channelId: "thread-m1", userId: "user-m1", locale: "en" }, "a1-v1"],
      [{ channelId: null, userId: "user-m2", locale: "ja" }, "a2-v1"],
    ]);
    // Three days after 2 April, 09:00 in Tokyo: the end of 5 April there.
    expect(applied.briefs[0]?.swapUntil).toEqual(new Date("2026-04-05T14:59:59.999Z"));
  });

  it("GIVEN the programme forces a locale THEN every brief is in it", async () => {
    const { store } = memoryStore({
      library: libraryOf(version("a1", ["typescript"])),
      interns: [intern("m1", "typescript")],
      locales: { m1: "ja" },
      programme: { ...programme, forcedLocale: "en" },
    });
    const useCases = useCasesOver(store);
    const preview = await useCases.preview(organiser);
    if (preview.kind !== "preview") throw new Error("expected a preview");
    const applied = await useCases.confirm(organiser, preview.previewId);
    expect(applied.briefs.map((b) => b.target.locale)).toEqual(["en"]);
  });

  it("GIVEN the situation changed since the preview, OR the database says it was applied, OR another programme's preview THEN Confirm refuses AND applies nothing", async () => {
    const interns = [intern("m1", "typescript")];
    const { store, written, previews } = memoryStore({
      library: libraryOf(version("a1", ["typescript"])),
      interns,
    });
    const useCases = useCasesOver(store);
    const preview = await useCases.preview(organiser);
    if (preview.kind !== "preview") throw new Error("expected a preview");

    interns.push(intern("m2", "typescript"));
    await expect(useCases.confirm(organiser, preview.previewId)).rejects.toMatchObject({
      key: "assignments.allocate.stale",
    });
    await expect(
      useCases.confirm({ ...organiser, programmeId: "p2" }, preview.previewId),
    ).rejects.toMatchObject({
      key: "assignments.allocate.unknownPreview",
    });
    const saved = previews.get(preview.previewId);
    if (saved === undefined) throw new Error("expected a saved preview");
    previews.set(preview.previewId, { ...saved, applied: true });
    await expect(useCases.confirm(organiser, preview.previewId)).rejects.toMatchObject({
      key: "assignments.allocate.alreadyApplied",
    });
    expect(written.applied).toEqual([]);

    const raced = memoryStore({
      library: libraryOf(version("a1", ["typescript"])),
      interns,
      apply: "already_applied",
    });
    const racedUseCases = useCasesOver(raced.store);
    const again = await racedUseCases.preview(organiser);
    if (again.kind !== "preview") throw new Error("expected a preview");
    await expect(racedUseCases.confirm(organiser, again.previewId)).rejects.toMatchObject({
      key: "assignments.allocate.alreadyApplied",
    });
  });

  it("GIVEN a member with a live project THEN release frees it and names its version; GIVEN a stranger or none THEN it is refused", async () => {
    const member = (id: string, discordUserId: string) => ({ id, discordUserId }) as Member;
    const { store, written } = memoryStore({
      library: libraryOf(version("a1", ["typescript"])),
      members: [member("m1", "user-m1"), member("m2", "user-m2")],
      live: [{ assignmentId: "a1", memberId: "m1", assignmentVersionId: "a1-v1" }],
    });
    const useCases = useCasesOver(store);
    const released = await useCases.release(organiser, "user-m1");
    expect(released.version?.id).toBe("a1-v1");
    expect(written.released).toEqual(["m1"]);
    await expect(useCases.release(organiser, "user-x")).rejects.toMatchObject({
      key: "assignments.release.notMember",
      vars: [{ user: "user-x" }],
    });
    await expect(useCases.release(organiser, "user-m2")).rejects.toMatchObject({
      key: "assignments.release.none",
    });
    expect(written.released).toEqual(["m1"]);
  });

  it("GIVEN a reserved assignment THEN an organiser gives it by hand with the brief in the intern's language; GIVEN each rule the batch keeps THEN give refuses naming why AND writes nothing", async () => {
    const member = (id: string, roles: Member["roles"] = ["intern"]) =>
      ({ id, discordUserId: `user-${id}`, roles }) as Member;
    const { store, written } = memoryStore({
      library: libraryOf(
        version("a1", ["typescript"]),
        version("a2", ["typescript"]),
        version("a3", ["typescript"]),
        version("a4", ["typescript"], "active_in_recruitment"),
        version("a5", ["typescript"]),
      ),
      stateFlags: { a1: { reserved: true }, a2: { excluded: true } },
      interns: [
        intern("m1", "typescript"),
        intern("m2", "typescript"),
        intern("m3", "typescript", { stage: "applied" }),
        intern("m4", "typescript"),
      ],
      members: [member("m1"), member("m2"), member("m3"), member("m4"), member("o1", ["organiser"])],
      existing: [{ internId: "m4", assignmentId: "a5" }],
      history: [{ discordUserId: "user-m2", assignmentId: "a3" }],
      locales: { m1: "en" },
    });
    const useCases = useCasesOver(store);
    const given = await useCases.give(organiser, "user-m1", "key-a1");
    expect(given.version.id).toBe("a1-v1");
    expect(given.brief.target).toEqual({ channelId: "thread-m1", userId: "user-m1", locale: "en" });
    expect(given.brief.swapUntil).toEqual(new Date("2026-04-05T14:59:59.999Z"));
    expect(written.given).toEqual([{ memberId: "m1", assignmentId: "a1", versionId: "a1-v1", at: NOW }]);

    const refusals: [string, string, string, string][] = [
      ["user-m2", "key-a2", "assignments.give.refused.excluded", "a2"],
      ["user-m2", "key-a3", "assignments.give.refused.previously_had", "a3"],
      ["user-m2", "key-a4", "assignments.give.refused.not_retired", "a4"],
      ["user-m2", "key-a5", "assignments.give.refused.taken", "a5"],
      ["user-m3", "key-a3", "assignments.give.notOnboarded", ""],
      ["user-m4", "key-a3", "assignments.give.hasOne", ""],
      ["user-o1", "key-a3", "assignments.give.notIntern", ""],
      ["user-x", "key-a3", "assignments.give.notIntern", ""],
      ["user-m2", "nope", "assignments.show.notFound", ""],
    ];
    for (const [user, key, expected, id] of refusals) {
      await expect(useCases.give(organiser, user, key), `${user} ${key}`).rejects.toMatchObject({
        key: expected,
        ...(id === "" ? {} : { vars: [{ user, key: `key-${id}` }] }),
      });
    }
    expect(written.given).toHaveLength(1);
  });

  it("GIVEN 45 interns THEN the roster pages by 20, filters by stage AND clamps a page past the end", async () => {
    const roster: RosterEntry[] = Array.from({ length: 45 }, (_, i) => ({
      discordUserId: `user-${i}`,
      displayName: `intern ${String(i).padStart(2, "0")}`,
      stage: i % 3 === 0 ? "working" : "onboarded",
      project: i % 3 === 0 ? { titleJa: `課題 ${i}`, titleEn: null } : null,
    }));
    const useCases = useCasesOver(memoryStore({ roster }).store);
    const first = await useCases.roster(organiser, null, 0);
    expect([first.page, first.pages, first.total, first.entries.length]).toEqual([0, 3, 45, 20]);
    const last = await useCases.roster(organiser, null, 99);
    expect([last.page, last.entries.length]).toEqual([2, 5]);
    const working = await useCases.roster(organiser, "working", 0);
    expect(working.total).toBe(15);
    expect(working.entries.every((e) => e.stage === "working" && e.project !== null)).toBe(true);
    await expect(useCases.roster({ ...organiser, programmeId: null }, null, 0)).rejects.toMatchObject({
      key: "error.access.noProgramme",
    });
  });
});
