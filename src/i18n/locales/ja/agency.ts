/** `/agency client|digest|funnel` と `/program funnel` のメッセージとコマンド。 */
export const jaAgencyMessages = {
  "agency.client.notYours": "その方は、進捗の共有に同意しているあなたの機関の利用者ではありません。",
  "agency.client.summary":
    "{user}\n段階：{stage} · 道のり：{phase}\nプロジェクト：{project}\n活動日数（直近 7 日）：{days} · 日報：{reports} 件",
  "agency.client.noProject": "まだ割り当てられていません",
  "agency.client.note": "共有に同意している間だけ表示します。日報の本文・気分・配慮事項は表示しません。",
  "agency.phase.meet": "出会い",
  "agency.phase.match": "マッチング",
  "agency.phase.trial": "お試し就労",
  "agency.phase.followup": "フォローアップ",
  "agency.funnel.title": "道のりのファネル",
  "agency.funnel.agencyTitle": "共有に同意している利用者の道のりのファネル",
  "agency.funnel.line": "**{phase}**：到達 {reached} 人 · 現在 {current} 人 · ここで辞退 {withdrawn} 人",
  "agency.digest.title": "週次ダイジェスト：{agency}（{from}〜{to}）",
  "agency.digest.note": "共有に同意している利用者のみ。件数だけで、日報の本文・気分・配慮事項は含みません。",
  "agency.digest.empty": "今週、進捗を共有している利用者はいません。",
  "agency.digest.unnamed": "（表示名なし）",
  "agency.digest.stoppedName": "（共有停止）",
  "agency.digest.stopped": "この利用者は進捗の共有をやめました。",
  "agency.digest.saved":
    "保存しました：「{agency}」のダイジェストは毎週{weekday} {time}（{zone}）に {delivery} で届きます。",
  "agency.digest.delivery.dm": "スタッフ各自への DM",
  "agency.digest.delivery.thread": "機関専用の非公開スレッド",
  "agency.digest.previewNote": "プレビュー：いま送るとこの内容になります。",
  "agency.digest.error.delivery": "配信方法は `dm` か `thread` を指定してください。",
  "agency.digest.error.weekday": "曜日は `mon` や `月` のように指定してください（mon〜sun、月〜日）。",
  "agency.digest.error.time": "時刻は HH:mm（例：09:00）で指定してください。",
  "agency.digest.error.noChannel":
    "このプログラムには非公開スレッド用の支援機関チャンネルがまだありません。`dm` を選ぶか、運営にワークスペースの準備を依頼してください。",
  "agency.error.noAgency": "このプログラムのどの支援機関のスタッフとしても登録されていません。",
  "agency.error.pickAgency": "複数の機関に所属しています。`agency` オプションで機関を選んでください。",
  "agency.error.notYourAgency": "その機関のスタッフとして登録されていません。",
  "weekday.0": "日曜日",
  "weekday.1": "月曜日",
  "weekday.2": "火曜日",
  "weekday.3": "水曜日",
  "weekday.4": "木曜日",
  "weekday.5": "金曜日",
  "weekday.6": "土曜日",
} as const;

export const jaAgencyCommands = {
  "agency.client": { name: "利用者詳細", description: "進捗を共有している利用者 1 人（支援機関スタッフ）" },
  "agency.client.user": { name: "利用者", description: "利用者" },
  "agency.funnel": {
    name: "ファネル",
    description: "共有している利用者の道のりのファネル（支援機関スタッフ）",
  },
  "agency.digest": { name: "ダイジェスト", description: "週次ダイジェスト" },
  "agency.digest.settings": {
    name: "設定",
    description: "週次ダイジェストの曜日・時刻・配信方法（支援機関スタッフ）",
  },
  "agency.digest.settings.delivery": {
    name: "配信方法",
    description: "dm：スタッフ各自、thread：機関専用の非公開スレッド",
  },
  "agency.digest.settings.weekday": { name: "曜日", description: "曜日（例：mon、月）" },
  "agency.digest.settings.time": { name: "時刻", description: "時刻 HH:mm（プログラムのタイムゾーン）" },
  "agency.digest.settings.agency": { name: "機関", description: "機関（複数に所属している場合）" },
  "agency.digest.preview": {
    name: "プレビュー",
    description: "いまのダイジェストの内容（支援機関スタッフ）",
  },
  "agency.digest.preview.agency": { name: "機関", description: "機関（複数に所属している場合）" },
  "program.funnel": { name: "ファネル", description: "プログラムの道のりのファネル（運営）" },
} as const;
