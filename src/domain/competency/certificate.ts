/** The certificate's serial and the hash that `/certificate verify` checks. */
import { createHash } from "node:crypto";

const SERIAL = /^TKN-(\d{4})-(\d{6})$/;

/** `TKN-<year>-<6 digits>`; `random` gives an integer in [0, 1e6). */
export function makeSerial(year: number, random: () => number): string {
  return `TKN-${year}-${String(random() % 1_000_000).padStart(6, "0")}`;
}

export function isSerial(value: string): boolean {
  return SERIAL.test(value);
}

/** The facts a certificate states. Its hash is over their canonical JSON. */
export interface CertificateFacts {
  kind: "completion" | "participation";
  serial: string;
  locale: "ja" | "en";
  programme: string;
  startsOn: string;
  endsOn: string;
  intern: string;
  project: string | null;
  activeDays: number;
  reports: number;
  submissions: number;
  presentedOn: string | null;
  /** Mean self score per phase and mentors' after, one decimal; null when not rated. */
  change: {
    selfBefore: number | null;
    selfDuring: number | null;
    selfAfter: number | null;
    mentorAfter: number | null;
  };
  mentorComment: string | null;
  issuedOn: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function certificateHash(facts: CertificateFacts): string {
  return createHash("sha256").update(canonical(facts)).digest("hex");
}
