/** English messages and command texts of `/ask` and `/helpdesk`. */
export const enHelpdeskMessages = {
  "ask.modal.title": "Ask a question",
  "ask.field.title": "Title",
  "ask.field.title.placeholder": "e.g. The login API answers 401",
  "ask.field.question": "Your question",
  "ask.field.question.placeholder": "What you want to do, what you tried, what happens",
  "ask.done.forum": "✅ Your question is posted: {channel}. A mentor will reply.",
  "ask.done.anonymous": "Your name isn't shown (only staff can see who asked).",
  "ask.done.private": "✅ Your question is posted in your project thread {channel}. A mentor will reply.",
  "helpdesk.post.by": "Asked by {user}",
  "helpdesk.post.anonymous": "Asked anonymously",
  "helpdesk.post.tags": "Tags: {tags}",
  "helpdesk.post.private": "❓ Question: {title}",
  "helpdesk.button.claim": "Claim",
  "helpdesk.button.release": "Release",
  "helpdesk.button.resolve": "Resolve",
  "helpdesk.status.open": "Unanswered",
  "helpdesk.status.claimed": "In progress",
  "helpdesk.status.answered": "Replied",
  "helpdesk.status.closed": "Resolved",
  "helpdesk.queue.title": "Unresolved questions (oldest first)",
  "helpdesk.queue.empty": "No unresolved questions.",
  "helpdesk.queue.more":
    "There are more. Once these are claimed or resolved, run `/helpdesk queue` again for the next ones.",
  "helpdesk.queue.card": "**{title}**\n{asker} · {at} · {status}{holder}{tags}\n{link}",
  "helpdesk.queue.anonymous": "(posted anonymously)",
  "helpdesk.queue.holder": "claimed by {holder}",
  "helpdesk.queue.tags": "tags: {tags}",
  "helpdesk.queue.private": "(private)",
  "helpdesk.claimed": "✅ You claimed “{title}”. {link}",
  "helpdesk.released": "↩️ You released “{title}”; it is back in the queue.",
  "helpdesk.resolved": "✅ “{title}” is resolved.",
  "helpdesk.escalate.staff":
    "{role} ⏰ The question “{title}” has had no staff reply for {hours, plural, one {# hour} other {# hours}}. {link}",
  "helpdesk.escalate.dm":
    "⏰ The question “{title}” has had no staff reply for {hours, plural, one {# hour} other {# hours}} (the staff channel was told). {link}",
  "helpdesk.error.noForum":
    "There is no questions forum yet. Please ask an organiser to run `/program open`.",
  "helpdesk.error.noThread":
    "You don't have a project thread yet, so a private question isn't possible. Please ask with `visibility:forum`.",
  "helpdesk.error.unknownTag": "There is no tag “{tag}”. Please pick one of the suggestions.",
  "helpdesk.error.empty": "Please write a title and your question.",
  "helpdesk.error.tooLong":
    "That's too long (title up to {titleMax, plural, one {# character} other {# characters}}, question up to {questionMax}). Here is what you wrote; shorten it and run `/ask` again:\n```\n{text}\n```",
  "helpdesk.error.gone":
    "I can't find this question: the button may be out of date. Run `/helpdesk queue` for the latest.",
  "helpdesk.error.closed": "This question is already resolved (the button is out of date).",
  "helpdesk.error.claimed": "{holder} has already claimed this question.",
  "helpdesk.error.yours": "You have already claimed this question.",
  "helpdesk.error.notAsker": "Only the person who asked, mentors and organisers can resolve this question.",
  "helpdesk.error.release.closed": "This question is already resolved (the button is out of date).",
  "helpdesk.error.release.notClaimed":
    "Nobody has claimed this question right now (the button is out of date).",
  "helpdesk.error.release.notHolder":
    "Only the person who claimed it, or an organiser, can release this question.",
} as const;

export const enHelpdeskCommands = {
  ask: { description: "Ask the mentors a question" },
  "ask.visibility": { description: "Post in the questions forum, or only in your project thread" },
  "ask.visibility.forum": { name: "Forum (everyone can see)" },
  "ask.visibility.private": { name: "Private (project thread)" },
  "ask.tag": { description: "What the question is about" },
  "ask.anonymous": { description: "Don't show your name in the forum (staff can still see it)" },
  helpdesk: { description: "Answer interns' questions (mentors, organisers)" },
  "helpdesk.queue": { description: "Show unresolved questions, oldest first" },
  "helpdesk.queue.tag": { description: "Only questions with this tag" },
  "helpdesk.queue.mine": { description: "Only the questions you claimed" },
} as const;
