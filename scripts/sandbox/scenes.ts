/**
 * The sandbox's scripted programme, scene by scene, in story order. It grows with every feature:
 * put a feature's scenes in `scenes/<feature>.ts` (see `steps.ts` for run/click/choose/submit)
 * and insert them below where they belong in the programme's timeline (open the workspace →
 * load assignments → interns join and get projects → daily reports and questions →
 * submissions → results presentation → agency digest).
 */
import { aboutScenes } from "./scenes/about.ts";
import { assignmentScenes } from "./scenes/assignments.ts";
import { dayScenes } from "./scenes/days.ts";
import { onboardingScenes } from "./scenes/onboarding.ts";
import { programScenes } from "./scenes/program.ts";
import { submissionScenes } from "./scenes/submissions.ts";
import type { Scene } from "./steps.ts";

/** The day scenes end with the programme's close, which comes after everything else. */
const isTheEnd = (scene: Scene) => scene.id === "close";

export const scenes: readonly Scene[] = [
  ...programScenes,
  ...aboutScenes,
  ...onboardingScenes,
  ...assignmentScenes,
  ...dayScenes.filter((scene) => !isTheEnd(scene)),
  ...submissionScenes,
  ...dayScenes.filter(isTheEnd),
];
