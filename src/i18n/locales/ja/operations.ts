/** Japanese messages and command texts of `/checkin`, `/checkout` and `/report`. */
export const jaOperationsMessages = {
  "checkin.started": "✅ チェックインしました（{at}）。",
  "checkin.alreadyOpen": "すでにチェックイン中です（{at} から）。終わるときは `/checkout` をどうぞ。",
  "checkin.plan": "今日の予定: {plan}",
  "checkout.done":
    "👋 チェックアウトしました（{from} 〜 {to}）。お疲れさまでした。よければ今日の日報を書きませんか？",
  "checkout.doneReported":
    "👋 チェックアウトしました（{from} 〜 {to}）。お疲れさまでした。今日の日報は書き済みです。直すこともできます。",
  "checkout.none": "いまはチェックインしていません。始めるときは `/checkin` をどうぞ。",
  "checkout.writeReport": "日報を書く",
  "checkout.editReport": "日報を直す",
  "report.modal.title": "日報（{date}）",
  "report.field.done": "やったこと",
  "report.field.done.placeholder": "今日取り組んだこと",
  "report.field.blockers": "困っていること（任意）",
  "report.field.blockers.placeholder": "詰まっていること、相談したいこと",
  "report.field.next": "次にやること（任意）",
  "report.field.next.placeholder": "次に取り組む予定のこと",
  "report.field.mood": "今日の調子 1〜5（任意・投稿されません）",
  "report.field.mood.placeholder": "1（つらい）〜 5（とても良い）",
  "report.saved": "✅ {date} の日報を保存しました。",
  "report.updated": "✅ {date} の日報を更新しました。",
  "report.place.channel": "{channel} に投稿しました（調子は投稿されません）。",
  "report.place.thread": "プロジェクトスレッド {channel} に投稿しました（調子は投稿されません）。",
  "report.place.none": "投稿先のチャンネルがないため、保存だけしました。",
  "report.moodIgnored":
    "調子は 1〜5 の数字で入力してください。調子だけ保存していません。`/report write` でもう一度開くと、書いた内容はそのまま残っています。",
  "report.post.title": "日報 — {name}（{date}）",
  "report.post.done": "やったこと",
  "report.post.blockers": "困っていること",
  "report.post.next": "次にやること",
  "report.post.edited": "（編集済み）",
  "report.error.beforeProgramme":
    "{date} はプログラムが始まる前の日です。日報はプログラムの期間中の日について書けます。",
  "report.error.afterProgramme":
    "{date} はプログラムが終わった後の日です。日報はプログラムの期間中の日について書けます。",
  "report.error.tooOld": "{date} の日報はもう書けません。日報は今日と昨日の分を書けます。",
  "report.error.future": "{date} はまだ来ていない日です。日報は今日と昨日の分を書けます。",
  "report.error.emptyDone": "「やったこと」を書いてください。一言でも大丈夫です。",
  "report.error.tooLong": "各項目は {max} 文字までです。短くしてからもう一度送ってください。",
  "report.error.pause.format":
    "「{value}」は日付として読めません。`2026-05-10` のように YYYY-MM-DD で指定してください（最長 {end} まで）。",
  "report.error.pause.past": "「{value}」は過ぎた日です。今日以降、{end} までの日を指定してください。",
  "report.error.pause.afterProgramme":
    "「{value}」はプログラムの終了日（{end}）より後です。{end} までの日を指定してください。",
  "report.error.time":
    "「{value}」は時刻として読めません。`21:00` のように HH:mm（24 時間）で指定するか、`off` で止められます。",
  "report.error.noProfile": "先に参加手続き（`/join`）を済ませてください。",
  "report.paused": "🔕 {until} までリマインダーを止めました（その日を含みます）。",
  "report.reminder.set":
    "⏰ 日報のリマインダーを {time}（{timeZone}）にしました。チェックインした日に日報がまだなら、この時刻にそっとお知らせします。",
  "report.reminder.off":
    "🔕 日報のリマインダーを止めました。`/report reminder time:21:00` のようにするといつでも戻せます。",
  "report.reminderMessage":
    "{user} 🌙 今日もお疲れさまです。余裕があれば、ひとことでも日報を書いてみませんか？ `/report write`\n（時刻の変更は `/report reminder`、お休みは `/report pause`）",
} as const;

export const jaOperationsCommands = {
  checkin: { name: "チェックイン", description: "作業を始めます（時間は自由です）" },
  "checkin.plan": { name: "予定", description: "今日やる予定のこと（任意）" },
  checkout: { name: "チェックアウト", description: "作業を終えて、日報を書けます" },
  report: { name: "日報", description: "日報を書く・リマインダーの設定" },
  "report.write": { name: "書く", description: "日報を書きます（もう一度実行すると編集できます）" },
  "report.write.date": { name: "日付", description: "どの日の日報か（既定: 今日）" },
  "report.write.date.today": { name: "今日" },
  "report.write.date.yesterday": { name: "昨日" },
  "report.write.private": {
    name: "非公開",
    description: "日報チャンネルではなく自分のプロジェクトスレッドに投稿します",
  },
  "report.pause": { name: "お休み", description: "指定した日までリマインダーを止めます" },
  "report.pause.until": { name: "まで", description: "最後の日（YYYY-MM-DD）" },
  "report.reminder": { name: "リマインダー", description: "日報のリマインダーの時刻を決めます" },
  "report.reminder.time": { name: "時刻", description: "HH:mm（例 21:00）、または off" },
} as const;
