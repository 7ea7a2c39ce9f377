/** English messages and command texts of `/agency client|digest|funnel` and `/program funnel`. */
export const enAgencyMessages = {
  "agency.client.notYours": "That person is not one of your clients who share their progress with you.",
  "agency.client.summary":
    "{user}\nStage: {stage} · Journey: {phase}\nProject: {project}\nActive days (last 7): {days} · 日報 written: {reports}",
  "agency.client.noProject": "not allocated yet",
  "agency.client.note":
    "Shown while they share their progress with you. Never shown: report text, mood, accommodations.",
  "agency.phase.meet": "Meet",
  "agency.phase.match": "Match",
  "agency.phase.trial": "Trial work",
  "agency.phase.followup": "Follow-up",
  "agency.funnel.title": "Journey funnel",
  "agency.funnel.agencyTitle": "Journey funnel of your clients who share their progress",
  "agency.funnel.line": "**{phase}**: {reached} reached · {current} here now · {withdrawn} withdrew here",
  "agency.digest.title": "Weekly digest: {agency} ({from} – {to})",
  "agency.digest.note":
    "Clients who share their progress with you. Counts only: never report text, mood or accommodations.",
  "agency.digest.empty": "None of your clients share their progress this week.",
  "agency.digest.unnamed": "(no display name)",
  "agency.digest.stoppedName": "(stopped sharing)",
  "agency.digest.stopped": "This client stopped sharing their progress.",
  "agency.digest.saved":
    "Saved: the digest for “{agency}” goes out every {weekday} at {time} ({zone}) by {delivery}.",
  "agency.digest.delivery.dm": "direct message to each staff member",
  "agency.digest.delivery.thread": "the agency's private thread",
  "agency.digest.previewNote": "Preview: this is what the digest would hold if it went out now.",
  "agency.digest.error.delivery": "Delivery must be `dm` or `thread`.",
  "agency.digest.error.weekday":
    "Please give a weekday such as `mon` or `月` (mon, tue, wed, thu, fri, sat, sun).",
  "agency.digest.error.time": "Please give the time as HH:mm, for example 09:00.",
  "agency.digest.error.noChannel":
    "This programme has no agency channel for private threads yet. Choose `dm`, or ask an organiser to set up the workspace.",
  "agency.error.noAgency": "You are not registered as staff of any agency in this programme.",
  "agency.error.pickAgency": "You work for several agencies: please pick one with the `agency` option.",
  "agency.error.notYourAgency": "You are not registered as staff of that agency.",
  "weekday.0": "Sunday",
  "weekday.1": "Monday",
  "weekday.2": "Tuesday",
  "weekday.3": "Wednesday",
  "weekday.4": "Thursday",
  "weekday.5": "Friday",
  "weekday.6": "Saturday",
} as const;

export const enAgencyCommands = {
  "agency.client": { description: "One client who shares their progress with you (agency staff)" },
  "agency.client.user": { description: "The client" },
  "agency.funnel": { description: "The journey funnel of your sharing clients (agency staff)" },
  "agency.digest": { description: "The weekly digest" },
  "agency.digest.settings": { description: "When and how your agency gets the weekly digest (agency staff)" },
  "agency.digest.settings.delivery": {
    description: "dm: each staff member; thread: the agency's private thread",
  },
  "agency.digest.settings.weekday": { description: "Day of the week, e.g. mon" },
  "agency.digest.settings.time": { description: "Time HH:mm in the programme's time zone" },
  "agency.digest.settings.agency": { description: "Your agency (when you work for several)" },
  "agency.digest.preview": { description: "What the digest would hold now (agency staff)" },
  "agency.digest.preview.agency": { description: "Your agency (when you work for several)" },
  "program.funnel": { description: "The journey funnel of the programme (organisers)" },
} as const;
