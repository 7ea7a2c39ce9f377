/** Japanese texts of onboarding, `/profile` and `/agency` (spread into `ja` and `jaCommands`). */
export const onboardingJa = {
  "onboarding.modal.title": "参加登録 (1/3) あなたについて",
  "onboarding.field.displayName": "表示名（ほかの参加者に見える名前）",
  "onboarding.field.displayName.placeholder": "例: 山田 花子",
  "onboarding.field.skills": "スキルとレベル 1〜5（任意）",
  "onboarding.field.skills.placeholder": "例: TypeScript:3, SQL:2（1=はじめて 5=仕事で使える）",
  "onboarding.field.interests": "興味のあること（任意）",
  "onboarding.field.interests.placeholder": "例: 教育, アクセシビリティ, データ分析",
  "onboarding.field.hours": "1週間に使える時間（1〜60）",
  "onboarding.field.hours.placeholder": "例: 10",
  "onboarding.field.notes": "運営に伝えたい配慮（任意）",
  "onboarding.field.notes.placeholder": "例: 午前中は体調が安定しないので、連絡は午後だと助かります",

  "onboarding.problems.intro":
    "入力内容を確認してください（{count} 件）。入力したものは保存してあるので、直したいところだけ変えれば大丈夫です。",
  "onboarding.problem.displayName.required": "・**表示名**: 入力してください。",
  "onboarding.problem.displayName.tooLong": "・**表示名**: {max} 文字以内にしてください。",
  "onboarding.problem.skills.format":
    "・**スキル**: 「{entry}」は「スキル名:レベル」の形で書いてください（例: TypeScript:3）。",
  "onboarding.problem.skills.level": "・**スキル**: 「{entry}」のレベルは 1〜5 の整数にしてください。",
  "onboarding.problem.skills.nameTooLong": "・**スキル**: 「{entry}」の名前は {max} 文字以内にしてください。",
  "onboarding.problem.skills.duplicate": "・**スキル**: 「{entry}」が 2 回入っています。1 つにしてください。",
  "onboarding.problem.skills.tooMany": "・**スキル**: {max} 個までにしてください。",
  "onboarding.problem.interests.tooLong": "・**興味**: 「{entry}」は {max} 文字以内にしてください。",
  "onboarding.problem.interests.tooMany": "・**興味**: {max} 個までにしてください。",
  "onboarding.problem.hours.required": "・**1週間に使える時間**: 数字で入力してください（例: 10）。",
  "onboarding.problem.hours.notWhole":
    "・**1週間に使える時間**: 「{value}」ではなく、整数で入力してください（例: 10）。",
  "onboarding.problem.hours.range": "・**1週間に使える時間**: {min}〜{max} の間で入力してください。",
  "onboarding.problem.accommodationNotes.tooLong": "・**配慮**: {max} 文字以内にしてください。",
  "onboarding.button.fix": "入力を直す",

  "onboarding.choices.title": "参加登録 (2/3) 選んでください",
  "onboarding.choices.body":
    "希望する言語と、必要な配慮があれば選んでください（配慮は選ばなくても大丈夫です）。支援機関を利用している方は、その機関を選べます。選び終わったら「次へ」を押してください。",
  "onboarding.choices.language": "希望する言語",
  "onboarding.choices.accommodations": "必要な配慮（複数可・なしでも可）",
  "onboarding.choices.agency": "利用している支援機関（任意）",
  "onboarding.choices.agency.none": "支援機関は利用していない",
  "onboarding.button.next": "次へ",

  "onboarding.consent.title": "参加登録 (2/3) 支援機関への共有",
  "onboarding.consent.body":
    "**{agency}** のスタッフに、あなたの進み具合（段階、提出の有無、発表日）を見せてもよいですか？\n\n・共有しなくても、参加にはまったく影響しません。\n・配慮の内容は共有しません。\n・あとから `/profile` でいつでも変えられます。",
  "onboarding.consent.yes": "共有する",
  "onboarding.consent.no": "共有しない",

  "onboarding.confirm.title": "参加登録 (3/3) 確認",
  "onboarding.confirm.body": "この内容でよければ「この内容で参加する」を押してください。",
  "onboarding.button.join": "この内容で参加する",
  "onboarding.button.editAbout": "入力を直す",
  "onboarding.button.editChoices": "選択を変える",

  "onboarding.done.title": "ようこそ、{name} さん！",
  "onboarding.done.intro": "参加手続きが完了しました。これからの流れです。",
  "onboarding.done.dates": "📅 期間: {starts} 〜 {ends}",
  "onboarding.done.thread": "📁 あなた専用のプロジェクトスレッド: {thread}（メンターと運営だけが見られます）",
  "onboarding.done.questions": "❓ 質問は {channel} へ。どんな小さなことでも大丈夫です。",
  "onboarding.done.questionsThread": "❓ 質問はプロジェクトスレッドへ。どんな小さなことでも大丈夫です。",
  "onboarding.done.assignment": "🧩 課題が決まったら、プロジェクトスレッドでお知らせします。",
  "onboarding.done.profile": "✏️ プロフィールと共有の設定は `/profile` でいつでも変えられます。",
  "onboarding.done.dmSent": "同じ内容を DM でも送りました。",
  "onboarding.done.dmClosed": "DM が届かない設定のため、この案内はここにだけ表示しています。",

  "onboarding.thread.name": "{name} のプロジェクト",
  "onboarding.thread.welcome":
    "{user} さん、ここはあなた専用のプロジェクトスレッドです。メンターと運営だけが見られます。進み具合の報告や質問に使ってください。",

  "onboarding.already": "参加手続きはもう済んでいます。あなたのプロフィールです。",
  "onboarding.withdrawn":
    "{at} に辞退の手続きがされています。もう一度参加したいときは、運営に相談してください。いつでも歓迎します。",
  "onboarding.staff":
    "あなたはこのプログラムの運営・メンター・支援機関スタッフとして登録されています。参加登録はインターン向けです。",
  "onboarding.notOpen": "このプログラムはまだ参加の受付を始めていません。受付が始まるまでお待ちください。",
  "onboarding.closed": "このプログラムの参加受付は終わっています。",
  "onboarding.staleProgramme":
    "この参加ボタンは以前のプログラムのものです。最新のお知らせにある参加ボタンか `/join` を使ってください。",
  "onboarding.workspaceMissing":
    "参加の記録は保存しましたが、サーバーの準備（{what}）がまだ終わっていません。運営に伝えてください。準備ができたら `/join` をもう一度実行すると続きが行われます。",
  "onboarding.workspace.internRole": "インターンロール",
  "onboarding.workspace.projectsChannel": "プロジェクト用チャンネル",
  "onboarding.workspace.observerRole": "支援機関ロール",

  "profile.title": "{name} さんのプロフィール",
  "profile.field.stage": "段階",
  "profile.field.displayName": "表示名",
  "profile.field.skills": "スキル",
  "profile.field.interests": "興味",
  "profile.field.hours": "1週間に使える時間",
  "profile.field.language": "希望する言語",
  "profile.field.accommodations": "配慮",
  "profile.field.agency": "支援機関",
  "profile.field.consent": "支援機関への共有",
  "profile.field.thread": "プロジェクトスレッド",
  "profile.value.none": "なし",
  "profile.value.hours": "{hours} 時間",
  "profile.value.language.ja": "日本語",
  "profile.value.language.en": "English（英語）",
  "profile.accommodation.textOnlyPresentation": "テキストのみで発表する",
  "profile.accommodation.extendedDeadlines": "締切を延ばしてほしい",
  "profile.accommodation.fewerNotifications": "通知を少なくしてほしい",
  "profile.consent.on": "共有する（{at} に変更）",
  "profile.consent.onPlain": "共有する",
  "profile.consent.off": "共有しない",
  "profile.consent.offSince": "共有しない（{at} に変更）",
  "profile.agencyView": "支援機関向けの表示です。配慮の内容は含みません。",
  "profile.button.edit": "プロフィールを直す",
  "profile.button.choices": "言語・配慮・支援機関",
  "profile.button.consentOn": "共有をオンにする",
  "profile.button.consentOff": "共有をオフにする",
  "profile.choices.title": "言語・配慮・支援機関",
  "profile.choices.body":
    "選ぶとすぐに保存されます。支援機関を変えると、共有の設定はいったんオフになります。",
  "profile.saved": "プロフィールを保存しました。",
  "profile.consent.changedOn": "**{agency}** への共有をオンにしました（{at}）。",
  "profile.consent.changedOff": "**{agency}** への共有をオフにしました（{at}）。",
  "profile.erase.confirm":
    "プロフィールを消しますか？表示名・興味・作業できる時間・言語・配慮事項・リマインダー設定・スキル・途中の回答・課題の希望順位が消え、支援機関への共有も終わります。プログラムの記録として残るもの：参加したこと、ステージ、プロジェクトと課題、提出物・チェックイン・日報、操作の記録。配慮事項は運営・メンターからも見えなくなるので、引き続き必要な場合はご自身で伝えてください。",
  "profile.erase.yes": "プロフィールを消す",
  "profile.erase.no": "消さない",
  "profile.erase.kept": "何も変更していません。プロフィールはそのままです。",
  "profile.erase.done":
    "プロフィールを消しました。プログラムには引き続き参加しています。`/profile edit` でいつでも入力し直せます。",
  "profile.error.notJoined": "まだ参加手続きをしていません。`/join` から始めてください。",
  "profile.error.notVisible": "そのプロフィールは表示できません。",
  "profile.error.noAgency":
    "支援機関が選ばれていないため、共有の設定はありません。`/profile show` の「言語・配慮・支援機関」から選べます。",

  "agency.added": "支援機関「{name}」を登録しました。スタッフは `/agency staff add` で登録できます。",
  "agency.error.exists": "「{name}」という支援機関はすでに登録されています。",
  "agency.error.name": "支援機関の名前を 1〜100 文字で入力してください。",
  "agency.error.unknown": "その支援機関が見つかりません。候補から選んでください。",
  "agency.error.notStaff": "そのユーザーはこのサーバーのメンバーではないか、ボットです。",
  "agency.staff.added": "{user} さんを「{agency}」のスタッフとして登録し、支援機関ロールを付けました。",
  "agency.staff.already": "{user} さんはすでに「{agency}」のスタッフです。ロールも確認しました。",
  "agency.staff.removed":
    "{user} さんを「{agency}」のスタッフから外しました。閲覧権限はただちに終了し、支援機関ロールも外しました。",
  "agency.staff.removedKeepsRole":
    "{user} さんを「{agency}」のスタッフから外しました。このプログラムの別の支援機関のスタッフでもあるため、支援機関ロールは残しています。",
  "agency.staff.error.notStaff": "その人は「{agency}」のスタッフとして登録されていません。",
  "agency.removed":
    "支援機関「{name}」を削除しました。スタッフ {staff} 人の閲覧権限はただちに終了しました。利用者 {clients} 人は支援機関なしでプログラムに残り、共有はオフになりました。",
  "agency.list.title": "支援機関",
  "agency.list.empty": "まだ支援機関が登録されていません。`/agency add` で登録できます。",
  "agency.list.line":
    "**{name}** — スタッフ {staff} 人・利用者 {clients} 人（うち共有に同意 {consenting} 人）",
  "agency.clients.title": "共有に同意している利用者",
  "agency.clients.empty": "共有に同意している利用者はまだいません。",
  "agency.clients.line": "・{name}（{user}）— {stage}",
} as const;

