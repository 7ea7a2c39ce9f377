/**
 * English messages and command texts of the assignment library, allocation and the intern's
 * project. Checked against the Japanese source where they are spread (`en`, `enCommands`).
 */
export const enAssignmentMessages = {
  "library.issue.line": "{file} line {line}",
  "library.issue.field": "(field `{field}`)",
  "library.issue.syntax": "The file is not well formed: {detail}",
  "library.issue.csv_quote": 'A quote (") in the CSV is never closed.',
  "library.issue.front_matter_missing":
    "The Markdown file does not start with fields between `---` lines (front matter).",
  "library.issue.not_a_list": "There is no list of assignments (or `assignments:` list).",
  "library.issue.unsupported_file":
    "This kind of file can't be read. Use Markdown (.md), YAML, JSON, CSV, or a zip or tar (.tar, .tar.gz) archive.",
  "library.issue.archive_invalid": "The archive could not be opened: it is damaged or not a zip or tar file.",
  "library.issue.archive_truncated":
    "The archive is incomplete (it stops before its end). Please pack or upload it again.",
  "library.issue.archive_too_large": "The archive unpacks to more data or files than allowed.",
  "library.issue.archive_unsafe_path":
    "The archive holds a path outside its folder (absolute or with `..`): {detail}",
  "library.issue.required": "This field is required.",
  "library.issue.invalid_value": "The value isn't valid.",
  "library.issue.got": "(got: {detail})",
  "library.issue.invalid_level": "The level must be a whole number from 1 to 5 (got: {detail}).",
  "library.issue.invalid_status":
    "The status must be `retired` (no longer used in recruitment) or `active-in-recruitment`.",
  "library.issue.invalid_url": "The URL isn't valid (http or https).",
  "library.issue.too_long": "Too long.",
  "library.issue.unknown_field": "Unknown field. Please check the spelling.",
  "library.issue.duplicate_id": "This id appears twice in this import: {detail}",
  "library.issue.empty": "There are no assignments to import.",
  "library.issue.encoding_invalid":
    "The file holds characters that aren't valid {detail} (the encoding it was detected as), so nothing was imported. Save it as UTF-8 (in Excel: “CSV UTF-8 (Comma delimited)”) and import it again.",
  "library.hint.id":
    "An id starts with a letter or digit and uses only letters, digits, `.`, `_` and `-`, up to 80 characters (pattern `^[A-Za-z0-9][A-Za-z0-9._-]*$`, e.g. `2026-spring-todo-api`).",
  "library.hint.title_ja": "Write the Japanese title, up to 200 characters (e.g. `ToDo アプリの API`).",
  "library.hint.title_en":
    "Write the English title, up to 200 characters (e.g. `To-do app API`); it may be left out.",
  "library.hint.brief": "Write the brief, up to 8,000 characters; put longer material in `links`.",
  "library.hint.skills":
    "List skills separated by `;` (each up to 80 characters, at most 30; e.g. `TypeScript; SQL`).",
  "library.hint.tags":
    "List tags separated by `;` (each up to 80 characters, at most 30; e.g. `web; backend`).",
  "library.hint.level": "A whole number from 1 (easy) to 5 (hard), e.g. `3`.",
  "library.hint.estimated_hours": "The estimated time as a whole number of hours from 1 to 2000, e.g. `40`.",
  "library.hint.origin_round":
    "The recruitment round it was used in, up to 120 characters (e.g. `2025 autumn`); it may be left out.",
  "library.hint.status": "`retired` or `active-in-recruitment`; left out, it is `retired`.",
  "library.hint.links":
    "`label|https://…` or a bare URL, several separated by `;` (e.g. `Spec|https://example.com/spec`).",
  "library.hint.attachments":
    "`file name|https://…` or a bare URL, several separated by `;` (e.g. `data.zip|https://example.com/data.zip`).",
  "library.hint.unknown":
    "The fields are `id`, `title_ja`, `title_en`, `brief`, `skills`, `tags`, `level`, `estimated_hours`, `origin_round`, `status`, `links` and `attachments`. A CSV may be delimited by commas, semicolons or tabs.",
  "library.import.failed":
    "❌ Nothing was imported ({count, plural, one {# problem found} other {# problems found}}; the library is unchanged).\n{issues}",
  "library.import.dryRun":
    "{count, plural, one {# assignment is} other {# assignments are}} valid (dry run: nothing was written).",
  "library.import.more": "…and {count} more",
  "library.import.done":
    "✅ Library imported: {created} new, {updated, plural, one {# new version} other {# new versions}}, {unchanged} unchanged.",
  "library.import.tooLarge":
    "❌ The file is too large ({size} MB). The limit is {limit} MB. Nothing was imported.",
  "library.import.downloadFailed": "❌ I couldn't fetch the attachment. Please try again.",

  "allocation.reason.level_match": "The level is just right (you {internLevel} / task {level})",
  "allocation.reason.level_stretch": "A bit of a stretch (you {internLevel} / task {level})",
  "allocation.reason.level_too_hard": "The level is high (you {internLevel} / task {level})",
  "allocation.reason.level_easy": "A little easy (you {internLevel} / task {level})",
  "allocation.reason.level_too_easy": "Quite easy (you {internLevel} / task {level})",
  "allocation.reason.skills_none_required": "No particular skills needed",
  "allocation.reason.skill_match": "You have “{skill}” (level {internLevel})",
  "allocation.reason.skill_missing": "A chance to learn “{skill}”",
  "allocation.reason.interests_unknown": "No interests given",
  "allocation.reason.interest_match": "Matches your interest “{interest}”",
  "allocation.reason.interest_none": "No overlap with your interests",
  "allocation.reason.hours_unknown": "No available hours given",
  "allocation.reason.hours_light": "Plenty of time ({estimated} h estimated / {available} h available)",
  "allocation.reason.hours_fit": "The time fits ({estimated} h estimated / {available} h available)",
  "allocation.reason.hours_tight": "Time is a bit tight ({estimated} h estimated / {available} h available)",
  "allocation.reason.hours_over":
    "Time may not be enough ({estimated} h estimated / {available} h available)",
  "allocation.reason.preferred": "Your choice no. {rank}",
  "allocation.about.level_match": "The level is just right (intern {internLevel} / task {level})",
  "allocation.about.level_stretch": "A bit of a stretch for them (intern {internLevel} / task {level})",
  "allocation.about.level_too_hard": "Above their level (intern {internLevel} / task {level})",
  "allocation.about.level_easy": "A little easier than their level (intern {internLevel} / task {level})",
  "allocation.about.level_too_easy": "Well below their level (intern {internLevel} / task {level})",
  "allocation.about.skills_none_required": "No particular skills needed",
  "allocation.about.skill_match": "They have “{skill}” (level {internLevel})",
  "allocation.about.skill_missing": "They don't have “{skill}” yet",
  "allocation.about.interests_unknown": "They gave no interests",
  "allocation.about.interest_match": "Matches their interest “{interest}”",
  "allocation.about.interest_none": "No overlap with their interests",
  "allocation.about.hours_unknown": "They gave no available hours",
  "allocation.about.hours_light":
    "Plenty of time for them ({estimated} h estimated / {available} h they have)",
  "allocation.about.hours_fit": "The time fits them ({estimated} h estimated / {available} h they have)",
  "allocation.about.hours_tight":
    "Time is a bit tight for them ({estimated} h estimated / {available} h they have)",
  "allocation.about.hours_over":
    "They may not have enough time ({estimated} h estimated / {available} h they have)",
  "allocation.about.preferred": "Their choice no. {rank}",
  "allocation.unallocated.no_eligible_assignment": "No assignment can be given (all are closed to them)",
  "allocation.unallocated.assignments_exhausted": "Not enough assignments",

  "assignments.allocate.title": "Batch allocation preview",
  "assignments.allocate.summary":
    "{interns, plural, one {# intern} other {# interns}} / {allocated} allocated / total score {total}",
  "assignments.allocate.quality": "Against the exact optimum: {percent}% (optimum total {optimum})",
  "assignments.allocate.qualityUnknown": "Too large to compare with the exact optimum.",
  "assignments.allocate.pair": "<@{user}> → **{title}** (score {score})\n{reasons}",
  "assignments.allocate.unallocated": "<@{user}>: {reason}",
  "assignments.allocate.more": "…and {count} more",
  "assignments.allocate.page": "Rows {from}–{to} of {total} (page {page}/{pages})",
  "assignments.allocate.previous": "Previous",
  "assignments.allocate.next": "Next",
  "assignments.allocate.confirmCount":
    "Confirm {count, plural, one {# allocation} other {these # allocations}}",
  "assignments.allocate.csv": "The whole preview is attached as a CSV.",
  "assignments.allocate.csvUnallocated": "not allocated",
  "assignments.allocate.nobody": "Nobody is waiting for an assignment (onboarded interns).",
  "assignments.allocate.confirm": "Confirm this allocation",
  "assignments.allocate.applied":
    "✅ Assigned projects to {count, plural, one {# intern} other {# interns}} and posted each brief in their project thread.",
  "assignments.allocate.noThread": "Could not post the brief (no project thread) for: {users}",
  "assignments.allocate.stale":
    "Things changed after the preview (interns, assignments or allocations), so nothing was applied. Please run `/assignments allocate` again.",
  "assignments.allocate.alreadyApplied": "This preview has already been applied.",
  "assignments.allocate.unknownPreview":
    "I can't find this preview. Please run `/assignments allocate` again.",

  "assignments.brief.title": "📘 Your project: {title}",
  "assignments.brief.intro": "<@{user}>, your project is ready. Start by reading the brief.",
  "assignments.brief.level": "Level",
  "assignments.brief.hours": "Estimated time",
  "assignments.brief.hoursValue": "{hours} h",
  "assignments.brief.skills": "Skills",
  "assignments.brief.links": "Links",
  "assignments.brief.attachments": "Attachments",
  "assignments.brief.none": "None",
  "assignments.brief.swapHint":
    "If it doesn't feel right, you can swap it once with `/project swap` until {until}.",

  "assignments.give.done": "✅ Gave “{title}” to <@{user}> and posted the brief in their project thread.",
  "assignments.give.noThread":
    "✅ Gave “{title}” to <@{user}> (no project thread, so the brief was not posted).",
  "assignments.give.notIntern": "<@{user}> is not an intern in this programme.",
  "assignments.give.hasOne":
    "<@{user}> already has an assignment. Release it first with `/assignments release`.",
  "assignments.give.notOnboarded":
    "<@{user}> hasn't finished onboarding or has withdrawn. Only onboarded interns can be given an assignment.",
  "assignments.give.refused.not_retired":
    "Assignment `{key}` is still used in recruitment (not retired), so it can't go to <@{user}>.",
  "assignments.give.refused.excluded":
    "Assignment `{key}` is excluded from this programme (`/assignments exclude`); nothing was given to <@{user}>.",
  "assignments.give.refused.reserved": "Assignment `{key}` is reserved.",
  "assignments.give.refused.previously_had":
    "<@{user}> had assignment `{key}` in an earlier programme; the same one can't be given again.",
  "assignments.give.refused.taken":
    "Assignment `{key}` is already given to another intern in this programme; nothing was given to <@{user}>.",
  "assignments.give.stale":
    "Something changed while giving <@{user}> the assignment, so nothing was given. Please try again.",
  "assignments.release.done": "Released “{title}” from <@{user}> and put it back in the pool (history kept).",
  "assignments.release.none": "<@{user}> has no assignment right now.",
  "assignments.release.notMember": "<@{user}> is not part of this programme.",

  "assignments.list.title": "Assignment library ({from}–{to} of {total})",
  "assignments.list.empty": "No assignments match.",
  "assignments.list.line": "`{key}` v{version} **{title}** — level {level}, {hours} h, {status}{flags}",
  "assignments.list.previous": "Previous",
  "assignments.list.next": "Next",
  "assignments.status.retired": "retired (reusable)",
  "assignments.status.active_in_recruitment": "in recruitment (hidden)",
  "assignments.flag.excluded": "excluded",
  "assignments.flag.reserved": "reserved",
  "assignments.flag.allocated": "allocated",

  "assignments.show.notFound": "That assignment is not in the library.",
  "assignments.show.versions": "Versions",
  "assignments.show.version": "v{version} ({at})",
  "assignments.show.history": "Usage history",
  "assignments.show.historyLine": "{programme}: <@{user}> v{version} ({at}) {released}",
  "assignments.show.released": "(released: {reason})",
  "assignments.show.noHistory": "Not given to anyone yet.",
  "assignments.show.origin": "Origin",
  "assignments.show.status": "Status",
  "assignments.flags.set": "“{title}”: excluded {excluded}, reserved {reserved}",
  "assignments.flags.on": "yes",
  "assignments.flags.off": "no",
  "assignments.releaseReason.withdrawn": "withdrew",
  "assignments.releaseReason.swapped": "swapped",
  "assignments.releaseReason.released_by_organiser": "released by an organiser",

  "project.view.none": "You don't have an assignment yet. The organisers will allocate one soon.",
  "project.view.noneSelfService":
    "You don't have an assignment yet. Use `/project claim` to choose one that suits you.",
  "project.notIntern": "You're not taking part in this programme as an intern.",
  "project.withdrawn":
    "You have withdrawn from this programme. If you'd like to come back, please feel free to talk to an organiser.",
  "project.preferences.saved": "Saved your wishes: {list}",
  "project.preferences.unknown":
    "I couldn't find an assignment called “{value}”. Please pick one from the suggestions.",
  "project.preferences.duplicate": "You picked the same assignment twice. Please pick different ones.",
  "project.preferences.notOpen": "“{title}” can't be chosen in this programme.",
  "project.claim.disabled": "In this programme the organisers allocate assignments. Please wait for yours.",
  "project.claim.already": "You're already working on “{title}”. See it with `/project view`.",
  "project.claim.title": "Assignments that may suit you",
  "project.claim.candidate": "**{n}. {title}** (level {level}, {hours} h, score {score})\n{reasons}",
  "project.claim.button": "Choose {n}",
  "project.claim.noneLeft": "There are no assignments left to choose right now. Please talk to an organiser.",
  "project.claim.done": "🎉 “{title}” is now your project. I posted the brief in your project thread.",
  "project.claim.taken":
    "Just missed it: “{title}” went to someone else a moment ago. Here are your next options.",
  "project.claim.takenNoMore":
    "Just missed it: “{title}” went to someone else a moment ago. No other assignments are left.",
  "project.swap.none": "You need an assignment before you can swap it.",
  "project.swap.used":
    "You have already used your swap. If something is hard, please talk to a mentor or an organiser.",
  "project.swap.off":
    "Swapping projects is turned off in this programme. If something is hard, please talk to a mentor or an organiser.",
  "project.swap.closed":
    "The swap window ({days, plural, one {# day} other {# days}} after allocation) has closed. If something is hard, please talk to a mentor or an organiser.",
  "project.swap.title": "Options to swap to (until {until})",
  "project.swap.done": "🔁 Swapped “{from}” for “{to}”. I posted the new brief in your project thread.",
  "project.swap.noneLeft": "There are no assignments to swap to right now. Please talk to an organiser.",
  "project.swap.changed":
    "Your project changed after these options were shown: it is now “{title}”. Nothing was swapped. To swap it, choose again (until {until}).",
  "project.swap.changedNoneLeft":
    "Your project changed after these options were shown: it is now “{title}”. Nothing was swapped, and there is nothing to swap to right now.",

  "withdraw.confirm":
    "If this isn't the right fit, stopping is a perfectly good choice. Thank you for everything you've put in so far.\n\nIf you withdraw, your assignment goes back to the pool for others and your part in this programme ends (your record is kept). Do you want to withdraw?",
  "withdraw.yes": "Withdraw",
  "withdraw.no": "Keep going",
  "withdraw.done":
    "Your withdrawal is done. Thank you so much for taking part. Please look after yourself, and feel free to get in touch any time.",
  "withdraw.kept":
    "Glad you're staying. Whenever something is hard, a mentor or an organiser is happy to help.",
  "withdraw.already": "You have already withdrawn.",
} as const;

