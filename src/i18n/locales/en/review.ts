/** English messages and command texts of reviews; the Japanese file is the source. */
export const enReviewMessages = {
  "review.error.notReviewer": "Only this programme's mentors and organisers can review.",
  "review.error.noVersion": "That submission can't be found. Please open `/review queue` again.",
  "review.error.notYours":
    "This is another reviewer's draft. Open your own from the Review button in `/review queue`.",
  "review.error.superseded":
    "A newer version was submitted after this one. Please review the latest from `/review queue`.",
  "review.error.published": "This review is published and can't be changed.",
  "review.error.criterion": "That criterion is not in the current rubric. Please open the review again.",
  "review.error.score": "Please pick a score from 1 to 5.",
  "review.error.comment": "Please keep the comment to {max, plural, one {# character} other {# characters}}.",
  "review.error.noDraft": "There is no draft yet. Pick the scores first, then publish.",
  "review.error.unscored":
    "{count, plural, one {# criterion has} other {# criteria have}} no score yet. Please score every criterion before publishing.",
  "review.publish.already": "This review has already been published.",
  "review.publish.done":
    "Your review of {user}'s version {number} is published and posted in their project thread.",
  "review.publish.doneNotPosted":
    "Your review of {user}'s version {number} is published (it couldn't be posted in their thread; they can read it with `/submission show`).",
  "review.queue.title": "Waiting for review ({filter}): {total}",
  "review.queue.empty": "No submissions are waiting for review.",
  "review.queue.entry": "{user} — version {number} — {at}",
  "review.queue.late": "⚠️ late",
  "review.queue.drafts": "drafts: {users}",
  "review.queue.page": "Page {page} of {pages}",
  "review.queue.review": "Review {n}",
  "review.queue.previous": "Previous",
  "review.queue.next": "Next",
  "review.filter.all": "all",
  "review.filter.unreviewed": "not started",
  "review.filter.mine": "my drafts",
  "review.filter.late": "late",
  "review.sheet.title": "Reviewing {user}'s version {number}",
  "review.sheet.submitted": "Submitted: {at} ({status})",
  "review.sheet.comment": "Comment: {comment}",
  "review.sheet.noComment": "Comment: (none)",
  "review.sheet.saved": "💾 Draft saved.",
  "review.sheet.unsaved": "Not saved yet.",
  "review.sheet.published": "✅ Published ({at})",
  "review.sheet.scorePlaceholder": "{label}: pick a score",
  "review.sheet.scoreOption": "{score}",
  "review.sheet.commentButton": "Comment",
  "review.sheet.saveButton": "Save draft",
  "review.sheet.publishButton": "Publish",
  "review.modal.title": "Review comment",
  "review.modal.comment": "Comment (shown to the intern)",
  "review.feedback.title": "📝 Feedback on version {number}",
  "review.feedback.by": "Reviewer: {user}",
  "review.feedback.score": "{label}: {score} / 5",
  "review.rubric.title": "Review rubric (1–5 per criterion)",
  "review.rubric.default": "(the default rubric)",
  "review.rubric.item": "`{key}` — {en} (Japanese: {ja})",
  "review.rubric.set.done": "The rubric now has {count, plural, one {# criterion} other {# criteria}}.",
  "review.rubric.error.tooLarge": "The rubric file is too large (16 KB at most).",
  "review.rubric.error.download": "I couldn't receive the file. Please attach it again. Nothing was changed.",
  "review.rubric.error.encoding": "The file isn't UTF-8 text. Nothing was changed.",
  "review.rubric.error.syntax": "Line {line}: this can't be read as YAML or JSON. Nothing was changed.",
  "review.rubric.error.notList":
    "Line {line}: a list of criteria (or a list under criteria:) is needed. Nothing was changed.",
  "review.rubric.error.empty": "There are no criteria. Please write 1 to 4.",
  "review.rubric.error.tooMany":
    "Line {line}: at most {max, plural, one {# criterion} other {# criteria}}. Nothing was changed.",
  "review.rubric.error.notObject":
    "Line {line} (criterion {item}): each criterion needs key, ja and en. Nothing was changed.",
  "review.rubric.error.missing": "Line {line} (criterion {item}): {field} is missing. Nothing was changed.",
  "review.rubric.error.badKey":
    "Line {line} (criterion {item}): {field} must start with a lower-case letter and use a–z, 0–9 and _ (24 at most).",
  "review.rubric.error.duplicate": "Line {line} (criterion {item}): {field} is used twice.",
  "review.rubric.error.tooLong":
    "Line {line} (criterion {item}): {field} must be {max, plural, one {# character} other {# characters}} at most.",
  "review.rubric.error.unknownField":
    "Line {line} (criterion {item}): “{field}” is not a field (only key, ja and en).",
} as const;

export const enReviewCommands = {
  review: { description: "Review submissions (mentors, organisers)" },
  "review.queue": { description: "Submissions waiting for review, oldest first" },
  "review.queue.filter": { description: "Which submissions to list" },
  "review.queue.filter.unreviewed": { name: "Not started" },
  "review.queue.filter.mine": { name: "My drafts" },
  "review.queue.filter.late": { name: "Late" },
  "review.rubric": { description: "The review criteria" },
  "review.rubric.show": { description: "Show the current criteria" },
  "review.rubric.set": { description: "Set the criteria from a YAML or JSON file (organisers)" },
  "review.rubric.set.file": { description: "A list of criteria with key, ja and en (4 at most)" },
} as const;
