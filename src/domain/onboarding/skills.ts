import type { MemberSkill } from "../member/types.ts";
import { ProfileLimits } from "./limits.ts";
import type { AnswerProblem } from "./problems.ts";
import { normaliseWidth, splitList } from "./text.ts";

/** What {@link parseSkills} found: the skills it understood and a problem for each entry it did not. */
export interface ParsedSkills {
  skills: MemberSkill[];
  problems: Extract<AnswerProblem, { field: "skills" }>[];
}

const ENTRY = /^(?<name>.+?)\s*(?::|\s)\s*(?<level>[^\s:]+)$/u;

/**
 * Parses a typed skills list such as `TypeScript:3, SQL:2` (also `TypeScript 3`, full-width
 * `ＴｙｐｅＳｃｒｉｐｔ：３`, `、` or new lines between entries). Levels are whole numbers 1–5.
 * An empty text is no skills, which is fine: beginners are welcome.
 *
 * Never throws: every entry it cannot use is reported, and the good ones are still returned, so
 * the form can say exactly which entry to fix.
 */
export function parseSkills(text: string): ParsedSkills {
  const skills: MemberSkill[] = [];
  const problems: ParsedSkills["problems"] = [];
  const seen = new Set<string>();
  for (const entry of splitList(text)) {
    const match = ENTRY.exec(entry);
    const name = match?.groups?.name?.trim();
    const levelText = match?.groups?.level;
    if (!match || !name || levelText === undefined) {
      problems.push({ field: "skills", code: "format", entry });
      continue;
    }
    if (!/^\d+$/.test(levelText)) {
      // "Go: good" or "React:3.5": the shape is right but the level is not a whole number.
      problems.push({ field: "skills", code: /[0-9]/.test(levelText) ? "level" : "format", entry });
      continue;
    }
    const level = Number(levelText);
    if (level < ProfileLimits.minSkillLevel || level > ProfileLimits.maxSkillLevel) {
      problems.push({ field: "skills", code: "level", entry });
      continue;
    }
    if (name.length > ProfileLimits.skillName) {
      problems.push({ field: "skills", code: "nameTooLong", entry, max: ProfileLimits.skillName });
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      problems.push({ field: "skills", code: "duplicate", entry });
      continue;
    }
    seen.add(key);
    skills.push({ name, level });
  }
  if (skills.length > ProfileLimits.skills) {
    problems.push({ field: "skills", code: "tooMany", max: ProfileLimits.skills });
  }
  return { skills, problems };
}

/** The inverse of {@link parseSkills}: pre-fills the form with saved skills. */
export function formatSkills(skills: readonly MemberSkill[]): string {
  return skills.map((skill) => `${skill.name}:${skill.level}`).join(", ");
}

/** Parses interests: a typed list of short phrases, duplicates dropped. */
export function parseInterests(text: string): {
  interests: string[];
  problems: Extract<AnswerProblem, { field: "interests" }>[];
} {
  const interests: string[] = [];
  const problems: Extract<AnswerProblem, { field: "interests" }>[] = [];
  const seen = new Set<string>();
  for (const entry of splitList(text)) {
    if (entry.length > ProfileLimits.interest) {
      problems.push({ field: "interests", code: "tooLong", entry, max: ProfileLimits.interest });
      continue;
    }
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    interests.push(entry);
  }
  if (interests.length > ProfileLimits.interests) {
    problems.push({ field: "interests", code: "tooMany", max: ProfileLimits.interests });
  }
  return { interests, problems };
}

/** Normalises a typed number of hours ("２０", " 20 ") for checking. */
export function normaliseHours(text: string): string {
  return normaliseWidth(text).trim();
}
