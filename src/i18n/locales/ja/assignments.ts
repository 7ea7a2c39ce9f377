/**
 * Japanese messages and command texts of the assignment library, allocation and the intern's
 * project (`/assignments`, `/project`, `/withdraw`). Spread into `ja` and `jaCommands`.
 */
export const jaAssignmentMessages = {
  "library.issue.line": "{file} {line} 行目",
  "library.issue.field": "（項目 `{field}`）",
  "library.issue.syntax": "ファイルの書式が正しくありません: {detail}",
  "library.issue.csv_quote": 'CSV の引用符（"）が閉じられていません。',
  "library.issue.front_matter_missing":
    "Markdown の先頭に `---` で囲んだ項目（フロントマター）がありません。",
  "library.issue.not_a_list": "課題のリスト（または `assignments:` のリスト）がありません。",
  "library.issue.unsupported_file":
    "このファイル形式は読み込めません。Markdown（.md）、YAML、JSON、CSV、または zip か tar（.tar、.tar.gz）の圧縮ファイルを使ってください。",
  "library.issue.archive_invalid": "圧縮ファイルを開けませんでした。壊れているか、zip / tar ではありません。",
  "library.issue.archive_truncated":
    "圧縮ファイルが途中で切れています。もう一度まとめ直すか、アップロードし直してください。",
  "library.issue.archive_too_large": "圧縮ファイルの展開後のサイズまたはファイル数が上限を超えています。",
  "library.issue.archive_unsafe_path":
    "圧縮ファイルにフォルダーの外を指すパス（絶対パスや `..`）が含まれています: {detail}",
  "library.issue.required": "必須の項目がありません。",
  "library.issue.invalid_value": "値が正しくありません。",
  "library.issue.got": "（指定された値: {detail}）",
  "library.issue.invalid_level": "レベルは 1〜5 の整数で指定してください（指定された値: {detail}）。",
  "library.issue.invalid_status":
    "状態は `retired`（採用で使用終了）か `active-in-recruitment`（採用で使用中）で指定してください。",
  "library.issue.invalid_url": "URL が正しくありません（http または https）。",
  "library.issue.too_long": "長すぎます。",
  "library.issue.unknown_field": "知らない項目です。綴りを確認してください。",
  "library.issue.duplicate_id": "同じ ID がこの取り込みの中で重複しています: {detail}",
  "library.issue.empty": "取り込む課題がありません。",
  "library.issue.encoding_invalid":
    "文字コード {detail} として読めない文字が含まれているため、取り込みませんでした。UTF-8 で保存し直して（Excel では「CSV UTF-8（コンマ区切り）」）、もう一度取り込んでください。",
  "library.hint.id":
    "ID は英数字で始まり、英数字・`.`・`_`・`-` だけを使った 80 文字までの文字列です（パターン `^[A-Za-z0-9][A-Za-z0-9._-]*$`、例: `2026-spring-todo-api`）。",
  "library.hint.title_ja": "日本語のタイトルを 200 文字までで書いてください（例: `ToDo アプリの API`）。",
  "library.hint.title_en":
    "英語のタイトルを 200 文字までで書いてください（例: `To-do app API`）。省略できます。",
  "library.hint.brief":
    "課題の説明を 8,000 文字までで書いてください。長い資料はリンク（`links`）にしてください。",
  "library.hint.skills":
    "スキルを `;` で区切って並べてください（1 つ 80 文字まで、30 個まで。例: `TypeScript; SQL`）。",
  "library.hint.tags":
    "タグを `;` で区切って並べてください（1 つ 80 文字まで、30 個まで。例: `web; backend`）。",
  "library.hint.level": "1（やさしい）〜 5（難しい）の整数です（例: `3`）。",
  "library.hint.estimated_hours": "見込み時間を 1〜2000 の整数（時間）で書いてください（例: `40`）。",
  "library.hint.origin_round":
    "どの回の採用で使ったかを 120 文字までで書いてください（例: `2025 秋`）。省略できます。",
  "library.hint.status": "`retired` か `active-in-recruitment` です。省略すると `retired` になります。",
  "library.hint.links":
    "`ラベル|https://…` または URL を `;` で区切って並べてください（例: `仕様|https://example.com/spec`）。",
  "library.hint.attachments":
    "`ファイル名|https://…` または URL を `;` で区切って並べてください（例: `data.zip|https://example.com/data.zip`）。",
  "library.hint.unknown":
    "使える項目: `id`, `title_ja`, `title_en`, `brief`, `skills`, `tags`, `level`, `estimated_hours`, `origin_round`, `status`, `links`, `attachments`。CSV の区切りはコンマ・セミコロン・タブのどれかです。",
  "library.import.failed":
    "❌ 取り込みませんでした（{count} 件の問題があります。何も登録されていません）。\n{issues}",
  "library.import.dryRun":
    "{count} 件の課題に問題はありません（試しに読んだだけで、何も書き込んでいません）。",
  "library.import.more": "…ほか {count} 件",
  "library.import.done":
    "✅ 課題ライブラリを取り込みました: 新規 {created} 件、新しい版 {updated} 件、変更なし {unchanged} 件。",
  "library.import.tooLarge":
    "❌ ファイルが大きすぎます（{size} MB）。上限は {limit} MB です。何も取り込んでいません。",
  "library.import.downloadFailed": "❌ 添付ファイルを取得できませんでした。もう一度お試しください。",

  "allocation.reason.level_match": "レベルがちょうど合っています（あなた {internLevel} / 課題 {level}）",
  "allocation.reason.level_stretch": "少し挑戦的なレベルです（あなた {internLevel} / 課題 {level}）",
  "allocation.reason.level_too_hard": "レベルが高めです（あなた {internLevel} / 課題 {level}）",
  "allocation.reason.level_easy": "少しやさしめのレベルです（あなた {internLevel} / 課題 {level}）",
  "allocation.reason.level_too_easy": "かなりやさしいレベルです（あなた {internLevel} / 課題 {level}）",
  "allocation.reason.skills_none_required": "特別なスキルは不要です",
  "allocation.reason.skill_match": "スキル「{skill}」があります（レベル {internLevel}）",
  "allocation.reason.skill_missing": "スキル「{skill}」はこれから学べます",
  "allocation.reason.interests_unknown": "興味の登録がありません",
  "allocation.reason.interest_match": "興味「{interest}」に合っています",
  "allocation.reason.interest_none": "興味との重なりはありません",
  "allocation.reason.hours_unknown": "使える時間の登録がありません",
  "allocation.reason.hours_light":
    "時間に余裕があります（見積 {estimated} 時間 / 使える時間 {available} 時間）",
  "allocation.reason.hours_fit":
    "時間がちょうど合います（見積 {estimated} 時間 / 使える時間 {available} 時間）",
  "allocation.reason.hours_tight":
    "時間が少しきついです（見積 {estimated} 時間 / 使える時間 {available} 時間）",
  "allocation.reason.hours_over":
    "時間が足りないかもしれません（見積 {estimated} 時間 / 使える時間 {available} 時間）",
  "allocation.reason.preferred": "第 {rank} 希望です",
  "allocation.about.level_match": "レベルがちょうど合っています（本人 {internLevel} / 課題 {level}）",
  "allocation.about.level_stretch": "本人には少し挑戦的なレベルです（本人 {internLevel} / 課題 {level}）",
  "allocation.about.level_too_hard": "本人にはレベルが高めです（本人 {internLevel} / 課題 {level}）",
  "allocation.about.level_easy": "本人のレベルより少しやさしめです（本人 {internLevel} / 課題 {level}）",
  "allocation.about.level_too_easy":
    "本人のレベルよりかなりやさしいです（本人 {internLevel} / 課題 {level}）",
  "allocation.about.skills_none_required": "特別なスキルは不要です",
  "allocation.about.skill_match": "本人はスキル「{skill}」を持っています（レベル {internLevel}）",
  "allocation.about.skill_missing": "本人はスキル「{skill}」をまだ持っていません",
  "allocation.about.interests_unknown": "本人は興味を登録していません",
  "allocation.about.interest_match": "本人の興味「{interest}」に合っています",
  "allocation.about.interest_none": "本人の興味との重なりはありません",
  "allocation.about.hours_unknown": "本人は使える時間を登録していません",
  "allocation.about.hours_light":
    "本人の時間に余裕があります（見積 {estimated} 時間 / 本人が使える時間 {available} 時間）",
  "allocation.about.hours_fit":
    "本人の時間にちょうど合います（見積 {estimated} 時間 / 本人が使える時間 {available} 時間）",
  "allocation.about.hours_tight":
    "本人の時間には少しきついです（見積 {estimated} 時間 / 本人が使える時間 {available} 時間）",
  "allocation.about.hours_over":
    "本人の時間では足りないかもしれません（見積 {estimated} 時間 / 本人が使える時間 {available} 時間）",
  "allocation.about.preferred": "本人の第 {rank} 希望です",
  "allocation.unallocated.no_eligible_assignment": "割り当てられる課題がありません（すべて対象外）",
  "allocation.unallocated.assignments_exhausted": "課題が足りません",

  "assignments.allocate.title": "一括割り当てのプレビュー",
  "assignments.allocate.summary": "対象 {interns} 人 / 割り当て {allocated} 人 / 合計スコア {total}",
  "assignments.allocate.quality": "最適解との比較: {percent}%（最適解の合計 {optimum}）",
  "assignments.allocate.qualityUnknown": "規模が大きいため最適解との比較は省略しました。",
  "assignments.allocate.pair": "<@{user}> → **{title}**（スコア {score}）\n{reasons}",
  "assignments.allocate.unallocated": "<@{user}>：{reason}",
  "assignments.allocate.more": "…ほか {count} 人",
  "assignments.allocate.page": "{from}〜{to} 人目 / 全 {total} 行（{page}/{pages} ページ）",
  "assignments.allocate.previous": "前へ",
  "assignments.allocate.next": "次へ",
  "assignments.allocate.confirmCount": "この {count} 件の割り当てを確定する",
  "assignments.allocate.csv": "プレビュー全体を CSV で添付しました。",
  "assignments.allocate.csvUnallocated": "割り当てなし",
  "assignments.allocate.nobody": "割り当てを待っている参加者（参加手続き済み）はいません。",
  "assignments.allocate.confirm": "この内容で確定",
  "assignments.allocate.applied":
    "✅ {count} 人に課題を割り当てました。各自のプロジェクトスレッドに課題を投稿しました。",
  "assignments.allocate.noThread": "プロジェクトスレッドがないため投稿できなかった参加者: {users}",
  "assignments.allocate.stale":
    "プレビューの後に状況が変わったため（参加者や課題、割り当ての変更）、確定しませんでした。もう一度 `/assignments allocate` を実行してください。",
  "assignments.allocate.alreadyApplied": "このプレビューはすでに確定済みです。",
  "assignments.allocate.unknownPreview":
    "このプレビューは見つかりません。もう一度 `/assignments allocate` を実行してください。",

  "assignments.brief.title": "📘 あなたのプロジェクト: {title}",
  "assignments.brief.intro":
    "<@{user}> さん、あなたのプロジェクトが決まりました。まずは概要を読んでみてください。",
  "assignments.brief.level": "レベル",
  "assignments.brief.hours": "見積時間",
  "assignments.brief.hoursValue": "{hours} 時間",
  "assignments.brief.skills": "スキル",
  "assignments.brief.links": "リンク",
  "assignments.brief.attachments": "添付資料",
  "assignments.brief.none": "なし",
  "assignments.brief.swapHint": "合わないと感じたら、{until} までに一度だけ `/project swap` で交換できます。",

  "assignments.give.done":
    "✅ <@{user}> さんに「{title}」を割り当て、プロジェクトのスレッドに課題を投稿しました。",
  "assignments.give.noThread":
    "✅ <@{user}> さんに「{title}」を割り当てました（プロジェクトのスレッドがないため課題は投稿していません）。",
  "assignments.give.notIntern": "<@{user}> さんはこのプログラムのインターン参加者ではありません。",
  "assignments.give.hasOne":
    "<@{user}> さんにはすでに課題があります。先に `/assignments release` で解除してください。",
  "assignments.give.notOnboarded":
    "<@{user}> さんはまだ参加登録を終えていないか、参加をやめています。参加登録が済んだ人にだけ割り当てられます。",
  "assignments.give.refused.not_retired":
    "課題 `{key}` は採用で使用中（または使用終了になっていない）ため、<@{user}> さんに割り当てられません。",
  "assignments.give.refused.excluded":
    "課題 `{key}` はこのプログラムでは対象外にされています（`/assignments exclude`）。<@{user}> さんには割り当てていません。",
  "assignments.give.refused.reserved": "課題 `{key}` は予約されています。",
  "assignments.give.refused.previously_had":
    "<@{user}> さんは以前のプログラムで課題 `{key}` を受けています。同じ課題は割り当てられません。",
  "assignments.give.refused.taken":
    "課題 `{key}` はこのプログラムで別の参加者にすでに割り当てられています。<@{user}> さんには割り当てていません。",
  "assignments.give.stale":
    "<@{user}> さんへの割り当ての途中で状況が変わったため、何も割り当てませんでした。もう一度お試しください。",
  "assignments.release.done":
    "<@{user}> さんの課題「{title}」を解除し、課題の一覧に戻しました（履歴は残ります）。",
  "assignments.release.none": "<@{user}> さんには現在割り当てられた課題がありません。",
  "assignments.release.notMember": "<@{user}> さんはこのプログラムの参加者ではありません。",

  "assignments.list.title": "課題ライブラリ（{from}〜{to} / {total} 件）",
  "assignments.list.empty": "条件に合う課題はありません。",
  "assignments.list.line": "`{key}` v{version} **{title}** — レベル {level}、{hours} 時間、{status}{flags}",
  "assignments.list.previous": "前へ",
  "assignments.list.next": "次へ",
  "assignments.status.retired": "使用終了（再利用可）",
  "assignments.status.active_in_recruitment": "採用で使用中（非公開）",
  "assignments.flag.excluded": "除外",
  "assignments.flag.reserved": "確保",
  "assignments.flag.allocated": "割り当て済み",

  "assignments.show.notFound": "その課題はライブラリにありません。",
  "assignments.show.versions": "版",
  "assignments.show.version": "v{version}（{at}）",
  "assignments.show.history": "利用履歴",
  "assignments.show.historyLine": "{programme}：<@{user}> v{version}（{at}） {released}",
  "assignments.show.released": "（解除: {reason}）",
  "assignments.show.noHistory": "まだ誰にも割り当てられていません。",
  "assignments.show.origin": "出題元",
  "assignments.show.status": "状態",
  "assignments.flags.set": "課題「{title}」: 除外 {excluded}、確保 {reserved}",
  "assignments.flags.on": "はい",
  "assignments.flags.off": "いいえ",
  "assignments.releaseReason.withdrawn": "辞退",
  "assignments.releaseReason.swapped": "交換",
  "assignments.releaseReason.released_by_organiser": "運営が解除",

  "project.view.none": "まだ課題は割り当てられていません。割り当てをお待ちください。",
  "project.view.noneSelfService": "まだ課題はありません。`/project claim` で自分に合う課題を選べます。",
  "project.notIntern": "このプログラムにインターンとして参加していません。",
  "project.withdrawn":
    "このプログラムは辞退済みです。また参加したい場合は、遠慮なく運営に声をかけてください。",
  "project.preferences.saved": "希望を保存しました: {list}",
  "project.preferences.unknown": "「{value}」という課題は見つかりませんでした。候補から選んでください。",
  "project.preferences.duplicate": "同じ課題を 2 回選んでいます。別々の課題を選んでください。",
  "project.preferences.notOpen": "「{title}」はこのプログラムでは選べません。",
  "project.claim.disabled": "このプログラムでは、課題は運営が割り当てます。割り当てをお待ちください。",
  "project.claim.already": "すでに課題「{title}」に取り組んでいます。`/project view` で確認できます。",
  "project.claim.title": "あなたに合いそうな課題",
  "project.claim.candidate": "**{n}. {title}**（レベル {level}、{hours} 時間、スコア {score}）\n{reasons}",
  "project.claim.button": "{n} を選ぶ",
  "project.claim.noneLeft": "いま選べる課題が残っていません。運営に声をかけてください。",
  "project.claim.done":
    "🎉 課題「{title}」があなたのプロジェクトになりました。プロジェクトスレッドに概要を投稿しました。",
  "project.claim.taken": "ひと足違いで「{title}」は別の人に決まりました。次の候補はこちらです。",
  "project.claim.takenNoMore":
    "ひと足違いで「{title}」は別の人に決まりました。いま選べる課題は残っていません。",
  "project.swap.none": "交換するには、まず課題が割り当てられている必要があります。",
  "project.swap.used":
    "交換はすでに一度使いました。困っていることがあれば、メンターや運営に相談してください。",
  "project.swap.off":
    "このプログラムでは課題の交換はできません。困っていることがあれば、メンターや運営に相談してください。",
  "project.swap.closed":
    "交換できる期間（割り当てから {days} 日間）は終わりました。困っていることがあれば、メンターや運営に相談してください。",
  "project.swap.title": "交換先の候補（期限 {until}）",
  "project.swap.done":
    "🔁 課題を「{from}」から「{to}」に交換しました。プロジェクトスレッドに新しい概要を投稿しました。",
  "project.swap.noneLeft": "いま交換できる課題が残っていません。運営に相談してください。",
  "project.swap.changed":
    "この候補を表示したあとで、あなたの課題が「{title}」に変わりました。交換はしていません。交換する場合は、もう一度選んでください（期限 {until}）。",
  "project.swap.changedNoneLeft":
    "この候補を表示したあとで、あなたの課題が「{title}」に変わりました。交換はしていません。いま交換できる課題は残っていません。",

  "withdraw.confirm":
    "合わないと感じたら、やめることも大切な選択です。ここまで取り組んでくれてありがとうございました。\n\n辞退すると、課題はほかの人のために一覧に戻り、このプログラムでの参加は終わります（記録は残ります）。本当に辞退しますか？",
  "withdraw.yes": "辞退する",
  "withdraw.no": "続ける",
  "withdraw.done":
    "辞退を受け付けました。参加してくれて本当にありがとうございました。体調を大切にしてください。またいつでも声をかけてください。",
  "withdraw.kept": "続けることにしましたね。困ったときはメンターや運営にいつでも相談してください。",
  "withdraw.already": "すでに辞退の手続きは済んでいます。",
} as const;

