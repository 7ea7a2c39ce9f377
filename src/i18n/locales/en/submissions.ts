/** English messages and command texts of submissions; the Japanese file is the source. */
export const enSubmissionMessages = {
  "submission.error.withdrawn": "You have withdrawn from the programme, so you can't submit.",
  "submission.error.closed": "Submissions are closed. If you need help, please talk to an organiser.",
  "submission.error.noAllocation":
    "You don't have an assignment yet, so there is nothing to submit for. See `/project view`.",
  "submission.error.empty":
    "Nothing to submit. Please add at least one link (repository / demo / slides / link) or file.",
  "submission.error.link":
    "The {option} link isn't a web address. Please give a URL starting with `https://`. Nothing was saved.",
  "submission.error.linkCredentials":
    "The {option} link contains a user name or password. Please give a URL without tokens or credentials. Nothing was saved.",
  "submission.error.note": "Please keep the note to {max, plural, one {# character} other {# characters}}.",
  "submission.error.tooManyFiles": "At most {max, plural, one {# file} other {# files}}, please.",
  "submission.error.fileTooLarge":
    "“{name}” is too large (the limit is {max} MB). Please compress it or submit a link instead. Nothing was saved.",
  "submission.error.fileType":
    "“{name}” is not a file type we accept. Accepted: {allowed}. Nothing was saved.",
  "submission.error.fileContent":
    "“{name}” doesn't look like a {type} file inside. Please check the file and attach it again. Nothing was saved.",
  "submission.error.download":
    "I couldn't receive all of “{name}”. Please attach it again and resubmit. Nothing was saved.",
  "submission.error.notVisible": "That person's submissions can't be shown.",
  "submission.error.notIntern": "That person is not an intern in this programme.",
  "submission.error.extensionOutside": "The new deadline must fall within the programme (not after its end).",
  "submission.extend.needUntil": "Please give the new deadline (until), or set clear to true.",
  "submission.extend.badUntil":
    "“{value}” isn't a date and time. Please use YYYY-MM-DD HH:mm in the programme's time zone, e.g. `2026-06-28 18:00`.",
  "submission.extend.done": "{user}'s deadline is now {until}.",
  "submission.extend.cleared": "{user}'s own deadline was removed. Their deadline now: {deadline}",
  "submission.status.title": "Submissions: who has handed in",
  "submission.status.counts":
    "{interns, plural, one {**#** intern} other {**#** interns}} with a project · **{submitted}** handed in · **{missing}** nothing yet · **{late}** late · **{unreviewed}** waiting for review · **{extended}** with a later deadline",
  "submission.status.deadline":
    "Deadline: {at} (each intern's own deadline counts: extensions and accommodations move it)",
  "submission.status.noDeadline":
    "No submission deadline is set (`/program milestone set kind:submission_deadline`).",
  "submission.status.closed": "Submissions are closed.",
  "submission.status.list": "{filter}: page {page} of {pages}",
  "submission.status.none": "Nobody.",
  "submission.status.filterName.missing": "Nothing handed in yet",
  "submission.status.filterName.late": "Late (handed in late, or nothing by their deadline)",
  "submission.status.filterName.unreviewed": "Latest version waiting for a published review",
  "submission.status.filterName.extended": "With an extension or extra time",
  "submission.settings.saved":
    "Saved. The reminders of {replanned, plural, one {# intern who has} other {# interns who have}} not handed in yet were re-planned.",
  "submission.settings.shown":
    "Reminders (hours before each deadline): {reminders} · largest file: {maxFileMb} MB · file types: {types} · extra time for the extended-deadlines accommodation: {hours} h",
  "submission.close.done": "Submissions are closed. `/submission reopen` opens them again.",
  "submission.close.already": "Submissions are already closed.",
  "submission.reopen.done": "Submissions are open again. Hand-ins past a person's deadline are marked late.",
  "submission.reopen.notClosed": "Submissions are not closed.",
  "submission.receipt.title": "📥 Submission received (version {number})",
  "submission.receipt.by": "From: {user}",
  "submission.receipt.time": "Received: {at}",
  "submission.receipt.onTime": "✅ On time (deadline {deadline})",
  "submission.receipt.onTimeNoDeadline": "✅ Received (no deadline set)",
  "submission.receipt.late": "⚠️ Late by {hours} h {minutes} min (deadline {deadline})",
  "submission.receipt.hash": "Receipt hash: `{hash}`",
  "submission.receipt.items": "What you handed in",
  "submission.receipt.link": "• {label}: {url}",
  "submission.receipt.file": "• 📎 {name} ({size})",
  "submission.receipt.note": "Note: {note}",
  "submission.receipt.label.repository": "Repository",
  "submission.receipt.label.demo": "Demo",
  "submission.receipt.label.slides": "Slides",
  "submission.receipt.label.link": "Link",
  "submission.receipt.posted": "A copy of this receipt is in your project thread.",
  "submission.receipt.notPosted":
    "I couldn't post a copy in your project thread. Your submission is saved; this message is your receipt.",
  "submission.show.title": "Submissions of {user}",
  "submission.show.none": "Nothing submitted yet.",
  "submission.show.noVersion": "There is no version {version}.",
  "submission.show.deadline": "Deadline: {deadline}",
  "submission.show.deadline.extension": "Deadline: {deadline} (personal extension)",
  "submission.show.deadline.accommodation": "Deadline: {deadline} (accommodation)",
  "submission.show.noDeadline": "Deadline: not set",
  "submission.show.reason": "Reason for the extension: {reason}",
  "submission.show.closed": "Submissions are closed.",
  "submission.show.version": "Version {number} — {at} — `{hash}` — {status}",
  "submission.show.onTime": "on time",
  "submission.show.late": "late",
  "submission.reminder":
    "⏰ {user} Your submission deadline is {deadline} ({relative}) and nothing has been submitted yet. Use `/submit` with a link or a file.",
  "submission.request.reason":
    "Please give a reason of 1 to {max, plural, one {# character} other {# characters}}.",
  "submission.request.notLater": "Please ask for a time after your current deadline.",
  "submission.request.noStaffRoom":
    "There is no staff room to send the request to. Please talk to an organiser directly.",
  "submission.request.unknown": "That extension request can't be found.",
  "submission.request.decided": "This request has already been decided.",
  "submission.request.sent":
    "Your request for an extension (until {until}) was sent to the organisers. You'll hear the answer in your project thread.",
  "submission.request.notPosted":
    "Your request was recorded, but it couldn't be posted in the staff room. Please tell an organiser.",
  "submission.request.post": "🕒 {user} asks for a later deadline: until {until}\nReason: {reason}",
  "submission.request.approve": "Approve",
  "submission.request.decline": "Decline",
  "submission.request.approvedBy": "✅ Approved by {user} (new deadline {until}).",
  "submission.request.declinedBy": "❌ Declined by {user}.",
  "submission.request.toIntern.approved":
    "✅ {user} your extension request was approved. Your new deadline is {until}.",
  "submission.request.toIntern.declined":
    "{user} your request for an extension (until {until}) was not approved. Please talk to an organiser for details.",
  "submission.export.done":
    "{name}: {count, plural, one {# file} other {# files}} copied ({size} MB) to {folder}; {absent} missing, {damaged} damaged (see manifest.csv).",
} as const;

