/** What the competency sheet, its chart and the certificate need from the outside world. */
import type { CertificateFacts } from "../../domain/competency/certificate.ts";
import type { Assessor, CompetencyElementKey, Phase, Ratings } from "../../domain/competency/elements.ts";
import type { Locale, MilestoneKind } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";

/** One sheet: its scores (the `CompetencyScore` rows) and comment; `submittedAt` null while a draft. */
export interface SheetRecord {
  id: string;
  memberId: string;
  phase: Phase;
  assessor: Assessor;
  ratings: Ratings;
  comment: string | null;
  submittedAt: Date | null;
  /** Discord user id of the mentor who last edited a mentors' sheet. */
  assessedByUserId: string | null;
}

/** Who acted, where and when (the store audits each write with it). */
export interface CompetencyActor {
  guildId: string;
  programmeId: string;
  actorUserId: string;
  at: Date;
}

export interface SheetKey {
  memberId: string;
  phase: Phase;
  assessor: Assessor;
}

/** What the certificate states besides the competency change, read from the database. */
export interface ParticipationFacts {
  /** The onboarding profile's display name, if any. */
  displayName: string | null;
  projectTitle: { ja: string; en: string | null } | null;
  activeDays: number;
  reports: number;
  submissions: number;
  presentedAt: Date | null;
}

export interface CertificateRecord {
  serial: string;
  locale: Locale;
  contentHash: string;
  issuedAt: Date;
  revokedAt: Date | null;
  internUserId: string;
  programmeName: string;
}

/** The store behind the competency flows (src/db/stores/competency.ts). */
export interface CompetencyStore {
  programme(programmeId: string): Promise<Programme | null>;
  milestones(programmeId: string): Promise<{ kind: MilestoneKind; at: Date }[]>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  memberById(memberId: string): Promise<Member | null>;
  sheet(key: SheetKey): Promise<SheetRecord | null>;
  /** Every sheet of the member (any phase and assessor). */
  sheets(memberId: string): Promise<SheetRecord[]>;
  /**
   * Creates the sheet if needed and sets one score and/or the comment, audited, in one
   * transaction. A mentors' sheet records `assessedById`.
   */
  saveDraft(
    actor: CompetencyActor,
    input: SheetKey & {
      assessedById: string | null;
      score?: { element: CompetencyElementKey; value: number };
      comment?: string | null;
    },
  ): Promise<SheetRecord>;
  /** Marks the sheet submitted, audited. */
  submit(actor: CompetencyActor, sheetId: string): Promise<void>;
  participation(memberId: string): Promise<ParticipationFacts>;
  /** Stores a certificate, audited; false when the serial is taken (the caller draws another). */
  issueCertificate(
    actor: CompetencyActor,
    input: { memberId: string; serial: string; locale: Locale; contentHash: string; issuedAt: Date },
  ): Promise<boolean>;
  /** The certificate with this serial issued in a programme of `guildId`. */
  certificate(serial: string, guildId: string): Promise<CertificateRecord | null>;
}

/** One line of the chart: a name and a score per element (null where not rated). */
export interface ChartSeries {
  kind: "selfBefore" | "selfDuring" | "selfAfter" | "mentorAfter";
  label: string;
  values: (number | null)[];
}

/** What the radar chart draws, already in the viewer's language. */
export interface ChartSpec {
  title: string;
  labels: string[];
  series: ChartSeries[];
}

/** Draws the radar chart as a PNG (src/discord/competency/chart.ts). */
export type ChartRenderer = (spec: ChartSpec) => Promise<Buffer>;

/** Lays out the certificate PDF (src/discord/competency/certificate-pdf.ts). */
export type CertificateRenderer = (input: {
  facts: CertificateFacts;
  hash: string;
  chart: Buffer;
  table: { label: string; values: (number | null)[] }[];
}) => Promise<Buffer>;

export type { CertificateFacts };
