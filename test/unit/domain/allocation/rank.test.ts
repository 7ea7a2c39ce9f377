import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../scripts/harness/synthetic.ts";
import { indexHistory } from "../../../../src/domain/allocation/eligibility.ts";
import { rankCandidates } from "../../../../src/domain/allocation/rank.ts";
import { scoreFit } from "../../../../src/domain/allocation/score.ts";
import { assignment, intern } from "./fixtures.ts";

const context = { weeks: 6, history: new Map(), taken: new Set<string>() };

describe("rankCandidates", () => {
  it("GIVEN a library THEN the best fits come first, equal scores in id order", () => {
    const someone = intern({ id: "i1", skills: [{ name: "Go", level: 3 }] });
    const library = [
      assignment({ id: "b", skills: ["Go"] }),
      assignment({ id: "c", skills: ["Go", "SQL"] }),
      assignment({ id: "a", skills: ["Go"] }),
      assignment({ id: "d", skills: ["Figma"] }),
    ];
    const ranked = rankCandidates(someone, library, context, 10);
    expect(ranked.map((r) => r.assignmentId)).toEqual(["a", "b", "c", "d"]);
    expect(ranked.map((r) => r.score)).toEqual(
      ["a", "b", "c", "d"].map(
        (id) => scoreFit(someone, library.find((x) => x.id === id)!, { weeks: 6 }).total,
      ),
    );
  });

  it("GIVEN tasks the intern may not claim THEN they are never offered", () => {
    const someone = intern({ id: "i1", discordUserId: "u1" });
    const library = [
      assignment({ id: "live", status: "active_in_recruitment" }),
      assignment({ id: "excluded", excluded: true }),
      assignment({ id: "reserved", reserved: true }),
      assignment({ id: "had" }),
      assignment({ id: "taken" }),
      assignment({ id: "free" }),
    ];
    const ranked = rankCandidates(
      someone,
      library,
      {
        weeks: 6,
        history: indexHistory([{ discordUserId: "u1", assignmentId: "had" }]),
        taken: new Set(["taken"]),
      },
      10,
    );
    expect(ranked.map((r) => r.assignmentId)).toEqual(["free"]);
  });

  it("GIVEN a limit THEN at most that many come back, and none for a limit of zero", () => {
    const instance = generateInstance({ seed: 3, interns: 1, assignments: 300 });
    const someone = instance.interns[0]!;
    const all = rankCandidates(someone, instance.assignments, context, 1000);
    const top = rankCandidates(someone, instance.assignments, context, 5);
    expect(top).toEqual(all.slice(0, 5));
    for (let k = 1; k < all.length; k += 1) expect(all[k - 1]!.score).toBeGreaterThanOrEqual(all[k]!.score);
    expect(rankCandidates(someone, instance.assignments, context, 0)).toEqual([]);
  });
});
