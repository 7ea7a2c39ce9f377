/**
 * The product's enumerations, owned by the domain. The database schema mirrors them; src/db/enums.ts
 * fails `tsc` when the two drift apart.
 */
export const ProgrammeMode = {
  internship: "internship",
  hackathon: "hackathon",
} as const;
export type ProgrammeMode = (typeof ProgrammeMode)[keyof typeof ProgrammeMode];
export const ProgrammeStatus = {
  draft: "draft",
  open: "open",
  closed: "closed",
  archived: "archived",
} as const;
export type ProgrammeStatus = (typeof ProgrammeStatus)[keyof typeof ProgrammeStatus];
export const Locale = {
  ja: "ja",
  en: "en",
} as const;
export type Locale = (typeof Locale)[keyof typeof Locale];
export const MilestoneKind = {
  kickoff: "kickoff",
  midpoint: "midpoint",
  submission_deadline: "submission_deadline",
  presentation: "presentation",
  debrief: "debrief",
  custom: "custom",
} as const;
export type MilestoneKind = (typeof MilestoneKind)[keyof typeof MilestoneKind];
export const DiscordResourceKind = {
  category: "category",
  text_channel: "text_channel",
  announcement_channel: "announcement_channel",
  forum_channel: "forum_channel",
  voice_channel: "voice_channel",
  stage_channel: "stage_channel",
  thread: "thread",
  role: "role",
  scheduled_event: "scheduled_event",
  message: "message",
  webhook: "webhook",
} as const;
export type DiscordResourceKind = (typeof DiscordResourceKind)[keyof typeof DiscordResourceKind];
export const MemberRoleKind = {
  organiser: "organiser",
  mentor: "mentor",
  intern: "intern",
  agency_staff: "agency_staff",
} as const;
export type MemberRoleKind = (typeof MemberRoleKind)[keyof typeof MemberRoleKind];
export const InternStage = {
  applied: "applied",
  onboarded: "onboarded",
  working: "working",
  submitted: "submitted",
  presented: "presented",
  completed: "completed",
  withdrawn: "withdrawn",
} as const;
export type InternStage = (typeof InternStage)[keyof typeof InternStage];
export const AssignmentVersionStatus = {
  retired: "retired",
  active_in_recruitment: "active_in_recruitment",
} as const;
export type AssignmentVersionStatus = (typeof AssignmentVersionStatus)[keyof typeof AssignmentVersionStatus];
export const AllocationMethod = {
  batch: "batch",
  self_service: "self_service",
  manual: "manual",
  swap: "swap",
} as const;
export type AllocationMethod = (typeof AllocationMethod)[keyof typeof AllocationMethod];
export const ReleaseReason = {
  withdrawn: "withdrawn",
  swapped: "swapped",
  released_by_organiser: "released_by_organiser",
} as const;
export type ReleaseReason = (typeof ReleaseReason)[keyof typeof ReleaseReason];
export const LiveMarker = {
  active: "active",
} as const;
export type LiveMarker = (typeof LiveMarker)[keyof typeof LiveMarker];
export const HelpTicketStatus = {
  open: "open",
  claimed: "claimed",
  answered: "answered",
  closed: "closed",
} as const;
export type HelpTicketStatus = (typeof HelpTicketStatus)[keyof typeof HelpTicketStatus];
export const CompetencyElement = {
  initiative: "initiative",
  influencing: "influencing",
  execution: "execution",
  issue_finding: "issue_finding",
  planning: "planning",
  creativity: "creativity",
  speaking_up: "speaking_up",
  listening: "listening",
  flexibility: "flexibility",
  situation_reading: "situation_reading",
  discipline: "discipline",
  stress_control: "stress_control",
} as const;
export type CompetencyElement = (typeof CompetencyElement)[keyof typeof CompetencyElement];
export const AssessmentPhase = {
  before: "before",
  during: "during",
  after: "after",
} as const;
export type AssessmentPhase = (typeof AssessmentPhase)[keyof typeof AssessmentPhase];
export const AssessorKind = {
  self: "self",
  mentor: "mentor",
} as const;
export type AssessorKind = (typeof AssessorKind)[keyof typeof AssessorKind];
export const ExtensionSource = {
  organiser: "organiser",
  accommodation: "accommodation",
  request: "request",
} as const;
export type ExtensionSource = (typeof ExtensionSource)[keyof typeof ExtensionSource];
export const PresentationKind = {
  results: "results",
  report: "report",
} as const;
export type PresentationKind = (typeof PresentationKind)[keyof typeof PresentationKind];
export const PresentationStatus = {
  draft: "draft",
  scheduled: "scheduled",
  live: "live",
  completed: "completed",
  cancelled: "cancelled",
} as const;
export type PresentationStatus = (typeof PresentationStatus)[keyof typeof PresentationStatus];
export const PresentationOrderMethod = {
  allocation: "allocation",
  submission: "submission",
  random: "random",
  manual: "manual",
} as const;
export type PresentationOrderMethod = (typeof PresentationOrderMethod)[keyof typeof PresentationOrderMethod];
export const PresentationFormat = {
  live: "live",
  text: "text",
  video: "video",
} as const;
export type PresentationFormat = (typeof PresentationFormat)[keyof typeof PresentationFormat];
export const PresentationSlotStatus = {
  planned: "planned",
  confirmed: "confirmed",
  live: "live",
  presented: "presented",
  no_show: "no_show",
  removed: "removed",
} as const;
export type PresentationSlotStatus = (typeof PresentationSlotStatus)[keyof typeof PresentationSlotStatus];
