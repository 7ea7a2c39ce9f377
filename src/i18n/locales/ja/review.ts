/**
 * Japanese messages and command texts of reviews (`/review`, the review sheet, the feedback post).
 * Spread into `ja` and `jaCommands`.
 */
export const jaReviewMessages = {
  "review.error.notReviewer": "レビューできるのはこのプログラムのメンターと運営だけです。",
  "review.error.noVersion": "その提出は見つかりません。`/review queue` を開き直してください。",
  "review.error.notYours":
    "これはほかのレビュアーの下書きです。自分の下書きは `/review queue` の「レビュー」から開いてください。",
  "review.error.superseded":
    "この版のあとに新しい版が提出されています。`/review queue` から最新の版をレビューしてください。",
  "review.error.published": "このレビューは公開済みのため変更できません。",
  "review.error.criterion": "その評価項目はいまのルーブリックにありません。レビューを開き直してください。",
  "review.error.score": "点数は 1〜5 で選んでください。",
  "review.error.comment": "コメントは {max} 文字までにしてください。",
  "review.error.noDraft": "まだ下書きがありません。点数を選んでから公開してください。",
  "review.error.unscored":
    "まだ点数のない項目が {count} 個あります。すべての項目に点数をつけてから公開してください。",
  "review.publish.already": "このレビューはすでに公開されています。",
  "review.publish.done":
    "{user} の第 {number} 版へのレビューを公開し、プロジェクトのスレッドに投稿しました。",
  "review.publish.doneNotPosted":
    "{user} の第 {number} 版へのレビューを公開しました（スレッドには投稿できませんでした。本人は `/submission show` で見られます）。",
  "review.queue.title": "レビュー待ち（{filter}）: {total} 件",
  "review.queue.empty": "レビュー待ちの提出はありません。",
  "review.queue.entry": "{user} — 第 {number} 版 — {at}",
  "review.queue.late": "⚠️ 遅れ",
  "review.queue.drafts": "下書き: {users}",
  "review.queue.page": "{page} / {pages} ページ",
  "review.queue.review": "レビュー {n}",
  "review.queue.previous": "前へ",
  "review.queue.next": "次へ",
  "review.filter.all": "すべて",
  "review.filter.unreviewed": "未着手",
  "review.filter.mine": "自分の下書き",
  "review.filter.late": "遅れ",
  "review.sheet.title": "{user} の第 {number} 版をレビュー",
  "review.sheet.submitted": "提出: {at}（{status}）",
  "review.sheet.comment": "コメント: {comment}",
  "review.sheet.noComment": "コメント: （なし）",
  "review.sheet.saved": "💾 下書きを保存しました。",
  "review.sheet.unsaved": "まだ保存されていません。",
  "review.sheet.published": "✅ 公開済み（{at}）",
  "review.sheet.scorePlaceholder": "{label}: 点数を選ぶ",
  "review.sheet.scoreOption": "{score} 点",
  "review.sheet.commentButton": "コメント",
  "review.sheet.saveButton": "下書きを保存",
  "review.sheet.publishButton": "公開",
  "review.modal.title": "レビューのコメント",
  "review.modal.comment": "コメント（本人に公開されます）",
  "review.feedback.title": "📝 第 {number} 版へのフィードバック",
  "review.feedback.by": "レビュアー: {user}",
  "review.feedback.score": "{label}: {score} / 5 点",
  "review.rubric.title": "レビューのルーブリック（各項目 1〜5 点）",
  "review.rubric.default": "（既定のルーブリック）",
  "review.rubric.item": "`{key}` — {ja}（英語: {en}）",
  "review.rubric.set.done": "ルーブリックを {count} 項目に更新しました。",
  "review.rubric.error.tooLarge": "ルーブリックのファイルが大きすぎます（16 KB まで）。",
  "review.rubric.error.download":
    "ファイルを受け取れませんでした。添付し直してください。何も変更していません。",
  "review.rubric.error.encoding": "ファイルが UTF-8 のテキストではありません。何も変更していません。",
  "review.rubric.error.syntax": "{line} 行目: YAML / JSON として読めません。何も変更していません。",
  "review.rubric.error.notList":
    "{line} 行目: 評価項目のリスト（または criteria: のリスト）が必要です。何も変更していません。",
  "review.rubric.error.empty": "評価項目がありません。1〜4 個の項目を書いてください。",
  "review.rubric.error.tooMany": "{line} 行目: 評価項目は {max} 個までです。何も変更していません。",
  "review.rubric.error.notObject":
    "{line} 行目（{item} 番目の項目）: key・ja・en を持つ項目にしてください。何も変更していません。",
  "review.rubric.error.missing":
    "{line} 行目（{item} 番目の項目）: {field} がありません。何も変更していません。",
  "review.rubric.error.badKey":
    "{line} 行目（{item} 番目の項目）: {field} は英小文字で始まる英小文字・数字・_ の 24 文字までにしてください。",
  "review.rubric.error.duplicate": "{line} 行目（{item} 番目の項目）: {field} が重複しています。",
  "review.rubric.error.tooLong":
    "{line} 行目（{item} 番目の項目）: {field} は {max} 文字までにしてください。",
  "review.rubric.error.unknownField":
    "{line} 行目（{item} 番目の項目）: 「{field}」は使えない項目名です（key・ja・en のみ）。",
} as const;

export const jaReviewCommands = {
  review: { name: "レビュー", description: "提出物のレビュー（メンター・運営）" },
  "review.queue": { name: "待ち一覧", description: "レビュー待ちの提出を古い順に表示します" },
  "review.queue.filter": { name: "絞り込み", description: "表示する提出" },
  "review.queue.filter.unreviewed": { name: "未着手" },
  "review.queue.filter.mine": { name: "自分の下書き" },
  "review.queue.filter.late": { name: "遅れ" },
  "review.rubric": { name: "ルーブリック", description: "評価項目の表示と設定" },
  "review.rubric.show": { name: "表示", description: "いまの評価項目を表示します" },
  "review.rubric.set": { name: "設定", description: "評価項目を YAML / JSON ファイルで設定します（運営）" },
  "review.rubric.set.file": { name: "ファイル", description: "key・ja・en の項目のリスト（4 個まで）" },
} as const;
