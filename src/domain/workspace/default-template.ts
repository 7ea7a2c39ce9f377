import { DEFAULT_TIMELINE } from "../programme/timeline.ts";
import type { WorkspaceTemplate } from "./template.ts";

/**
 * The workspace a full-remote, full-flex company runs on, as a programme's default: a company-wide
 * information area (announcements, handbook), the everyday floor (chat, questions forum, daily
 * reports, presentations stage), each intern's private project thread under `projects`, and the
 * back office (staff room, agency room). Channel ids are the `ResourceKeys.channels` names.
 */
export const DEFAULT_TEMPLATE: WorkspaceTemplate = {
  version: 1,
  roles: {
    organiser: { name: { ja: "運営", en: "Organisers" }, color: 0xe67e22 },
    mentor: { name: { ja: "メンター", en: "Mentors" }, color: 0x3498db },
    intern: { name: { ja: "インターン", en: "Interns" }, color: 0x2ecc71 },
    agencyObserver: { name: { ja: "支援機関", en: "Agency observers" }, color: 0x9b59b6 },
  },
  categories: [
    {
      id: "info",
      name: { ja: "📢 全社", en: "📢 Company" },
      access: "public-read",
      channels: [
        {
          id: "announcements",
          type: "announcement",
          name: { ja: "お知らせ", en: "announcements" },
          topic: {
            ja: "運営からのお知らせ。日程やマイルストーンもここに流れます。",
            en: "News from the organisers. Dates and milestones are announced here.",
          },
          access: "public-read",
        },
        {
          id: "handbook",
          type: "text",
          name: { ja: "はじめに", en: "start-here" },
          topic: {
            ja: "参加方法、ルール、働き方のハンドブック。まずはここから。",
            en: "How to join, the rules and the handbook of how we work. Start here.",
          },
          access: "public-read",
        },
      ],
    },
    {
      id: "work",
      name: { ja: "💬 業務", en: "💬 Work" },
      access: "members",
      channels: [
        {
          id: "chat",
          type: "text",
          name: { ja: "雑談", en: "casual-chat" },
          topic: {
            ja: "業務に関係ない話もどうぞ。リモートでも顔の見える職場に。",
            en: "Off-topic is welcome: a remote office where people know each other.",
          },
          access: "members",
        },
        {
          id: "questions",
          type: "forum",
          name: { ja: "質問", en: "questions" },
          topic: {
            ja: "困ったら気軽に質問を。1 件につき 1 投稿で、メンターが回答します。",
            en: "Stuck? Ask here, one post per question; mentors answer.",
          },
          access: "members",
        },
        {
          id: "daily-reports",
          type: "text",
          name: { ja: "日報", en: "daily-reports" },
          topic: {
            ja: "今日やったこと・困っていること・明日やることを短く。",
            en: "What you did today, what blocks you, what's next: short is fine.",
          },
          access: "members",
        },
        {
          id: "presentations",
          type: "stage",
          name: { ja: "成果発表会", en: "results-presentation" },
          access: "everyone-in-programme",
        },
      ],
    },
    {
      id: "projects",
      name: { ja: "🛠 プロジェクト", en: "🛠 Projects" },
      access: "projects",
      channels: [
        {
          id: "projects",
          type: "text",
          name: { ja: "プロジェクト", en: "projects" },
          topic: {
            ja: "一人ひとりの非公開スレッド。本人・メンター・運営だけが見られます。",
            en: "One private thread per intern, seen only by them, mentors and organisers.",
          },
          access: "projects",
        },
      ],
    },
    {
      id: "back-office",
      name: { ja: "🔒 運営", en: "🔒 Back office" },
      access: "staff",
      channels: [
        {
          id: "staff",
          type: "text",
          name: { ja: "運営室", en: "staff-room" },
          topic: { ja: "運営とメンターだけの部屋。", en: "Organisers and mentors only." },
          access: "staff",
        },
        {
          id: "agency",
          type: "text",
          name: { ja: "支援機関", en: "agency-room" },
          topic: {
            ja: "支援機関の方と運営の連絡用。インターンからは見えません。",
            en: "Organisers and support-agency staff. Interns cannot see this room.",
          },
          access: "agency",
        },
      ],
    },
  ],
  welcome: "handbook",
  timeline: DEFAULT_TIMELINE,
  tags: ["フロントエンド", "バックエンド", "インフラ", "デザイン", "Git", "その他"],
};
