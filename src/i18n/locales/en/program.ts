/**
 * English messages and command texts of `/program`. Checked against the Japanese source where
 * they are spread (`en`, `enCommands`).
 */
export const enProgramMessages = {
  "program.roster.title": "Roster ({from}–{to} of {total}, page {page}/{pages})",
  "program.roster.line": "<@{user}> {name} — {stage} — {project}",
  "program.roster.empty": "No interns match.",
  "program.roster.noName": "(no name yet)",
  "program.roster.noStage": "no stage",
  "program.roster.noProject": "no project",
  "program.open.checking": "⏳ Checking the server…",
  "program.open.progress": "⏳ Creating the workspace… {done} / {total}",
  "program.open.done":
    "✅ **{name}** is open.\nCreated: {created} / already there: {existing}\nMilestones: {milestones} scheduled.\nInterns join with the button in {welcome}.",
  "program.open.reminders":
    "⏰ {count, plural, one {# reminder} other {# reminders}}: {hours} h before the mid-point review, the submission deadline and the results presentation, pinging the intern role in the announcements channel.",
  "program.open.pastMilestones":
    "⏭️ Already past when the programme opened, so not announced ({count, plural, one {# milestone} other {# milestones}}):\n{list}",
  "program.open.pastMilestone": "• {kind}: {at}",
  "program.open.otherProgramme":
    "“{name}” is already running in this server. Close it first (`/program close`), then open a new programme.",
  "program.open.closedProgramme":
    "The programme “{name}” in this server has been closed and can't be reopened under the same name. Please open one with another name.",
  "program.error.timeZone":
    "I don't know the time zone “{timeZone}”. Please give an IANA name such as `Asia/Tokyo` or `Europe/London`.",
  "program.error.dateFormat":
    "The {option} “{value}” isn't a date I can read. Please use YYYY-MM-DD, e.g. `2026-04-01`.",
  "program.error.dateOrder":
    "The end date ({end}) is before the start date ({start}). Please check the dates.",
  "program.error.tooLong":
    "That is {days, plural, one {# day} other {# days}}. A programme can last at most {max, plural, one {# day} other {# days}}.",
  "program.error.option.start": "start date",
  "program.error.option.end": "end date",
  "program.error.template": "The template has problems, so nothing was created.\n{problems}",
  "program.error.templateFile":
    "A template must be a YAML (.yaml / .yml) or JSON (.json) file of at most {limit} KB.",
  "program.error.templateDownload": "I couldn't read the template file. Please attach it again.",
  "program.error.missingPermissions":
    "Nothing was created because I'm missing these permissions: {permissions}\nAdd them to taiken's role in Server Settings → Roles, then run the command again.",
  "program.error.limit.channels":
    "Too many channels: the server has {existing} and adding {adding} would pass Discord's limit of {max}. Delete channels you don't need or use a smaller template.",
  "program.error.limit.roles":
    "Too many roles: the server has {existing} and adding {adding} would pass Discord's limit of {max}. Delete roles you don't need.",
  "program.permission.ManageChannels": "Manage Channels",
  "program.permission.AddReactions": "Add Reactions",
  "program.permission.ViewChannel": "View Channels",
  "program.permission.SendMessages": "Send Messages",
  "program.permission.EmbedLinks": "Embed Links",
  "program.permission.AttachFiles": "Attach Files",
  "program.permission.ReadMessageHistory": "Read Message History",
  "program.permission.Connect": "Connect",
  "program.permission.Speak": "Speak",
  "program.permission.ManageRoles": "Manage Roles",
  "program.permission.ManageEvents": "Manage Events",
  "program.permission.ManageThreads": "Manage Threads",
  "program.permission.CreatePublicThreads": "Create Public Threads",
  "program.permission.CreatePrivateThreads": "Create Private Threads",
  "program.permission.SendMessagesInThreads": "Send Messages in Threads",
  "program.welcome.title": "Welcome to {name}",
  "program.welcome.body":
    "This {mode} runs from {starts} to {ends}.\nPress **Join** below and fill in a short profile. You then get a private project thread of your own.",
  "program.welcome.join": "Join",
  "program.status.title": "{name}: status",
  "program.status.period": "Period",
  "program.status.periodValue": "{starts} – {ends}\nTime zone: {timeZone}",
  "program.status.state": "State",
  "program.status.state.draft": "Being set up",
  "program.status.state.open": "Open",
  "program.status.state.closed": "Closed (read-only)",
  "program.status.state.archived": "Archived",
  "program.status.milestones": "Milestones",
  "program.status.milestone": "{kind}: {at} ({relative})",
  "program.status.milestoneAnnounced": "{kind}: {at} (announced)",
  "program.status.milestoneSkipped": "{kind}: {at} (already past when it was scheduled, so not announced)",
  "program.status.noMilestones": "None yet.",
  "program.status.workspace": "Workspace",
  "program.status.workspaceOk":
    "✅ All {present} / {total, plural, one {# object is} other {# objects are}} there.",
  "program.status.workspaceMissing":
    "⚠️ {present} / {total}. Missing: {missing}\nRun `/program open` again to recreate them.",
  "program.status.stages": "Participants by stage",
  "program.status.noInterns": "No participants yet.",
  "program.close.done":
    "🔒 **{name}** is closed. {channels, plural, one {# channel is} other {# channels are}} now read-only (nothing was deleted). Use `/program export` to download the data.",
  "program.close.notOpen": "This programme is already closed.",
  "program.export.done":
    "📦 The data of **{name}** ({members, plural, one {# member} other {# members}}, {allocations, plural, one {# allocation} other {# allocations}}, {milestones, plural, one {# milestone} other {# milestones}}).",
  "program.delete.confirm":
    "⚠️ Delete **{name}**? The {count, plural, one {# role, channel or message} other {# roles, channels and messages}} the bot created and the programme's records will be removed. Nothing the bot did not create is touched. This can't be undone.  Before anything is deleted, I send you the full export (what /program export sends) here.",
  "program.delete.exported":
    "📦 The full export of **{name}**, sent before deleting it: keep these files, they are the only copy of its records.",
  "program.delete.button": "Delete",
  "program.delete.done": "🗑️ **{name}** was deleted ({deleted} Discord objects removed).",
  "program.delete.gone": "This programme has already been deleted.",
  "program.template.exported":
    "📄 This programme's template. Edit it and attach it to `/program open` as the template.",
  "program.milestone.error.format":
    "“{value}” isn't a date and time I can read. Please use YYYY-MM-DD HH:mm in {timeZone}, e.g. `2026-05-20 15:00`.",
  "program.milestone.error.outside":
    "{kind} must fall within the programme ({start} – {end}). To change the programme's dates, run `/program open` with the new dates.",
  "program.milestone.error.before":
    "{kind} can't come before {other} ({at}). To change their order, move {other} first.",
  "program.milestone.error.after":
    "{kind} can't come after {other} ({at}). To change their order, move {other} first.",
  "program.milestone.error.closed": "This programme is closed, so its milestones can't be moved.",
  "program.milestone.unchanged": "{kind} is already at {at}. Nothing changed.",
  "program.milestone.moved": "✅ {kind} moved from {from} to {to}.",
  "program.milestone.scheduled": "It will be announced in the announcements channel {relative}.",
  "program.milestone.past": "The new time has already passed, so it won't be announced.",
  "program.milestone.reannounce":
    "It had already been announced for the old time, so it will be announced again for the new one.",
  "program.staff.role.organiser": "organiser",
  "program.staff.role.mentor": "mentor",
  "program.staff.added": "{user} is now a {role} and has the {role} role.",
  "program.staff.already": "{user} already is a {role}. I checked that they have the {role} role.",
  "program.staff.removed": "{user} is no longer a {role}, and the {role} role was taken off.",
  "program.staff.notStaff": "{user} isn't a {role}. I made sure they don't have the {role} role either.",
  "program.staff.error.bot": "Bots can't be organisers or mentors.",
  "program.staff.error.notMember":
    "{user} isn't a member of this server. Invite them first, then run the command again.",
  "program.staff.error.intern":
    "{user} is an intern in this programme. Interns can't be organisers or mentors, who see every other intern's progress.",
  "program.staff.error.noRole":
    "This programme's {role} role is missing (not created yet, or deleted). Run `/program open` again to rebuild the workspace, then try once more.",
  "program.staff.error.lastOrganiser":
    "{user} is the programme's last organiser, so they can't be removed. First make someone else an organiser with `/program staff add`.",
  "program.staff.list.title": "{name}: organisers, mentors and agency staff",
  "program.staff.list.organisers": "Organisers ({count})",
  "program.staff.list.mentors": "Mentors ({count})",
  "program.staff.list.none": "None yet. Add people with `/program staff add`.",
  "program.staff.list.agency": "Agency staff: {agency} ({count})",
  "program.staff.list.moreAgencies":
    "and {count, plural, one {# more agency} other {# more agencies}}: see `/agency list`.",
  "program.staff.list.more": "and {count} more",
  "program.status.settings": "Settings (change with `/program settings`)",
  "program.settings.title": "{name}: settings",
  "program.settings.selfService": "Self-service claims (`/project claim`)",
  "program.settings.swapWindow": "Swap window after allocation (`/project swap`)",
  "program.settings.on": "On",
  "program.settings.off": "Off",
  "program.settings.days": "{days, plural, one {# day} other {# days}}",
  "program.settings.oneDay": "1 day",
  "program.settings.noSwaps": "No swaps",
  "program.settings.howTo":
    "To change them, run `/program settings` with `self-service` and/or `swap-window-days`.",
  "program.settings.changed": "✅ Settings of **{name}** changed:",
  "program.settings.line": "{setting}: {value}",
  "program.settings.change": "{setting}: {from} → {to}",
  "program.settings.unchanged": "The settings of **{name}** were already like that. Nothing changed.",
  "program.settings.note.selfServiceOn":
    "Interns without an assignment can now pick one with `/project claim`.",
  "program.settings.note.selfServiceOff":
    "`/project claim` is now refused; assignments already chosen stay as they are.",
  "program.settings.note.swapWindow":
    "The window counts from when each intern got their assignment, also for assignments already given. Briefs already posted still show the old swap deadline.",
  "program.settings.helpEscalate":
    "Unanswered question flagged to staff after (organisers DM'd at twice that)",
  "program.settings.hours": "{hours, plural, one {# hour} other {# hours}}",
  "program.settings.note.helpEscalate":
    "Questions asked from now on, and those already waiting, are flagged on the new time.",
  "program.settings.error.helpEscalate":
    "help-escalate-hours must be 1–{max, plural, one {# hour} other {# hours}} (“{value}” can't be used).",
  "program.settings.error.closed": "This programme is closed, so its settings can't be changed.",
  "program.settings.error.swapWindow":
    "The swap window must be a whole number of days from 0 to {max} (0 = no swaps), not {value}. Nothing was changed.",
} as const;

