/** English texts of onboarding, `/profile` and `/agency` (spread into `en` and `enCommands`). */
export const onboardingEn = {
  "onboarding.modal.title": "Join (1/3): about you",
  "onboarding.field.displayName": "Display name (what others see)",
  "onboarding.field.displayName.placeholder": "e.g. Hana Yamada",
  "onboarding.field.skills": "Skills and level 1–5 (optional)",
  "onboarding.field.skills.placeholder": "e.g. TypeScript:3, SQL:2 (1 = new to it, 5 = use it at work)",
  "onboarding.field.interests": "What interests you (optional)",
  "onboarding.field.interests.placeholder": "e.g. education, accessibility, data analysis",
  "onboarding.field.hours": "Hours per week you can give (1–60)",
  "onboarding.field.hours.placeholder": "e.g. 10",
  "onboarding.field.notes": "Anything organisers should know (optional)",
  "onboarding.field.notes.placeholder": "e.g. Mornings are hard for me; messages in the afternoon help",

  "onboarding.problems.intro":
    "Please check your answers ({count} to fix). Everything you typed is saved, so you only need to change what is listed.",
  "onboarding.problem.displayName.required": "• **Display name**: please enter one.",
  "onboarding.problem.displayName.tooLong":
    "• **Display name**: please use {max, plural, one {# character} other {# characters}} or fewer.",
  "onboarding.problem.skills.format":
    "• **Skills**: write “{entry}” as skill:level (for example TypeScript:3).",
  "onboarding.problem.skills.level":
    "• **Skills**: the level of “{entry}” must be a whole number from 1 to 5.",
  "onboarding.problem.skills.nameTooLong":
    "• **Skills**: the name “{entry}” must be {max, plural, one {# character} other {# characters}} or fewer.",
  "onboarding.problem.skills.duplicate": "• **Skills**: “{entry}” is listed twice; please keep one.",
  "onboarding.problem.skills.tooMany": "• **Skills**: please list at most {max}.",
  "onboarding.problem.interests.tooLong":
    "• **Interests**: “{entry}” must be {max, plural, one {# character} other {# characters}} or fewer.",
  "onboarding.problem.interests.tooMany": "• **Interests**: please list at most {max}.",
  "onboarding.problem.hours.required": "• **Hours per week**: please enter a number (for example 10).",
  "onboarding.problem.hours.notWhole":
    "• **Hours per week**: “{value}” isn't a whole number; please enter one (for example 10).",
  "onboarding.problem.hours.range": "• **Hours per week**: please enter a number from {min} to {max}.",
  "onboarding.problem.accommodationNotes.tooLong":
    "• **Accommodations**: please use {max, plural, one {# character} other {# characters}} or fewer.",
  "onboarding.button.fix": "Fix my answers",

  "onboarding.choices.title": "Join (2/3): your choices",
  "onboarding.choices.body":
    "Pick your preferred language and any accommodations you'd like (choosing none is fine). If a support agency helps you, you can pick it. Press “Next” when you're done.",
  "onboarding.choices.language": "Preferred language",
  "onboarding.choices.accommodations": "Accommodations (any number, or none)",
  "onboarding.choices.agency": "Your support agency (optional)",
  "onboarding.choices.agency.none": "I don't use a support agency",
  "onboarding.button.next": "Next",

  "onboarding.consent.title": "Join (2/3): sharing with your agency",
  "onboarding.consent.body":
    "May the staff of **{agency}** see your progress (your stage, whether you've submitted, your presentation date)?\n\n• Saying no doesn't affect your place in the programme at all.\n• Your accommodations are never shared.\n• You can change this any time with `/profile`.",
  "onboarding.consent.yes": "Share my progress",
  "onboarding.consent.no": "Don't share",

  "onboarding.confirm.title": "Join (3/3): check and confirm",
  "onboarding.confirm.body": "If this looks right, press “Join with these answers”.",
  "onboarding.button.join": "Join with these answers",
  "onboarding.button.editAbout": "Fix my answers",
  "onboarding.button.editChoices": "Change my choices",

  "onboarding.done.title": "Welcome, {name}!",
  "onboarding.done.intro": "You've joined. Here's what happens next.",
  "onboarding.done.dates": "📅 Programme: {starts} – {ends}",
  "onboarding.done.thread": "📁 Your own project thread: {thread} (only mentors and organisers can see it)",
  "onboarding.done.questions": "❓ Ask anything in {channel}; no question is too small.",
  "onboarding.done.questionsThread": "❓ Ask anything in your project thread; no question is too small.",
  "onboarding.done.assignment":
    "🧩 When your project is assigned, you'll hear about it in your project thread.",
  "onboarding.done.profile": "✏️ Change your profile and sharing settings any time with `/profile`.",
  "onboarding.done.dmSent": "I've also sent this to you as a direct message.",
  "onboarding.done.dmClosed": "Your direct messages are closed, so this summary is only shown here.",

  "onboarding.thread.name": "{name}'s project",
  "onboarding.thread.welcome":
    "{user}, this is your own project thread. Only mentors and organisers can see it. Use it to share progress and ask questions.",

  "onboarding.already": "You've already joined. Here's your profile.",
  "onboarding.withdrawn":
    "You withdrew on {at}. If you'd like to come back, please talk to an organiser; you're always welcome.",
  "onboarding.staff":
    "You're registered in this programme as an organiser, mentor or agency staff member. Joining is for interns.",
  "onboarding.notOpen": "This programme isn't taking sign-ups yet. Please wait until it opens.",
  "onboarding.closed": "Sign-ups for this programme have closed.",
  "onboarding.staleProgramme":
    "This Join button belongs to an earlier programme. Please use the Join button in the latest announcement, or `/join`.",
  "onboarding.workspaceMissing":
    "Your answers are saved, but the server isn't fully set up yet ({what} is missing). Please tell an organiser; once it's ready, run `/join` again to finish.",
  "onboarding.workspace.internRole": "the intern role",
  "onboarding.workspace.projectsChannel": "the projects channel",
  "onboarding.workspace.observerRole": "the agency observer role",

  "profile.title": "{name}'s profile",
  "profile.field.stage": "Stage",
  "profile.field.displayName": "Display name",
  "profile.field.skills": "Skills",
  "profile.field.interests": "Interests",
  "profile.field.hours": "Hours per week",
  "profile.field.language": "Preferred language",
  "profile.field.accommodations": "Accommodations",
  "profile.field.agency": "Support agency",
  "profile.field.consent": "Sharing with the agency",
  "profile.field.thread": "Project thread",
  "profile.value.none": "None",
  "profile.value.hours": "{hours} h",
  "profile.value.language.ja": "日本語 (Japanese)",
  "profile.value.language.en": "English",
  "profile.accommodation.textOnlyPresentation": "Present in text only",
  "profile.accommodation.extendedDeadlines": "Extended deadlines",
  "profile.accommodation.fewerNotifications": "Fewer notifications",
  "profile.consent.on": "Shared (changed {at})",
  "profile.consent.onPlain": "Shared",
  "profile.consent.off": "Not shared",
  "profile.consent.offSince": "Not shared (changed {at})",
  "profile.agencyView": "Agency view: accommodations are not included.",
  "profile.button.edit": "Edit my profile",
  "profile.button.choices": "Language, accommodations, agency",
  "profile.button.consentOn": "Turn sharing on",
  "profile.button.consentOff": "Turn sharing off",
  "profile.choices.title": "Language, accommodations, agency",
  "profile.choices.body":
    "Each choice is saved at once. Changing your agency turns sharing off until you turn it on again.",
  "profile.saved": "Your profile is saved.",
  "profile.consent.changedOn": "Sharing with **{agency}** is now on ({at}).",
  "profile.consent.changedOff": "Sharing with **{agency}** is now off ({at}).",
  "profile.erase.confirm":
    "Erase your profile? This removes your display name, interests, hours, language, accommodations, reminder settings, skills, unfinished answers and assignment preferences, and ends sharing with your support agency. Kept for the programme's record: that you joined, your stage, your project and assignment, your submissions, check-ins and 日報, and the log of what was done. Organisers and mentors will no longer see your accommodations, so tell them yourself if you still need one.",
  "profile.erase.yes": "Erase my profile",
  "profile.erase.no": "Keep it",
  "profile.erase.kept": "Nothing was changed; your profile is kept.",
  "profile.erase.done":
    "Your profile is erased. You stay in the programme; `/profile edit` fills a new one in whenever you like.",
  "profile.error.notJoined": "You haven't joined yet. Start with `/join`.",
  "profile.error.notVisible": "That profile can't be shown.",
  "profile.error.noAgency":
    "You haven't picked a support agency, so there's nothing to share. You can pick one under “Language, accommodations, agency” in `/profile show`.",

  "agency.added": "Registered the agency “{name}”. Add its staff with `/agency staff add`.",
  "agency.error.exists": "An agency called “{name}” is already registered.",
  "agency.error.name": "Please give the agency a name of 1 to 100 characters.",
  "agency.error.unknown": "I can't find that agency. Please pick one from the suggestions.",
  "agency.error.notStaff": "That user isn't a member of this server, or is a bot.",
  "agency.staff.added": "Registered {user} as staff of “{agency}” and gave them the agency observer role.",
  "agency.staff.already": "{user} is already staff of “{agency}”; I checked their role too.",
  "agency.staff.removed":
    "{user} is no longer staff of “{agency}”: their access ended now and the agency observer role was removed.",
  "agency.staff.removedKeepsRole":
    "{user} is no longer staff of “{agency}”. They still work for another agency of this programme, so they keep the observer role.",
  "agency.staff.error.notStaff": "That person isn't registered as staff of “{agency}”.",
  "agency.removed":
    "Removed the agency “{name}”. {staff, plural, one {# staff member} other {# staff members}} lost access now; its {clients, plural, one {# client} other {# clients}} stay in the programme without an agency, and sharing is off.",
  "agency.list.title": "Support agencies",
  "agency.list.empty": "No agencies are registered yet. Add one with `/agency add`.",
  "agency.list.line":
    "**{name}** — {staff, plural, one {# staff member} other {# staff members}}, {clients, plural, one {# client} other {# clients}} ({consenting} sharing their progress)",
  "agency.clients.title": "Clients who share their progress with you",
  "agency.clients.empty": "None of your clients share their progress yet.",
  "agency.clients.line": "• {name} ({user}) — {stage}",
} as const;

