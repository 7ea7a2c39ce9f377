/** Support agencies, as the product sees them. */
import type { InternStage } from "../enums.ts";

export interface Agency {
  id: string;
  guildId: string;
  /** null: registered for every programme of the guild. */
  programmeId: string | null;
  name: string;
  createdAt: Date;
}

/** An agency with how many staff it has and how many clients share their progress with it. */
export interface AgencySummary extends Agency {
  staffCount: number;
  clientCount: number;
  consentingClientCount: number;
}

/** A client an agency's staff may see: an intern who picked the agency and consents. */
export interface AgencyClient {
  memberId: string;
  discordUserId: string;
  agencyId: string;
  displayName: string | null;
  stage: InternStage | null;
  consentChangedAt: Date | null;
}
