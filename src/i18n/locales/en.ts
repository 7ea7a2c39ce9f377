import type { TranslationOf } from "../catalogue.ts";
import type { CommandTranslationOf } from "../command-text.ts";
import { enAgencyCommands, enAgencyMessages } from "./en/agency.ts";
import { enAssignmentCommands, enAssignmentMessages } from "./en/assignments.ts";
import { enAttentionCommands, enAttentionMessages } from "./en/attention.ts";
import { enCompetencyCommands, enCompetencyMessages } from "./en/competency.ts";
import { enHelpdeskCommands, enHelpdeskMessages } from "./en/helpdesk.ts";
import { onboardingEn, onboardingEnCommands } from "./en/onboarding.ts";
import { enOperationsCommands, enOperationsMessages } from "./en/operations.ts";
import { enPresentationCommands, enPresentationMessages } from "./en/presentation.ts";
import { enProgramCommands, enProgramMessages } from "./en/program.ts";
import { enReviewCommands, enReviewMessages } from "./en/review.ts";
import { enSubmissionCommands, enSubmissionMessages } from "./en/submissions.ts";
import { enTeamCommands, enTeamMessages } from "./en/team.ts";
import type { ja, jaCommands } from "./ja.ts";

const messages = {
  "about.title": "About taiken",
  "about.version": "Version",
  "about.uptime": "Up since",
  "about.database": "Database",
  "about.redis": "Redis",
  "about.status.ok": "✅ OK",
  "about.status.down": "⚠️ Not responding",
  "about.programme": "Programme in this server",
  "about.programme.none": "No programme has been opened in this server yet.",
  "about.programme.summary": "**{name}** ({mode})\n{starts} – {ends}",
  "about.programme.stages": "Participants by stage",
  "about.programme.stage": "{stage}: {count}",
  "about.programme.unavailable": "Can't be shown while the database is unavailable.",

  "value.notSet": "not set",
  "value.notScored": "not scored",

  "stage.applied": "Applied",
  "stage.onboarded": "Onboarded",
  "stage.working": "Working",
  "stage.submitted": "Submitted",
  "stage.presented": "Presented",
  "stage.completed": "Completed",
  "stage.withdrawn": "Withdrawn",

  "programme.mode.internship": "Internship",
  "programme.mode.hackathon": "Hackathon",

  "milestone.announcement": "📣 **{title}** ({kind})\n{at} ({relative})",
  "milestone.reminder": "⏰ Coming up: **{title}** ({kind})\n{at} ({relative})",
  "milestone.kind.kickoff": "Kick-off",
  "milestone.kind.midpoint": "Mid-point review",
  "milestone.kind.submission_deadline": "Submission deadline",
  "milestone.kind.presentation": "Results presentation",
  "milestone.kind.debrief": "Debrief",
  "milestone.kind.custom": "Notice",

  "error.unexpected":
    "Sorry, something went wrong on our side. Please tell an organiser and quote error ID `{errorId}`.",
  "error.guildOnly": "This command only works inside a server. Please run it in the programme's server.",
  "error.unknownCommand": "This command isn't available right now. Please try again in a little while.",
  "error.invalidOption": "The value given for “{option}” isn't valid.",
  "error.customId.stale":
    "This button is out of date. Please use the latest message, or run the command again.",
  "error.customId.invalid": "I couldn't recognise that action. Please run the command again.",
  "error.access.noProgramme": "No programme has been opened in this server yet.",
  "error.busy":
    "This is already under way: someone (maybe you, a moment ago) started the same change and it is still running. Nothing was changed this time; look at the result in a minute, or run it again once it has finished.",
  "error.access.organiser": "Only organisers can do this.",
  "error.access.mentor": "Only mentors can do this.",
  "error.access.intern": "Only interns taking part in the programme can do this.",
  "error.access.agency": "Only support-agency staff can do this.",
  "error.access.member": "Only programme participants can do this.",
  "error.access.denied": "You don't have permission to do this.",
  "error.discord.missingPermissions":
    "I don't have the permission this needs in this server. Please ask an organiser to check my role's permissions.",
  "error.discord.missingAccess":
    "I can't access that channel or resource. Please ask an organiser to check my permissions.",
  "error.discord.unknownChannel": "I can't find that channel. It may have been deleted.",
  "error.discord.unknownMessage": "I can't find that message. It may have been deleted.",
  "error.discord.unknownRole": "I can't find that role. It may have been deleted.",
  "error.discord.unknownMember": "That person isn't a member of this server.",
  "error.discord.cannotMessageUser":
    "I couldn't send you a direct message. Please allow direct messages from server members.",
  "error.discord.limitReached": "A Discord limit (such as the number of channels or roles) has been reached.",
  "error.discord.rateLimited": "Discord is busy right now. Please wait a moment and try again.",
  "error.databaseUnavailable":
    "The database is not answering right now (it may be restarting). Nothing was changed, so nothing is half done: please run the same command again in a minute. If it keeps happening, tell an organiser (error ID `{errorId}`).",
  "error.jobsUnavailable":
    "The scheduling service is not answering right now. What you entered is saved; the scheduled steps will be set up again automatically once it is back. You can also run the command again in a minute.",
  "error.discord.unavailable": "I can't reach Discord right now. Please wait a moment and try again.",
  "error.constraint.unique": "That already exists.",
  "error.constraint.allocationOneLivePerMember": "This intern already has an assignment in this programme.",
  "error.constraint.allocationOneLivePerAssignment":
    "That assignment is already allocated to another intern.",
  "error.constraint.memberPerProgramme": "This person is already part of this programme.",
  "error.constraint.programmeName": "A programme with this name already exists in this server.",
  "error.constraint.assignmentKey": "An assignment with this key is already in the library.",
  "error.constraint.assignmentVersionContent": "This exact version of the assignment is already saved.",
  "error.constraint.preferenceRank": "You have already ranked another assignment at that position.",
  "error.constraint.preferenceAssignment": "You have already ranked that assignment.",
  "error.constraint.presentationSlotMember": "This intern already has a presentation slot.",
  "error.constraint.presentationSlotOrder": "That place in the running order is already taken.",
  "error.constraint.competencyScore": "This element has already been scored for this phase.",
  "error.constraint.checkInOnePerMember": "You are already checked in.",
  "error.constraint.dailyReportPerDay": "The daily report for that day has already been written.",
  ...enAssignmentMessages,
  ...enProgramMessages,
  ...enOperationsMessages,
  ...enSubmissionMessages,
  ...enAttentionMessages,
  ...enReviewMessages,
  ...enCompetencyMessages,
  ...enPresentationMessages,
  ...enTeamMessages,
  ...onboardingEn,
  ...enAgencyMessages,
  ...enHelpdeskMessages,
} as const;

/** English messages. `satisfies` makes `tsc` reject a missing or extra key or a placeholder mismatch. */
export const en: typeof messages = messages satisfies TranslationOf<typeof ja, typeof messages>;

const commands = {
  taiken: { description: "About the taiken bot" },
  "taiken.about": { description: "Show the version, status, and this server's programme" },
  ...enProgramCommands,
  ...onboardingEnCommands,
  ...enAssignmentCommands,
  ...enOperationsCommands,
  ...enSubmissionCommands,
  ...enAttentionCommands,
  ...enReviewCommands,
  ...enCompetencyCommands,
  ...enPresentationCommands,
  ...enTeamCommands,
  ...enAgencyCommands,
  ...enHelpdeskCommands,
} as const;

/**
 * English command texts. A command's English *name* is its identifier in the definition, so
 * only descriptions (and choice labels) live here.
 */
export const enCommands: typeof commands = commands satisfies CommandTranslationOf<
  typeof jaCommands,
  typeof commands
>;
