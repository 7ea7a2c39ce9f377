import "../support/unhandled.ts";
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { CAST } from "../../scripts/sandbox/cast.ts";
import { runSandbox, type SandboxResult } from "../../scripts/sandbox/runner.ts";
import { run } from "../../scripts/sandbox/steps.ts";

describe("npm run sandbox: the scripted programme on a local Discord", () => {
  let result: SandboxResult;
  let story = "";

  beforeAll(async () => {
    result = await runSandbox({
      color: false,
      write: (text) => {
        story += text;
      },
      ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    });
  });

  it("GIVEN every scene THEN each plays to the end, with no spec violation and nothing unhandled", () => {
    expect(result.problems).toEqual([]);
    expect(result.violations).toEqual([]);
    expect(result.scenes.filter((scene) => !scene.ok)).toEqual([]);
    expect(result.scenes.length).toBeGreaterThan(0);
    expect(result.ok).toBe(true);
  });

  it("GIVEN the cast THEN each of the five people saw a reply from taiken", () => {
    for (const person of CAST) {
      const replies = result.scenes
        .flatMap((scene) => scene.steps)
        .filter((step) => step.who === person.key && step.seen?.kind === "message" && step.seen.text !== "");
      expect(replies.length, `${person.name} (${person.part})`).toBeGreaterThan(0);
    }
  });

  it("GIVEN people with Discord in Japanese and in English THEN the story shows each their own language", () => {
    expect(story).toContain("taiken について");
    expect(story).toContain("About taiken");
    for (const person of CAST) expect(story).toContain(person.name);
    expect(story).not.toContain("\u001b[");
  });

  it("GIVEN no --keep THEN the temporary data directory is gone", () => {
    expect(existsSync(result.dataDir)).toBe(false);
  });

  it("GIVEN a scene whose check fails THEN the run is not ok and names the person and the step", async () => {
    let failing = "";
    const outcome = await runSandbox({
      color: false,
      write: (text) => {
        failing += text;
      },
      scenes: [
        {
          id: "broken",
          title: "A check that cannot pass",
          steps: [
            run("internEn", "/taiken about", {
              expect: () => {
                throw new Error("expected a programme");
              },
            }),
          ],
        },
      ],
      ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.scenes[0]?.error).toBe("Maya Chen: /taiken about: expected a programme");
    expect(failing).toContain("✗ failed");
  });
});