export const jaAssignmentCommands = {
  assignments: { name: "課題", description: "課題ライブラリと割り当て（運営向け）" },
  "assignments.import": {
    name: "取り込み",
    description: "課題ライブラリを取り込みます（Markdown/YAML/JSON/CSV/zip/tar）",
  },
  "assignments.import.file": {
    name: "ファイル",
    description: "課題ファイル（.md .yaml .json .csv .zip .tar.gz）",
  },
  "assignments.allocate": {
    name: "一括割り当て",
    description: "参加者全員に課題を割り当てます（確定前にプレビュー）",
  },
  "assignments.give": {
    name: "手動割り当て",
    description: "参加者に課題を手で割り当てます（予約中の課題も可）",
  },
  "assignments.give.user": { name: "参加者", description: "課題を割り当てるインターン" },
  "assignments.give.assignment": { name: "課題", description: "割り当てる課題（タイトルで検索）" },
  "assignments.release": { name: "解除", description: "参加者の課題を解除して一覧に戻します" },
  "assignments.release.user": { name: "参加者", description: "課題を解除する参加者" },
  "assignments.list": { name: "一覧", description: "課題ライブラリの一覧" },
  "assignments.list.status": { name: "状態", description: "状態で絞り込む" },
  "assignments.list.status.retired": { name: "使用終了（再利用可）" },
  "assignments.list.status.active_in_recruitment": { name: "採用で使用中" },
  "assignments.list.level": { name: "レベル", description: "レベル（1〜5）で絞り込む" },
  "assignments.list.skill": { name: "スキル", description: "スキルで絞り込む" },
  "assignments.show": { name: "詳細", description: "課題の詳細と利用履歴" },
  "assignments.show.assignment": { name: "課題", description: "課題（タイトルで検索）" },
  "assignments.exclude": { name: "除外", description: "このプログラムで課題を使わないようにします" },
  "assignments.exclude.assignment": { name: "課題", description: "課題（タイトルで検索）" },
  "assignments.exclude.excluded": { name: "除外する", description: "除外するかどうか" },
  "assignments.reserve": { name: "確保", description: "課題を手動割り当て用に確保します" },
  "assignments.reserve.assignment": { name: "課題", description: "課題（タイトルで検索）" },
  "assignments.reserve.reserved": { name: "確保する", description: "確保するかどうか" },
  project: { name: "プロジェクト", description: "自分のプロジェクト（課題）" },
  "project.view": { name: "表示", description: "自分の課題を表示します" },
  "project.preferences": { name: "希望", description: "やってみたい課題を 3 つまで順に選びます" },
  "project.preferences.first": { name: "第1希望", description: "いちばんやってみたい課題" },
  "project.preferences.second": { name: "第2希望", description: "2 番目にやってみたい課題" },
  "project.preferences.third": { name: "第3希望", description: "3 番目にやってみたい課題" },
  "project.claim": { name: "選ぶ", description: "自分に合う課題を選びます" },
  "project.swap": { name: "交換", description: "課題を一度だけ交換します（最初の数日間）" },
  withdraw: { name: "辞退", description: "プログラムを辞退します（確認があります）" },
} as const;
