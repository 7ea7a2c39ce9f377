import { describe, expect, it } from "vitest";
import type { Allocation, LibraryViewEntry } from "../../../src/domain/allocation/records.ts";
import { UserError } from "../../../src/features/errors.ts";
import type { PickWrite, ProjectStore } from "../../../src/features/project/ports.ts";
import { projectUseCases } from "../../../src/features/project/use-cases.ts";
import { aMember, aProgramme } from "../../support/records.ts";

/** The claim use-case over an in-memory store: the rules and the race handling, without a database. */
const NOW = new Date("2026-04-02T00:00:00Z");

const programme = aProgramme();

const member = aMember({ projectChannelId: "thread-1" });

const entry = (id: string): LibraryViewEntry => ({
  id,
  versionId: `${id}-v1`,
  status: "retired",
  level: 2,
  skills: ["typescript"],
  estimatedHours: 20,
  titleJa: `課題 ${id}`,
  titleEn: `Task ${id}`,
});

function memoryStore(options: { write: PickWrite; taken?: Set<string> }) {
  const view = [entry("a1"), entry("a2"), entry("a3"), entry("a4")];
  const writes: string[] = [];
  const store: ProjectStore = {
    programme: async (id) => (id === programme.id ? programme : null),
    member: async (_p, userId) => (userId === member.discordUserId ? member : null),
    preferredLocale: async () => null,
    libraryView: async () => ({ assignments: view, byId: new Map(view.map((a) => [a.id, a])) }),
    library: async () => [],
    assignment: async () => null,
    programmeFlags: async () => [],
    version: async () => null,
    claimer: async () => ({
      intern: {
        id: member.id,
        discordUserId: member.discordUserId,
        skills: [{ name: "typescript", level: 3 }],
        interests: [],
        hoursPerWeek: 10,
        preferences: [],
      },
      flags: new Map(),
      history: [],
    }),
    liveAmong: async () => options.taken ?? new Set(),
    claimability: async () => "open",
    liveForMember: async () => null,
    history: async () => [],
    claim: async (input) => {
      writes.push(input.assignmentId);
      return options.write;
    },
    swap: async () => options.write,
    setPreferences: async () => undefined,
  };
  return { store, writes };
}

const caller = { programmeId: "p1", userId: "u1", locale: "en" as const };

describe("project use-cases over an in-memory store", () => {
  it("GIVEN a free assignment THEN pick claims it and returns the claimed outcome", async () => {
    const allocation = { id: "al1", assignmentVersionId: "a1-v1", allocatedAt: NOW } as Allocation;
    const { store, writes } = memoryStore({ write: { status: "allocated", allocation } });
    const picked = await projectUseCases({ store, now: () => NOW, defaultLocale: "ja" }).pick(caller, {
      programmeId: "p1",
      assignmentId: "a1",
      from: null,
    });
    expect(writes).toEqual(["a1"]);
    expect(picked).toMatchObject({ kind: "claimed", title: "Task a1", allocation });
  });

  it("GIVEN the database says another intern won the race THEN pick offers the next options, best first, without the lost one", async () => {
    const { store } = memoryStore({ write: { status: "assignment_taken" }, taken: new Set(["a1"]) });
    const picked = await projectUseCases({ store, now: () => NOW, defaultLocale: "ja" }).pick(caller, {
      programmeId: "p1",
      assignmentId: "a1",
      from: null,
    });
    expect(picked.kind).toBe("answer");
    if (picked.kind !== "answer") return;
    expect(picked.answer.header).toEqual({ key: "taken", title: "Task a1" });
    expect(picked.answer.options.map((o) => o.assignment.id)).not.toContain("a1");
    expect(picked.answer.options.length).toBeGreaterThan(0);
  });

  it("GIVEN an option button from another programme THEN pick refuses it as out of date and writes nothing", async () => {
    const { store, writes } = memoryStore({ write: { status: "assignment_taken" } });
    const picked = projectUseCases({ store, now: () => NOW, defaultLocale: "ja" }).pick(caller, {
      programmeId: "p0",
      assignmentId: "a1",
      from: null,
    });
    await expect(picked).rejects.toMatchObject({ key: "error.customId.stale" });
    expect(writes).toEqual([]);
  });

  it("GIVEN no programme in the server THEN every use-case refuses with the localised 'no programme' error", async () => {
    const { store } = memoryStore({ write: { status: "assignment_taken" } });
    const useCases = projectUseCases({ store, now: () => NOW, defaultLocale: "ja" });
    const refusal = useCases.startClaim({ ...caller, programmeId: null });
    await expect(refusal).rejects.toBeInstanceOf(UserError);
    await expect(refusal).rejects.toMatchObject({ key: "error.access.noProgramme" });
  });
});