/** English descriptions of `/join`, `/profile` and `/agency`. */
export const onboardingEnCommands = {
  join: { description: "Join this programme as an intern" },
  profile: { description: "Your profile and what you share with your agency" },
  "profile.show": { description: "Show and change your profile" },
  "profile.edit": { description: "Edit your display name, skills, hours and more" },
  "profile.consent": { description: "Choose whether your support agency may see your progress" },
  "profile.consent.share": { description: "True to share, False not to" },
  "profile.delete": { description: "Erase your profile, accommodations and unfinished answers" },
  "profile.view": { description: "View an intern's profile (organisers, mentors, agency staff)" },
  "profile.view.user": { description: "The intern whose profile to view" },
  agency: { description: "Support agencies and their staff" },
  "agency.add": { description: "Register a support agency for this programme (organisers)" },
  "agency.add.name": { description: "The agency's name" },
  "agency.list": { description: "List the registered agencies (organisers, mentors)" },
  "agency.clients": { description: "Your agency's clients who share their progress (agency staff)" },
  "agency.staff": { description: "Agency staff" },
  "agency.staff.add": {
    description: "Register agency staff and give them the agency observer role (organisers)",
  },
  "agency.staff.add.user": { description: "The person to register" },
  "agency.staff.add.agency": { description: "Their agency" },
  "agency.staff.remove": {
    description: "End a staff member's access to an agency's clients at once (organisers)",
  },
  "agency.staff.remove.user": { description: "The staff member to remove" },
  "agency.staff.remove.agency": { description: "The agency they no longer work for" },
  "agency.remove": {
    description: "Remove an agency: its staff lose access, its clients stop sharing (organisers)",
  },
  "agency.remove.agency": { description: "The agency to remove" },
} as const;