/** Japanese command names and descriptions of `/join`, `/profile` and `/agency`. */
export const onboardingJaCommands = {
  join: { name: "参加", description: "インターンとしてこのプログラムに参加登録します" },
  profile: { name: "プロフィール", description: "プロフィールと支援機関への共有設定" },
  "profile.show": { name: "表示", description: "自分のプロフィールを表示・変更します" },
  "profile.edit": { name: "編集", description: "表示名・スキル・時間などを直します" },
  "profile.consent": { name: "共有設定", description: "支援機関に進み具合を共有するかを変えます" },
  "profile.consent.share": { name: "共有する", description: "共有するなら True、しないなら False" },
  "profile.delete": { name: "削除", description: "プロフィール・配慮事項・途中の回答を消します" },
  "profile.view": {
    name: "閲覧",
    description: "インターンのプロフィールを見ます（運営・メンター・支援機関）",
  },
  "profile.view.user": { name: "ユーザー", description: "プロフィールを見たいインターン" },
  agency: { name: "支援機関", description: "支援機関とそのスタッフ" },
  "agency.add": { name: "登録", description: "支援機関をこのプログラムに登録します（運営）" },
  "agency.add.name": { name: "名前", description: "支援機関の名前" },
  "agency.list": { name: "一覧", description: "登録されている支援機関の一覧（運営・メンター）" },
  "agency.clients": {
    name: "利用者",
    description: "共有に同意している自分の機関の利用者（支援機関スタッフ）",
  },
  "agency.staff": { name: "スタッフ", description: "支援機関のスタッフ" },
  "agency.staff.add": {
    name: "追加",
    description: "支援機関のスタッフを登録し、支援機関ロールを付けます（運営）",
  },
  "agency.staff.add.user": { name: "ユーザー", description: "スタッフとして登録する人" },
  "agency.staff.add.agency": { name: "支援機関", description: "所属する支援機関" },
  "agency.staff.remove": {
    name: "削除",
    description: "支援機関スタッフの閲覧権限をただちに終了します（運営）",
  },
  "agency.staff.remove.user": { name: "ユーザー", description: "外すスタッフ" },
  "agency.staff.remove.agency": { name: "支援機関", description: "所属をやめる支援機関" },
  "agency.remove": {
    name: "削除",
    description: "支援機関を削除します。スタッフは閲覧できなくなり、利用者の共有はオフになります（運営）",
  },
  "agency.remove.agency": { name: "支援機関", description: "削除する支援機関" },
} as const;
