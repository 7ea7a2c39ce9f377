/**
 * The schema's enums must stay the domain's (src/domain/enums.ts): a value added to or removed
 * from either side fails `tsc` here. Code outside src/db imports the domain's.
 */

import type * as Schema from "../../prisma/generated/sqlite/enums.ts";
import type * as Domain from "../domain/enums.ts";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;

// biome-ignore lint/correctness/noUnusedVariables: a compile-time check; tsc evaluates it, nothing reads it
type EnumsMatch = [
  Check<Same<Domain.ProgrammeMode, Schema.ProgrammeMode>>,
  Check<Same<Domain.ProgrammeStatus, Schema.ProgrammeStatus>>,
  Check<Same<Domain.Locale, Schema.Locale>>,
  Check<Same<Domain.MilestoneKind, Schema.MilestoneKind>>,
  Check<Same<Domain.DiscordResourceKind, Schema.DiscordResourceKind>>,
  Check<Same<Domain.MemberRoleKind, Schema.MemberRoleKind>>,
  Check<Same<Domain.InternStage, Schema.InternStage>>,
  Check<Same<Domain.AssignmentVersionStatus, Schema.AssignmentVersionStatus>>,
  Check<Same<Domain.AllocationMethod, Schema.AllocationMethod>>,
  Check<Same<Domain.ReleaseReason, Schema.ReleaseReason>>,
  Check<Same<Domain.LiveMarker, Schema.LiveMarker>>,
  Check<Same<Domain.HelpTicketStatus, Schema.HelpTicketStatus>>,
  Check<Same<Domain.CompetencyElement, Schema.CompetencyElement>>,
  Check<Same<Domain.AssessmentPhase, Schema.AssessmentPhase>>,
  Check<Same<Domain.AssessorKind, Schema.AssessorKind>>,
  Check<Same<Domain.ExtensionSource, Schema.ExtensionSource>>,
  Check<Same<Domain.PresentationKind, Schema.PresentationKind>>,
  Check<Same<Domain.PresentationStatus, Schema.PresentationStatus>>,
  Check<Same<Domain.PresentationOrderMethod, Schema.PresentationOrderMethod>>,
  Check<Same<Domain.PresentationFormat, Schema.PresentationFormat>>,
  Check<Same<Domain.PresentationSlotStatus, Schema.PresentationSlotStatus>>,
];

export * from "../domain/enums.ts";