export const enSubmissionCommands = {
  submit: { description: "Hand in your work (each call is a new version)" },
  "submit.repository": { description: "Repository URL (https://…)" },
  "submit.demo": { description: "Demo URL (https://…)" },
  "submit.slides": { description: "Slides URL (https://…)" },
  "submit.link": { description: "Any other link (https://…)" },
  "submit.file1": { description: "A file to hand in" },
  "submit.file2": { description: "A file to hand in" },
  "submit.file3": { description: "A file to hand in" },
  "submit.file4": { description: "A file to hand in" },
  "submit.file5": { description: "A file to hand in" },
  "submit.note": { description: "A note for your mentors (up to 1000 characters)" },
  submission: { description: "Submissions and deadlines" },
  "submission.show": { description: "Show submitted versions and their receipts" },
  "submission.show.version": { description: "Which version (default: all)" },
  "submission.show.user": { description: "Whose submissions (mentors and organisers)" },
  "submission.extend": { description: "Change one intern's deadline (organisers)" },
  "submission.extend.user": { description: "The intern" },
  "submission.extend.until": { description: "YYYY-MM-DD HH:mm in the programme's time zone" },
  "submission.extend.reason": { description: "Why (seen by organisers and mentors only)" },
  "submission.extend.clear": { description: "Remove the personal deadline (back to the programme's)" },
  "submission.status": {
    description: "Who has handed in, who is missing, late, unreviewed or extended (organisers)",
  },
  "submission.status.filter": { description: "Whom to list (default: nothing handed in yet)" },
  "submission.status.filter.missing": { name: "Nothing handed in yet" },
  "submission.status.filter.late": { name: "Late" },
  "submission.status.filter.unreviewed": { name: "Waiting for review" },
  "submission.status.filter.extended": { name: "Extended" },
  "submission.status.page": { description: "Page of names (25 a page)" },
  "submission.settings": {
    description: "Reminder times, file size and types, accommodation hours (organisers)",
  },
  "submission.settings.reminders": { description: "Hours before the deadline, e.g. 72,24,3 (at most 6)" },
  "submission.settings.max-file-mb": { description: "Largest file accepted, 1–25 MB" },
  "submission.settings.types": { description: "File types accepted, e.g. pdf,zip,png" },
  "submission.settings.accommodation-extension-hours": {
    description: "Extra hours for the extended-deadlines accommodation, 0–168",
  },
  "submission.close": { description: "Stop accepting submissions (organisers)" },
  "submission.reopen": { description: "Accept submissions again (organisers)" },
  "submission.request-extension": { description: "Ask the organisers for a later deadline (interns)" },
  "submission.request-extension.until": { description: "YYYY-MM-DD HH:mm (the programme's time zone)" },
  "submission.request-extension.reason": {
    description: "Why you need more time (organisers and mentors only)",
  },
} as const;
