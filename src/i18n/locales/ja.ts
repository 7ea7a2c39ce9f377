/**
 * Japanese messages: the source catalogue. Its keys and placeholders define the types every
 * other language must match (see `TranslationOf`).
 */
import { jaAgencyCommands, jaAgencyMessages } from "./ja/agency.ts";
import { jaAssignmentCommands, jaAssignmentMessages } from "./ja/assignments.ts";
import { jaAttentionCommands, jaAttentionMessages } from "./ja/attention.ts";
import { jaCompetencyCommands, jaCompetencyMessages } from "./ja/competency.ts";
import { jaHelpdeskCommands, jaHelpdeskMessages } from "./ja/helpdesk.ts";
import { onboardingJa, onboardingJaCommands } from "./ja/onboarding.ts";
import { jaOperationsCommands, jaOperationsMessages } from "./ja/operations.ts";
import { jaPresentationCommands, jaPresentationMessages } from "./ja/presentation.ts";
import { jaProgramCommands, jaProgramMessages } from "./ja/program.ts";
import { jaReviewCommands, jaReviewMessages } from "./ja/review.ts";
import { jaSubmissionCommands, jaSubmissionMessages } from "./ja/submissions.ts";
import { jaTeamCommands, jaTeamMessages } from "./ja/team.ts";
export const ja = {
  "about.title": "taiken について",
  "about.version": "バージョン",
  "about.uptime": "起動",
  "about.database": "データベース",
  "about.redis": "Redis",
  "about.status.ok": "✅ 正常",
  "about.status.down": "⚠️ 応答なし",
  "about.programme": "このサーバーのプログラム",
  "about.programme.none": "このサーバーではまだプログラムが開かれていません。",
  "about.programme.summary": "**{name}**（{mode}）\n{starts} 〜 {ends}",
  "about.programme.stages": "参加者の段階",
  "about.programme.stage": "{stage}: {count} 人",
  "about.programme.unavailable": "データベースに接続できないため、いまは表示できません。",

  "value.notSet": "未設定",
  "value.notScored": "未採点",

  "stage.applied": "応募",
  "stage.onboarded": "参加手続き済み",
  "stage.working": "取り組み中",
  "stage.submitted": "提出済み",
  "stage.presented": "発表済み",
  "stage.completed": "修了",
  "stage.withdrawn": "辞退",

  "programme.mode.internship": "インターンシップ",
  "programme.mode.hackathon": "ハッカソン",

  "milestone.announcement": "📣 **{title}**（{kind}）\n{at}（{relative}）",
  "milestone.reminder": "⏰ もうすぐ **{title}**（{kind}）です。\n{at}（{relative}）",
  "milestone.kind.kickoff": "キックオフ",
  "milestone.kind.midpoint": "中間レビュー",
  "milestone.kind.submission_deadline": "提出締切",
  "milestone.kind.presentation": "成果発表会",
  "milestone.kind.debrief": "振り返り",
  "milestone.kind.custom": "お知らせ",

  "error.unexpected":
    "申し訳ありません、こちら側で問題が発生しました。運営にエラー ID `{errorId}` をお伝えください。",
  "error.guildOnly": "このコマンドはサーバー内でのみ使えます。プログラムのサーバーで実行してください。",
  "error.unknownCommand": "このコマンドは現在使えません。少し時間をおいてからお試しください。",
  "error.invalidOption": "「{option}」に入力された値が正しくありません。",
  "error.customId.stale":
    "このボタンは古くなっています。最新のメッセージから、またはコマンドをもう一度実行してお試しください。",
  "error.customId.invalid": "この操作は認識できませんでした。コマンドをもう一度実行してください。",
  "error.access.noProgramme": "このサーバーではまだプログラムが開かれていません。",
  "error.busy":
    "同じ操作がすでに進行中です（少し前のあなた自身の操作かもしれません）。今回は何も変更していません。少し待って結果を確認するか、終わってからもう一度実行してください。",
  "error.access.organiser": "この操作は運営メンバー専用です。",
  "error.access.mentor": "この操作はメンター専用です。",
  "error.access.intern": "この操作はインターン参加者専用です。",
  "error.access.agency": "この操作は支援機関のスタッフ専用です。",
  "error.access.member": "この操作はプログラムの参加者のみ使えます。",
  "error.access.denied": "この操作を行う権限がありません。",
  "error.discord.missingPermissions":
    "この操作に必要な権限がボットにありません。運営にボットのロールの権限を確認してもらってください。",
  "error.discord.missingAccess":
    "ボットがそのチャンネルまたはリソースにアクセスできません。運営にボットの権限を確認してもらってください。",
  "error.discord.unknownChannel": "チャンネルが見つかりません。削除された可能性があります。",
  "error.discord.unknownMessage": "メッセージが見つかりません。削除された可能性があります。",
  "error.discord.unknownRole": "ロールが見つかりません。削除された可能性があります。",
  "error.discord.unknownMember": "そのメンバーはこのサーバーにいません。",
  "error.discord.cannotMessageUser":
    "ダイレクトメッセージを送れませんでした。サーバーメンバーからの DM を許可してください。",
  "error.discord.limitReached":
    "Discord の上限（チャンネルやロールの数など）に達したため、実行できませんでした。",
  "error.discord.rateLimited": "Discord が混み合っています。少し待ってからもう一度お試しください。",
  "error.databaseUnavailable":
    "データベースが一時的に応答していません（再起動中の可能性があります）。何も変更されていないので、途中で止まった処理はありません。1 分ほどしてから同じコマンドをもう一度実行してください。続く場合は運営にエラー ID `{errorId}` をお伝えください。",
  "error.jobsUnavailable":
    "予定を管理するサービスが一時的に応答していません。入力した内容は保存されています。サービスが戻りしだい、予定された処理は自動で設定し直されます。1分ほどしてからもう一度コマンドを実行することもできます。",
  "error.discord.unavailable": "Discord に一時的につながりません。少し待ってからもう一度お試しください。",
  "error.constraint.unique": "同じものがすでに登録されています。",
  "error.constraint.allocationOneLivePerMember": "この参加者にはすでに課題が割り当てられています。",
  "error.constraint.allocationOneLivePerAssignment": "その課題はすでに別の参加者に割り当てられています。",
  "error.constraint.memberPerProgramme": "この人はすでにこのプログラムに参加しています。",
  "error.constraint.programmeName": "同じ名前のプログラムがこのサーバーにすでにあります。",
  "error.constraint.assignmentKey": "同じキーの課題がライブラリにすでにあります。",
  "error.constraint.assignmentVersionContent": "まったく同じ内容の版がすでに登録されています。",
  "error.constraint.preferenceRank": "その順位にはすでに別の課題を選んでいます。",
  "error.constraint.preferenceAssignment": "その課題はすでに希望に入っています。",
  "error.constraint.presentationSlotMember": "この参加者にはすでに発表枠があります。",
  "error.constraint.presentationSlotOrder": "その発表順はすでに埋まっています。",
  "error.constraint.competencyScore": "この項目はこの時期の評価がすでに登録されています。",
  "error.constraint.checkInOnePerMember": "すでにチェックイン中です。",
  "error.constraint.dailyReportPerDay": "その日の日報はすでに提出されています。",
  ...jaAssignmentMessages,
  ...jaProgramMessages,
  ...jaOperationsMessages,
  ...jaSubmissionMessages,
  ...jaAttentionMessages,
  ...jaReviewMessages,
  ...jaCompetencyMessages,
  ...jaPresentationMessages,
  ...jaTeamMessages,
  ...onboardingJa,
  ...jaAgencyMessages,
  ...jaHelpdeskMessages,
} as const;

/**
 * Localised names and descriptions of slash commands, subcommands, options and choices, keyed by
 * their path in the definition: `"taiken"`, `"taiken.about"`, `"program.open.mode"` (an option),
 * `"program.open.mode.hackathon"` (a choice, by its value). Commands, subcommands and options have
 * `{ name, description }`, choices `{ name }`. test/unit/commands checks every definition against
 * these keys and that no key is left unused.
 */
export const jaCommands = {
  taiken: { name: "体験", description: "taiken ボットについて" },
  "taiken.about": { name: "概要", description: "バージョン、稼働状況、このサーバーのプログラムを表示します" },
  ...jaProgramCommands,
  ...onboardingJaCommands,
  ...jaAssignmentCommands,
  ...jaOperationsCommands,
  ...jaSubmissionCommands,
  ...jaAttentionCommands,
  ...jaReviewCommands,
  ...jaCompetencyCommands,
  ...jaPresentationCommands,
  ...jaTeamCommands,
  ...jaAgencyCommands,
  ...jaHelpdeskCommands,
} as const;
