/**
 * Japanese messages and command texts of `/program` (opening, status, timeline, closing and
 * deleting a programme) and of the workspace it creates. Spread into `ja` and `jaCommands`.
 */
export const jaProgramMessages = {
  "program.roster.title": "参加者一覧（{from}〜{to} 人目 / 全 {total} 人、{page}/{pages} ページ）",
  "program.roster.line": "<@{user}> {name}：{stage}・{project}",
  "program.roster.empty": "該当するインターン参加者はいません。",
  "program.roster.noName": "（名前未登録）",
  "program.roster.noStage": "段階なし",
  "program.roster.noProject": "課題なし",
  "program.open.checking": "⏳ サーバーを確認しています…",
  "program.open.progress": "⏳ ワークスペースを作成しています… {done} / {total}",
  "program.open.done":
    "✅ **{name}** を開きました。\n新しく作成: {created} 件 / すでにあったもの: {existing} 件\nマイルストーン: {milestones} 件を予約しました。\n{welcome} の参加ボタンからインターンが参加できます。",
  "program.open.reminders":
    "⏰ リマインダー: {count} 件（中間レビュー・提出締切・成果発表会の {hours} 時間前に、告知チャンネルでインターンロールに通知）",
  "program.open.pastMilestones":
    "⏭️ 開いた時点ですでに過ぎていたため、告知しないマイルストーン（{count} 件）:\n{list}",
  "program.open.pastMilestone": "・{kind}：{at}",
  "program.open.otherProgramme":
    "このサーバーではすでに「{name}」が進行中です。終了してから（`/program close`）新しいプログラムを開いてください。",
  "program.open.closedProgramme":
    "このサーバーのプログラム「{name}」は終了しています。同じ名前では開き直せません。別の名前で開いてください。",
  "program.error.timeZone":
    "タイムゾーン「{timeZone}」がわかりません。`Asia/Tokyo` や `Europe/London` のような IANA 名で指定してください。",
  "program.error.dateFormat":
    "{option}「{value}」は日付として読めません。`2026-04-01` のように YYYY-MM-DD で指定してください。",
  "program.error.dateOrder": "終了日（{end}）が開始日（{start}）より前です。日付を確かめてください。",
  "program.error.tooLong": "期間が {days} 日あります。プログラムは最長 {max} 日です。",
  "program.error.option.start": "開始日",
  "program.error.option.end": "終了日",
  "program.error.template": "テンプレートに問題があります。何も作成していません。\n{problems}",
  "program.error.templateFile":
    "テンプレートは YAML（.yaml / .yml）か JSON（.json）のファイルで、{limit} KB までにしてください。",
  "program.error.templateDownload":
    "テンプレートのファイルを読み込めませんでした。もう一度添付してください。",
  "program.error.missingPermissions":
    "ボットに次の権限が足りないため、何も作成していません: {permissions}\nサーバー設定 → ロール で taiken のロールに付けてから、もう一度実行してください。",
  "program.error.limit.channels":
    "チャンネルが多すぎます: すでに {existing} 個あり、さらに {adding} 個作ると Discord の上限 {max} 個を超えます。不要なチャンネルを削除するか、テンプレートを小さくしてください。",
  "program.error.limit.roles":
    "ロールが多すぎます: すでに {existing} 個あり、さらに {adding} 個作ると Discord の上限 {max} 個を超えます。不要なロールを削除してください。",
  "program.permission.ManageChannels": "チャンネルの管理",
  "program.permission.AddReactions": "リアクションの追加",
  "program.permission.ViewChannel": "チャンネルを見る",
  "program.permission.SendMessages": "メッセージの送信",
  "program.permission.EmbedLinks": "埋め込みリンク",
  "program.permission.AttachFiles": "ファイルを添付",
  "program.permission.ReadMessageHistory": "メッセージ履歴を読む",
  "program.permission.Connect": "接続",
  "program.permission.Speak": "発言",
  "program.permission.ManageRoles": "ロールの管理",
  "program.permission.ManageEvents": "イベントの管理",
  "program.permission.ManageThreads": "スレッドの管理",
  "program.permission.CreatePublicThreads": "公開スレッドの作成",
  "program.permission.CreatePrivateThreads": "プライベートスレッドの作成",
  "program.permission.SendMessagesInThreads": "スレッドでメッセージを送信",
  "program.welcome.title": "ようこそ「{name}」へ",
  "program.welcome.body":
    "{mode}の期間は {starts} から {ends} までです。\n下の「参加する」を押して、かんたんなプロフィールを登録してください。登録すると自分専用のプロジェクトスレッドが用意されます。",
  "program.welcome.join": "参加する",
  "program.status.title": "{name} の状況",
  "program.status.period": "期間",
  "program.status.periodValue": "{starts} 〜 {ends}\nタイムゾーン: {timeZone}",
  "program.status.state": "状態",
  "program.status.state.draft": "準備中",
  "program.status.state.open": "開催中",
  "program.status.state.closed": "終了（読み取り専用）",
  "program.status.state.archived": "アーカイブ済み",
  "program.status.milestones": "マイルストーン",
  "program.status.milestone": "{kind}: {at}（{relative}）",
  "program.status.milestoneAnnounced": "{kind}: {at}（告知済み）",
  "program.status.milestoneSkipped": "{kind}: {at}（予定に入れた時点で過ぎていたため告知していません）",
  "program.status.noMilestones": "まだありません。",
  "program.status.workspace": "ワークスペース",
  "program.status.workspaceOk": "✅ {present} / {total} 件すべてそろっています。",
  "program.status.workspaceMissing":
    "⚠️ {present} / {total} 件。見つからないもの: {missing}\n`/program open` をもう一度実行すると作り直します。",
  "program.status.stages": "参加者の段階",
  "program.status.noInterns": "まだ参加者はいません。",
  "program.close.done":
    "🔒 **{name}** を終了しました。{channels} 個のチャンネルを読み取り専用にしました（削除はしていません）。`/program export` でデータを書き出せます。",
  "program.close.notOpen": "このプログラムはすでに終了しています。",
  "program.export.done":
    "📦 **{name}** のデータです（参加者 {members} 人、割り当て {allocations} 件、マイルストーン {milestones} 件）。",
  "program.delete.confirm":
    "⚠️ **{name}** を削除しますか？ボットが作成した {count} 個のロール・チャンネル・メッセージと、プログラムの記録が消えます。ボットが作っていないものには触れません。元には戻せません。削除の前に、完全なエクスポート（/program export と同じもの）をここに送ります。",
  "program.delete.exported":
    "📦 **{name}** の完全なエクスポートです（削除の前に送っています）。プログラムの記録はこのファイルにしか残らないので、保存してください。",
  "program.delete.button": "削除する",
  "program.delete.done": "🗑️ **{name}** を削除しました（Discord 上の {deleted} 個を削除）。",
  "program.delete.gone": "このプログラムはすでに削除されています。",
  "program.template.exported":
    "📄 このプログラムのテンプレートです。編集して `/program open` の template に添付できます。",
  "program.milestone.error.format":
    "「{value}」は日時として読めません。`2026-05-20 15:00` のように YYYY-MM-DD HH:mm（{timeZone} の時刻）で指定してください。",
  "program.milestone.error.outside":
    "{kind}はプログラムの期間（{start} 〜 {end}）の中に置いてください。期間を変えるときは `/program open` を新しい日付で実行します。",
  "program.milestone.error.before":
    "{kind}を{other}（{at}）より前には置けません。順番を変えたいときは、先に{other}を動かしてください。",
  "program.milestone.error.after":
    "{kind}を{other}（{at}）より後には置けません。順番を変えたいときは、先に{other}を動かしてください。",
  "program.milestone.error.closed": "このプログラムは終了しているため、マイルストーンは動かせません。",
  "program.milestone.unchanged": "{kind}はすでに {at} です。変更はありません。",
  "program.milestone.moved": "✅ {kind}を {from} から {to} に移しました。",
  "program.milestone.scheduled": "お知らせチャンネルで {relative}にお知らせします。",
  "program.milestone.past": "新しい日時はすでに過ぎているため、お知らせはしません。",
  "program.milestone.reannounce":
    "前の日時ですでにお知らせ済みだったので、新しい日時でもう一度お知らせします。",
  "program.staff.role.organiser": "運営",
  "program.staff.role.mentor": "メンター",
  "program.staff.added": "{user} さんを{role}として登録し、{role}ロールを付けました。",
  "program.staff.already": "{user} さんはすでに{role}です。{role}ロールも確認しました。",
  "program.staff.removed": "{user} さんを{role}から外し、{role}ロールも外しました。",
  "program.staff.notStaff": "{user} さんは{role}として登録されていません。{role}ロールも外してあります。",
  "program.staff.error.bot": "ボットは運営やメンターにできません。",
  "program.staff.error.notMember":
    "{user} さんはこのサーバーのメンバーではありません。サーバーに招待してから、もう一度実行してください。",
  "program.staff.error.intern":
    "{user} さんはこのプログラムのインターンです。インターンは、ほかのインターンの様子が見える運営やメンターにはなれません。",
  "program.staff.error.noRole":
    "このプログラムの{role}ロールが見つかりません（まだ作られていないか、削除されています）。`/program open` をもう一度実行するとワークスペースを作り直すので、そのあとでもう一度試してください。",
  "program.staff.error.lastOrganiser":
    "{user} さんはこのプログラムの最後の運営メンバーなので外せません。先に `/program staff add` で別の人を運営に加えてください。",
  "program.staff.list.title": "{name}：運営・メンター・支援機関の担当者",
  "program.staff.list.organisers": "運営（{count} 人）",
  "program.staff.list.mentors": "メンター（{count} 人）",
  "program.staff.list.none": "まだいません。`/program staff add` で加えられます。",
  "program.staff.list.agency": "支援機関の担当者：{agency}（{count} 人）",
  "program.staff.list.moreAgencies": "ほか {count} 機関（`/agency list` で確認できます）",
  "program.staff.list.more": "ほか {count} 人",
  "program.status.settings": "設定（`/program settings` で変更）",
  "program.settings.title": "{name} の設定",
  "program.settings.selfService": "課題の自己選択（`/project claim`）",
  "program.settings.swapWindow": "割り当て後の交換期間（`/project swap`）",
  "program.settings.on": "オン",
  "program.settings.off": "オフ",
  "program.settings.days": "{days} 日間",
  "program.settings.oneDay": "1 日間",
  "program.settings.noSwaps": "交換なし",
  "program.settings.howTo":
    "変更するには、`/program settings` を自己選択（self-service）や交換期間（swap-window-days）のオプション付きで実行してください。",
  "program.settings.changed": "✅ **{name}** の設定を変更しました。",
  "program.settings.line": "{setting}：{value}",
  "program.settings.change": "{setting}：{from} → {to}",
  "program.settings.unchanged": "**{name}** の設定はすでにその値です。変更はありません。",
  "program.settings.note.selfServiceOn":
    "課題のないインターンは、`/project claim` で課題を選べるようになりました。",
  "program.settings.note.selfServiceOff":
    "`/project claim` は使えなくなりました。すでに選ばれた課題はそのままです。",
  "program.settings.note.swapWindow":
    "交換期間は、各インターンが課題を受け取った時点から数えます（すでに割り当てた課題も同じです）。投稿済みの課題説明に書かれた交換期限は更新されません。",
  "program.settings.helpEscalate": "未回答の質問をスタッフに知らせるまで（2 倍でオーガナイザーに DM）",
  "program.settings.hours": "{hours} 時間",
  "program.settings.note.helpEscalate":
    "これから来る質問も、すでに待っている質問も、新しい時間で知らせます。",
  "program.settings.error.helpEscalate":
    "help-escalate-hours は 1〜{max} 時間で指定してください（「{value}」は使えません）。",
  "program.settings.error.closed": "このプログラムは終了しているため、設定は変更できません。",
  "program.settings.error.swapWindow":
    "交換期間は 0 〜 {max} の整数（日数）で指定してください（0 で交換なし）。「{value}」は使えません。何も変更していません。",
} as const;