export const enAssignmentCommands = {
  assignments: { description: "The assignment library and allocation (organisers)" },
  "assignments.import": { description: "Import assignments (Markdown/YAML/JSON/CSV/zip/tar)" },
  "assignments.import.file": { description: "The library file (.md .yaml .json .csv .zip .tar.gz)" },
  "assignments.allocate": { description: "Allocate assignments to every intern (preview before confirming)" },
  "assignments.give": { description: "Give an intern an assignment by hand (reserved ones too)" },
  "assignments.give.user": { description: "The intern to give it to" },
  "assignments.give.assignment": { description: "The assignment (search by title)" },
  "assignments.release": { description: "Release an intern's assignment back to the pool" },
  "assignments.release.user": { description: "The intern whose assignment to release" },
  "assignments.list": { description: "List the assignment library" },
  "assignments.list.status": { description: "Filter by status" },
  "assignments.list.status.retired": { name: "Retired (reusable)" },
  "assignments.list.status.active_in_recruitment": { name: "In recruitment" },
  "assignments.list.level": { description: "Filter by level (1–5)" },
  "assignments.list.skill": { description: "Filter by skill" },
  "assignments.show": { description: "An assignment's details and usage history" },
  "assignments.show.assignment": { description: "The assignment (search by title)" },
  "assignments.exclude": { description: "Never use an assignment in this programme" },
  "assignments.exclude.assignment": { description: "The assignment (search by title)" },
  "assignments.exclude.excluded": { description: "Whether to exclude it" },
  "assignments.reserve": { description: "Hold an assignment back for manual allocation" },
  "assignments.reserve.assignment": { description: "The assignment (search by title)" },
  "assignments.reserve.reserved": { description: "Whether to reserve it" },
  project: { description: "Your project (assignment)" },
  "project.view": { description: "Show your assignment" },
  "project.preferences": { description: "Rank up to 3 assignments you'd like" },
  "project.preferences.first": { description: "The assignment you'd like most" },
  "project.preferences.second": { description: "Your second choice" },
  "project.preferences.third": { description: "Your third choice" },
  "project.claim": { description: "Choose an assignment that suits you" },
  "project.swap": { description: "Swap your assignment once (first few days)" },
  withdraw: { description: "Withdraw from the programme (asks first)" },
} as const;
