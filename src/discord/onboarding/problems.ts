import type { AnswerProblem } from "../../domain/onboarding/problems.ts";
import type { Translator } from "../../i18n/translate.ts";

/** One localised line per problem: names the field, quotes what was typed, says how to fix it. */
export function problemText(t: Translator, problem: AnswerProblem): string {
  switch (problem.field) {
    case "displayName":
      return problem.code === "required"
        ? t("onboarding.problem.displayName.required")
        : t("onboarding.problem.displayName.tooLong", { max: problem.max });
    case "skills":
      switch (problem.code) {
        case "format":
          return t("onboarding.problem.skills.format", { entry: problem.entry });
        case "level":
          return t("onboarding.problem.skills.level", { entry: problem.entry });
        case "nameTooLong":
          return t("onboarding.problem.skills.nameTooLong", { entry: problem.entry, max: problem.max });
        case "duplicate":
          return t("onboarding.problem.skills.duplicate", { entry: problem.entry });
        case "tooMany":
          return t("onboarding.problem.skills.tooMany", { max: problem.max });
      }
      break;
    case "interests":
      return problem.code === "tooLong"
        ? t("onboarding.problem.interests.tooLong", { entry: problem.entry, max: problem.max })
        : t("onboarding.problem.interests.tooMany", { max: problem.max });
    case "hours":
      switch (problem.code) {
        case "required":
          return t("onboarding.problem.hours.required");
        case "notWhole":
          return t("onboarding.problem.hours.notWhole", { value: problem.value });
        case "range":
          return t("onboarding.problem.hours.range", { min: problem.min, max: problem.max });
      }
      break;
    case "accommodationNotes":
      return t("onboarding.problem.accommodationNotes.tooLong", { max: problem.max });
  }
  return "";
}
