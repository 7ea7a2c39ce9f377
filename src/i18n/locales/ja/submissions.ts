/**
 * Japanese messages and command texts of submissions (`/submit`, `/submission`) and their
 * reminders. Spread into `ja` and `jaCommands`.
 */
export const jaSubmissionMessages = {
  "submission.error.withdrawn": "辞退の手続きが済んでいるため、提出はできません。",
  "submission.error.closed": "提出の受付は終了しました。困ったときは運営に相談してください。",
  "submission.error.noAllocation":
    "まだ課題が割り当てられていないため、提出できません。`/project view` で課題を確認してください。",
  "submission.error.empty":
    "提出するものがありません。リンク（repository / demo / slides / link）かファイルを 1 つ以上つけてください。",
  "submission.error.link":
    "{option} のリンクが読めません。`https://` で始まる URL を指定してください。何も保存していません。",
  "submission.error.linkCredentials":
    "{option} のリンクにユーザー名やパスワードが含まれています。トークンや認証情報を含まない URL にしてください。何も保存していません。",
  "submission.error.note": "メモは {max} 文字までにしてください。",
  "submission.error.tooManyFiles": "ファイルは {max} 個までです。",
  "submission.error.fileTooLarge":
    "「{name}」が大きすぎます（上限 {max} MB）。圧縮するか、リンクで提出してください。何も保存していません。",
  "submission.error.fileType":
    "「{name}」は受け付けていない種類のファイルです。受け付ける種類: {allowed}。何も保存していません。",
  "submission.error.fileContent":
    "「{name}」の中身が {type} ファイルとして読めません。ファイルを確かめてもう一度添付してください。何も保存していません。",
  "submission.error.download":
    "「{name}」を最後まで受け取れませんでした。もう一度添付して提出してください。何も保存していません。",
  "submission.error.notVisible": "その人の提出は表示できません。",
  "submission.error.notIntern": "その人はこのプログラムのインターンではありません。",
  "submission.error.extensionOutside":
    "延長後の締切はプログラムの期間内にしてください（終了日時より後にはできません）。",
  "submission.extend.needUntil": "新しい締切（until）を指定するか、clear を true にしてください。",
  "submission.extend.badUntil":
    "「{value}」は日時として読めません。`2026-06-28 18:00` のように YYYY-MM-DD HH:mm（プログラムのタイムゾーン）で指定してください。",
  "submission.extend.done": "{user} の締切を {until} にしました。",
  "submission.extend.cleared": "{user} の個別の締切を取り消しました。いまの締切: {deadline}",
  "submission.status.title": "提出状況",
  "submission.status.counts":
    "プロジェクトのあるインターン **{interns}** 人 · 提出済み **{submitted}** · 未提出 **{missing}** · 遅れ **{late}** · レビュー待ち **{unreviewed}** · 期限延長 **{extended}**",
  "submission.status.deadline": "締め切り：{at}（延長や配慮による各自の締め切りで数えています）",
  "submission.status.noDeadline":
    "提出の締め切りが設定されていません（`/program milestone set kind:submission_deadline`）。",
  "submission.status.closed": "提出の受付は終了しています。",
  "submission.status.list": "{filter}：{page} / {pages} ページ",
  "submission.status.none": "該当者はいません。",
  "submission.status.filterName.missing": "まだ提出していない人",
  "submission.status.filterName.late": "遅れ（遅れて提出、または締め切りまでに未提出）",
  "submission.status.filterName.unreviewed": "最新版のレビューが未公開の人",
  "submission.status.filterName.extended": "延長・追加時間のある人",
  "submission.settings.saved":
    "保存しました。まだ提出していない {replanned} 人のリマインダーを組み直しました。",
  "submission.settings.shown":
    "リマインダー：各締め切りの {reminders} 時間前 · 最大ファイル：{maxFileMb} MB · ファイルの種類：{types} · 期限延長の配慮による追加時間：{hours} 時間",
  "submission.close.done": "提出の受付を終了しました。`/submission reopen` で再開できます。",
  "submission.close.already": "提出の受付はすでに終了しています。",
  "submission.reopen.done": "提出の受付を再開しました。締切を過ぎた提出は「遅れ」として記録されます。",
  "submission.reopen.notClosed": "提出の受付は終了していません。",
  "submission.receipt.title": "📥 提出を受け付けました（第 {number} 版）",
  "submission.receipt.by": "提出者: {user}",
  "submission.receipt.time": "受付日時: {at}",
  "submission.receipt.onTime": "✅ 期限内（締切 {deadline}）",
  "submission.receipt.onTimeNoDeadline": "✅ 受付済み（締切は未設定）",
  "submission.receipt.late": "⚠️ 締切から {hours} 時間 {minutes} 分遅れ（締切 {deadline}）",
  "submission.receipt.hash": "受付番号（ハッシュ）: `{hash}`",
  "submission.receipt.items": "提出内容",
  "submission.receipt.link": "・{label}: {url}",
  "submission.receipt.file": "・📎 {name}（{size}）",
  "submission.receipt.note": "メモ: {note}",
  "submission.receipt.label.repository": "リポジトリ",
  "submission.receipt.label.demo": "デモ",
  "submission.receipt.label.slides": "スライド",
  "submission.receipt.label.link": "リンク",
  "submission.receipt.posted": "同じ控えをプロジェクトのスレッドにも投稿しました。",
  "submission.receipt.notPosted":
    "プロジェクトのスレッドに控えを投稿できませんでした。提出は保存されています。この画面が控えです。",
  "submission.show.title": "{user} の提出",
  "submission.show.none": "まだ提出はありません。",
  "submission.show.noVersion": "第 {version} 版はありません。",
  "submission.show.deadline": "締切: {deadline}",
  "submission.show.deadline.extension": "締切: {deadline}（個別の延長）",
  "submission.show.deadline.accommodation": "締切: {deadline}（配慮による延長）",
  "submission.show.noDeadline": "締切: 未設定",
  "submission.show.reason": "延長の理由: {reason}",
  "submission.show.closed": "提出の受付は終了しています。",
  "submission.show.version": "第 {number} 版 — {at} — `{hash}` — {status}",
  "submission.show.onTime": "期限内",
  "submission.show.late": "遅れ",
  "submission.reminder":
    "⏰ {user} 提出の締切は {deadline}（{relative}）です。まだ提出がありません。`/submit` でリンクかファイルを提出してください。",
  "submission.request.reason": "理由を 1〜{max} 文字で書いてください。",
  "submission.request.notLater": "いまの締切より後の日時を指定してください。",
  "submission.request.noStaffRoom": "運営室が見つからないため申請を送れません。運営に直接相談してください。",
  "submission.request.unknown": "その延長申請は見つかりません。",
  "submission.request.decided": "この申請はすでに決定済みです。",
  "submission.request.sent":
    "延長の申請（{until} まで）を運営に送りました。結果はプロジェクトのスレッドでお知らせします。",
  "submission.request.notPosted":
    "申請は記録しましたが、運営室に投稿できませんでした。運営に直接知らせてください。",
  "submission.request.post": "🕒 {user} が締切の延長を申請しました: {until} まで\n理由: {reason}",
  "submission.request.approve": "承認",
  "submission.request.decline": "却下",
  "submission.request.approvedBy": "✅ {user} が承認しました（新しい締切 {until}）。",
  "submission.request.declinedBy": "❌ {user} が却下しました。",
  "submission.request.toIntern.approved": "✅ {user} 延長の申請が承認されました。新しい締切は {until} です。",
  "submission.request.toIntern.declined":
    "{user} 延長の申請（{until} まで）は承認されませんでした。詳しくは運営に相談してください。",
  "submission.export.done":
    "{name}: {count} 件のファイルを {folder} にコピーしました（{size} MB）。見つからないもの {absent} 件、破損 {damaged} 件（manifest.csv を参照）。",
} as const;