export const enProgramCommands = {
  program: { description: "Run an internship or hackathon programme" },
  "program.open": { description: "Open a programme and its workspace in this server" },
  "program.open.name": { description: "The programme's name (e.g. 2026 spring internship)" },
  "program.open.start": { description: "First day (YYYY-MM-DD)" },
  "program.open.end": { description: "Last day (YYYY-MM-DD)" },
  "program.open.timezone": { description: "Time zone of the dates (default Asia/Tokyo)" },
  "program.open.mode": { description: "Internship or hackathon (default internship)" },
  "program.open.mode.internship": { name: "Internship" },
  "program.open.mode.hackathon": { name: "Hackathon" },
  "program.open.template": { description: "A workspace template (YAML or JSON)" },
  "program.open.locale": { description: "Use one language for everyone (also for channel names)" },
  "program.open.locale.ja": { name: "Japanese" },
  "program.open.locale.en": { name: "English" },
  "program.roster": { description: "Interns with their stage and project (organisers, mentors)" },
  "program.roster.stage": { description: "Only interns at this stage" },
  "program.roster.page": { description: "Page number (from 1)" },
  "program.roster.stage.applied": { name: "Applied" },
  "program.roster.stage.onboarded": { name: "Onboarded" },
  "program.roster.stage.working": { name: "Working" },
  "program.roster.stage.submitted": { name: "Submitted" },
  "program.roster.stage.presented": { name: "Presented" },
  "program.roster.stage.completed": { name: "Completed" },
  "program.roster.stage.withdrawn": { name: "Withdrawn" },
  "program.status": { description: "Show dates, milestones, the workspace and participants by stage" },
  "program.close": { description: "Close the programme and make its channels read-only" },
  "program.export": { description: "Download the programme's data as JSON and CSV" },
  "program.delete": { description: "Delete what the bot created and the programme's records" },
  "program.template": { description: "The workspace template" },
  "program.template.export": { description: "Get the current template as a YAML file" },
  "program.milestone": { description: "The programme's milestones" },
  "program.milestone.set": {
    description: "Move one milestone to another time and reschedule its announcement",
  },
  "program.milestone.set.kind": { description: "The milestone to move" },
  "program.milestone.set.kind.kickoff": { name: "Kick-off" },
  "program.milestone.set.kind.midpoint": { name: "Mid-point review" },
  "program.milestone.set.kind.submission_deadline": { name: "Submission deadline" },
  "program.milestone.set.kind.presentation": { name: "Results presentation" },
  "program.milestone.set.kind.debrief": { name: "Debrief" },
  "program.milestone.set.at": {
    description: "The new time (YYYY-MM-DD HH:mm, in the programme's time zone)",
  },
  "program.staff": { description: "Organisers and mentors (add, remove, list)" },
  "program.staff.add": { description: "Make someone an organiser or a mentor and give them the role" },
  "program.staff.add.user": { description: "The person to add" },
  "program.staff.add.role": { description: "Organiser or mentor" },
  "program.staff.add.role.mentor": { name: "Mentor" },
  "program.staff.add.role.organiser": { name: "Organiser" },
  "program.staff.remove": { description: "Take someone's organiser or mentor role away" },
  "program.staff.remove.user": { description: "The person to remove" },
  "program.staff.remove.role": { description: "The role to take away" },
  "program.staff.remove.role.mentor": { name: "Mentor" },
  "program.staff.remove.role.organiser": { name: "Organiser" },
  "program.staff.list": { description: "List the organisers, mentors and agency staff" },
  "program.settings": {
    description: "Show or change self-service claims and the swap window",
  },
  "program.settings.self-service": {
    description: "Let interns without an assignment pick their own with /project claim",
  },
  "program.settings.help-escalate-hours": {
    description: "Hours without a staff reply before a question is flagged in the staff channel (1–72)",
  },
  "program.settings.swap-window-days": {
    description: "Days after allocation in which an intern may swap once (0–30, 0 = no swaps)",
  },
} as const;
