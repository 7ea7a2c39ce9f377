/**
 * What can be wrong with an answer, as data: the Discord layer turns each into a localised
 * sentence that names the field and says how to fix it.
 */
export type AnswerProblem =
  | { field: "displayName"; code: "required" }
  | { field: "displayName"; code: "tooLong"; max: number }
  | { field: "skills"; code: "format"; entry: string }
  | { field: "skills"; code: "level"; entry: string }
  | { field: "skills"; code: "nameTooLong"; entry: string; max: number }
  | { field: "skills"; code: "duplicate"; entry: string }
  | { field: "skills"; code: "tooMany"; max: number }
  | { field: "interests"; code: "tooLong"; entry: string; max: number }
  | { field: "interests"; code: "tooMany"; max: number }
  | { field: "hours"; code: "required" }
  | { field: "hours"; code: "notWhole"; value: string }
  | { field: "hours"; code: "range"; min: number; max: number }
  | { field: "accommodationNotes"; code: "tooLong"; max: number };