export const jaSubmissionCommands = {
  submit: { name: "提出", description: "成果物を提出します（新しい版として記録されます）" },
  "submit.repository": { name: "リポジトリ", description: "リポジトリの URL（https://…）" },
  "submit.demo": { name: "デモ", description: "デモの URL（https://…）" },
  "submit.slides": { name: "スライド", description: "スライドの URL（https://…）" },
  "submit.link": { name: "リンク", description: "そのほかのリンク（https://…）" },
  "submit.file1": { name: "ファイル1", description: "添付ファイル" },
  "submit.file2": { name: "ファイル2", description: "添付ファイル" },
  "submit.file3": { name: "ファイル3", description: "添付ファイル" },
  "submit.file4": { name: "ファイル4", description: "添付ファイル" },
  "submit.file5": { name: "ファイル5", description: "添付ファイル" },
  "submit.note": { name: "メモ", description: "メンターへのひとこと（1000 文字まで）" },
  submission: { name: "提出物", description: "提出物の確認と締切の管理" },
  "submission.show": { name: "表示", description: "提出した版と受付の控えを表示します" },
  "submission.show.version": { name: "版", description: "表示する版の番号（既定: すべて）" },
  "submission.show.user": { name: "ユーザー", description: "この人の提出を表示（メンター・運営）" },
  "submission.extend": { name: "延長", description: "インターン 1 人の締切を変更します（運営）" },
  "submission.extend.user": { name: "ユーザー", description: "締切を変えるインターン" },
  "submission.extend.until": {
    name: "新しい締切",
    description: "YYYY-MM-DD HH:mm（プログラムのタイムゾーン）",
  },
  "submission.extend.reason": { name: "理由", description: "延長の理由（運営とメンターだけが見られます）" },
  "submission.extend.clear": { name: "取り消し", description: "個別の締切を取り消して全体の締切に戻す" },
  "submission.status": {
    name: "状況",
    description: "提出済み・未提出・遅れ・レビュー待ち・延長の人数と名前（運営）",
  },
  "submission.status.filter": { name: "絞り込み", description: "一覧に出す人（既定：未提出）" },
  "submission.status.filter.missing": { name: "未提出" },
  "submission.status.filter.late": { name: "遅れ" },
  "submission.status.filter.unreviewed": { name: "レビュー待ち" },
  "submission.status.filter.extended": { name: "延長" },
  "submission.status.page": { name: "ページ", description: "名前のページ（25 人ずつ）" },
  "submission.settings": {
    name: "設定",
    description: "リマインダー・ファイルの大きさと種類・配慮の追加時間（運営）",
  },
  "submission.settings.reminders": {
    name: "リマインダー",
    description: "締め切りの何時間前か。例：72,24,3（6 個まで）",
  },
  "submission.settings.max-file-mb": {
    name: "最大ファイル",
    description: "受け付ける最大のファイル（1〜25 MB）",
  },
  "submission.settings.types": { name: "種類", description: "受け付けるファイルの種類。例：pdf,zip,png" },
  "submission.settings.accommodation-extension-hours": {
    name: "配慮の追加時間",
    description: "期限延長の配慮がある人の追加時間（0〜168 時間）",
  },
  "submission.close": { name: "締め切る", description: "提出の受付を終了します（運営）" },
  "submission.reopen": { name: "再開", description: "提出の受付を再開します（運営）" },
  "submission.request-extension": {
    name: "延長申請",
    description: "締切の延長を運営に申請します（インターン）",
  },
  "submission.request-extension.until": {
    name: "希望の締切",
    description: "YYYY-MM-DD HH:mm（プログラムのタイムゾーン）",
  },
  "submission.request-extension.reason": {
    name: "理由",
    description: "延長が必要な理由（運営とメンターだけが見られます）",
  },
} as const;