export const jaProgramCommands = {
  program: { name: "プログラム", description: "インターン・ハッカソンのプログラムを運営します" },
  "program.open": { name: "開く", description: "このサーバーにプログラムとワークスペースを用意します" },
  "program.open.name": { name: "名前", description: "プログラムの名前（例: 2026 春インターン）" },
  "program.open.start": { name: "開始日", description: "初日（YYYY-MM-DD）" },
  "program.open.end": { name: "終了日", description: "最終日（YYYY-MM-DD）" },
  "program.open.timezone": { name: "タイムゾーン", description: "日付の基準（既定: Asia/Tokyo）" },
  "program.open.mode": { name: "形式", description: "インターンかハッカソンか（既定: インターン）" },
  "program.open.mode.internship": { name: "インターン" },
  "program.open.mode.hackathon": { name: "ハッカソン" },
  "program.open.template": {
    name: "テンプレート",
    description: "ワークスペースのテンプレート（YAML か JSON）",
  },
  "program.open.locale": {
    name: "言語",
    description: "全員の表示言語を固定する（チャンネル名にも使います）",
  },
  "program.open.locale.ja": { name: "日本語" },
  "program.open.locale.en": { name: "英語" },
  "program.roster": {
    name: "参加者一覧",
    description: "インターンの段階とプロジェクトの一覧（運営・メンター）",
  },
  "program.roster.stage": { name: "段階", description: "この段階の人だけ" },
  "program.roster.page": { name: "ページ", description: "ページ番号（1 から）" },
  "program.roster.stage.applied": { name: "応募" },
  "program.roster.stage.onboarded": { name: "参加登録済み" },
  "program.roster.stage.working": { name: "取り組み中" },
  "program.roster.stage.submitted": { name: "提出済み" },
  "program.roster.stage.presented": { name: "発表済み" },
  "program.roster.stage.completed": { name: "修了" },
  "program.roster.stage.withdrawn": { name: "辞退" },
  "program.status": {
    name: "状況",
    description: "日程、マイルストーン、ワークスペース、参加者の段階を表示します",
  },
  "program.close": { name: "終了", description: "プログラムを終了し、チャンネルを読み取り専用にします" },
  "program.export": { name: "書き出し", description: "プログラムのデータを JSON と CSV で書き出します" },
  "program.delete": { name: "削除", description: "ボットが作成したものとプログラムの記録を削除します" },
  "program.template": { name: "テンプレート", description: "ワークスペースのテンプレート" },
  "program.template.export": {
    name: "書き出し",
    description: "いまのテンプレートを YAML ファイルで受け取ります",
  },
  "program.milestone": { name: "マイルストーン", description: "プログラムの日程（マイルストーン）" },
  "program.milestone.set": {
    name: "変更",
    description: "マイルストーンを 1 つ別の日時に移し、お知らせを予約し直します",
  },
  "program.milestone.set.kind": { name: "種類", description: "動かすマイルストーン" },
  "program.milestone.set.kind.kickoff": { name: "キックオフ" },
  "program.milestone.set.kind.midpoint": { name: "中間レビュー" },
  "program.milestone.set.kind.submission_deadline": { name: "提出締切" },
  "program.milestone.set.kind.presentation": { name: "成果発表会" },
  "program.milestone.set.kind.debrief": { name: "振り返り" },
  "program.milestone.set.at": {
    name: "日時",
    description: "新しい日時（YYYY-MM-DD HH:mm、プログラムのタイムゾーン）",
  },
  "program.staff": { name: "スタッフ", description: "運営とメンター（追加・解除・一覧）" },
  "program.staff.add": {
    name: "追加",
    description: "運営かメンターを登録し、そのロールを付けます",
  },
  "program.staff.add.user": { name: "ユーザー", description: "登録する人" },
  "program.staff.add.role": { name: "役割", description: "運営かメンターか" },
  "program.staff.add.role.mentor": { name: "メンター" },
  "program.staff.add.role.organiser": { name: "運営" },
  "program.staff.remove": {
    name: "解除",
    description: "運営かメンターの役割とロールを外します",
  },
  "program.staff.remove.user": { name: "ユーザー", description: "外す人" },
  "program.staff.remove.role": { name: "役割", description: "外す役割" },
  "program.staff.remove.role.mentor": { name: "メンター" },
  "program.staff.remove.role.organiser": { name: "運営" },
  "program.staff.list": { name: "一覧", description: "運営・メンター・支援機関の担当者の一覧" },
  "program.settings": {
    name: "設定",
    description: "課題の自己選択と交換期間を表示・変更します",
  },
  "program.settings.self-service": {
    name: "自己選択",
    description: "課題のないインターンが /project claim で自分で課題を選べるようにする",
  },
  "program.settings.help-escalate-hours": {
    name: "質問エスカレーション時間",
    description: "スタッフの返信がない質問をスタッフチャンネルに知らせるまでの時間（1〜72）",
  },
  "program.settings.swap-window-days": {
    name: "交換期間",
    description: "割り当てから何日間、課題を一度だけ交換できるか（0〜30、0 で交換なし）",
  },
} as const;
