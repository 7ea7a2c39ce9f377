/** English messages and command texts of `/checkin`, `/checkout` and `/report`. */
export const enOperationsMessages = {
  "checkin.started": "✅ Checked in ({at}).",
  "checkin.alreadyOpen": "You're already checked in (since {at}). Use `/checkout` when you finish.",
  "checkin.plan": "Today's plan: {plan}",
  "checkout.done":
    "👋 Checked out ({from} – {to}). Thank you for today. Would you like to write today's daily report?",
  "checkout.doneReported":
    "👋 Checked out ({from} – {to}). Thank you for today. Today's daily report is already written; you can still edit it.",
  "checkout.none": "You're not checked in right now. Use `/checkin` whenever you start.",
  "checkout.writeReport": "Write daily report",
  "checkout.editReport": "Edit daily report",
  "report.modal.title": "Daily report ({date})",
  "report.field.done": "What you did",
  "report.field.done.placeholder": "What you worked on today",
  "report.field.blockers": "Blockers (optional)",
  "report.field.blockers.placeholder": "Anything you're stuck on or want to ask about",
  "report.field.next": "Next (optional)",
  "report.field.next.placeholder": "What you plan to do next",
  "report.field.mood": "How you feel, 1–5 (optional, never posted)",
  "report.field.mood.placeholder": "1 (hard day) to 5 (great day)",
  "report.saved": "✅ Your daily report for {date} is saved.",
  "report.updated": "✅ Your daily report for {date} is updated.",
  "report.place.channel": "Posted in {channel} (your mood is never posted).",
  "report.place.thread": "Posted in your project thread {channel} (your mood is never posted).",
  "report.place.none": "There is no channel to post it in, so it was only saved.",
  "report.moodIgnored":
    "The mood needs to be a number from 1 to 5, so only the mood wasn't saved. Run `/report write` again: what you wrote is still there.",
  "report.post.title": "Daily report — {name} ({date})",
  "report.post.done": "Done",
  "report.post.blockers": "Blockers",
  "report.post.next": "Next",
  "report.post.edited": "(edited)",
  "report.error.beforeProgramme":
    "{date} is before the programme starts. Daily reports can be written for days within the programme.",
  "report.error.afterProgramme":
    "{date} is after the programme ended. Daily reports can be written for days within the programme.",
  "report.error.tooOld":
    "The report for {date} can no longer be written. You can write today's and yesterday's.",
  "report.error.future": "{date} hasn't come yet. You can write today's and yesterday's report.",
  "report.error.emptyDone": "Please write what you did, even a few words.",
  "report.error.tooLong":
    "Each field holds up to {max, plural, one {# character} other {# characters}}. Please shorten it and send it again.",
  "report.error.pause.format":
    '"{value}" isn\'t a date I can read. Please use YYYY-MM-DD, e.g. `2026-05-10` (at the latest {end}).',
  "report.error.pause.past": '"{value}" has already passed. Please give a day from today up to {end}.',
  "report.error.pause.afterProgramme":
    '"{value}" is after the programme\'s last day ({end}). Please give a day up to {end}.',
  "report.error.time":
    '"{value}" isn\'t a time I can read. Please use HH:mm (24-hour), e.g. `21:00`, or `off` to stop reminders.',
  "report.error.noProfile": "Please finish joining (`/join`) first.",
  "report.paused": "🔕 Reminders are paused until {until} (including that day).",
  "report.reminder.set":
    "⏰ Your daily-report reminder is now at {time} ({timeZone}). On a day you checked in without a report yet, I'll gently remind you then.",
  "report.reminder.off":
    "🔕 Daily-report reminders are off. Turn them back on any time, e.g. `/report reminder time:21:00`.",
  "report.reminderMessage":
    "{user} 🌙 Thank you for today. If you have a moment, a short daily report would be lovely: `/report write`\n(Change the time with `/report reminder`, take a break with `/report pause`.)",
} as const;

export const enOperationsCommands = {
  checkin: { description: "Start working (any time suits)" },
  "checkin.plan": { description: "What you plan to do today (optional)" },
  checkout: { description: "Finish working, then write your daily report" },
  report: { description: "Write your daily report and set reminders" },
  "report.write": { description: "Write your daily report (run it again to edit)" },
  "report.write.date": { description: "Which day (default: today)" },
  "report.write.date.today": { name: "Today" },
  "report.write.date.yesterday": { name: "Yesterday" },
  "report.write.private": {
    description: "Post it in your project thread instead of the daily-reports channel",
  },
  "report.pause": { description: "Pause reminders until a day" },
  "report.pause.until": { description: "The last day (YYYY-MM-DD)" },
  "report.reminder": { description: "Set the time of your daily-report reminder" },
  "report.reminder.time": { description: "HH:mm (e.g. 21:00), or off" },
} as const;
