/**
 * `/certificate get|verify` (issue 15 item 6): after the debrief an intern gets a PDF stating
 * the programme, its dates, their project, activity, presentation date and competency change,
 * with a serial `TKN-<year>-<6>` whose content hash is stored; a withdrawn intern gets a
 * participation record. Anyone in the server can check a serial.
 */
import {
  type CertificateFacts,
  certificateHash,
  isSerial,
  makeSerial,
} from "../../domain/competency/certificate.ts";
import { COMPETENCY_ELEMENTS, elementLabel } from "../../domain/competency/elements.ts";
import { milestoneDates } from "../../domain/competency/windows.ts";
import type { Locale } from "../../domain/enums.ts";
import { localDay } from "../../domain/programme/dates.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { t } from "../../i18n/translate.ts";
import { UserError } from "../errors.ts";
import { type CompetencyCaller, type CompetencyUseCases, seriesMeans } from "./competency.ts";
import type { CertificateRecord, CertificateRenderer, CompetencyStore } from "./ports.ts";

export interface CertificatePorts {
  store: CompetencyStore;
  competency: Pick<CompetencyUseCases, "change" | "chart" | "chartSpec">;
  render: CertificateRenderer;
  now: () => Date;
  /** An integer in [0, 1e6) for the serial. */
  random: () => number;
}

export interface IssuedCertificate {
  serial: string;
  kind: CertificateFacts["kind"];
  hash: string;
  pdf: Buffer;
}

const SERIAL_ATTEMPTS = 5;

export function certificateUseCases(ports: CertificatePorts) {
  const { store } = ports;

  return {
    async get(
      caller: CompetencyCaller,
      input: { locale: Locale; displayName: string },
    ): Promise<IssuedCertificate> {
      const programme = caller.programmeId === null ? null : await store.programme(caller.programmeId);
      if (programme === null) throw new UserError("error.access.noProgramme");
      const me = await store.member(programme.id, caller.userId);
      if (me === null || me.stage === null) throw new UserError("competency.error.notIntern");
      const now = ports.now();
      const withdrawn = me.stage === "withdrawn";
      const debrief = milestoneDates(await store.milestones(programme.id)).debrief;
      if (!withdrawn && debrief === undefined) throw new UserError("certificate.error.noDebrief");
      if (!withdrawn && debrief !== undefined && now < debrief) {
        throw new UserError("certificate.error.beforeDebrief", { at: discordTimestamp(debrief, "f") });
      }
      const participation = await store.participation(me.id);
      const change = await ports.competency.change(programme.id, me.id);
      const means = seriesMeans(change);
      const day = (at: Date) => localDay(at, programme.timeZone);
      const title = participation.projectTitle;
      const actor = {
        guildId: caller.guildId,
        programmeId: programme.id,
        actorUserId: caller.userId,
        at: now,
      };
      for (let attempt = 0; attempt < SERIAL_ATTEMPTS; attempt += 1) {
        const serial = makeSerial(Number(day(now).slice(0, 4)), ports.random);
        const facts: CertificateFacts = {
          kind: withdrawn ? "participation" : "completion",
          serial,
          locale: input.locale,
          programme: programme.name,
          startsOn: day(programme.startsAt),
          endsOn: day(programme.endsAt),
          intern: participation.displayName ?? input.displayName,
          project: title === null ? null : input.locale === "en" && title.en ? title.en : title.ja,
          activeDays: participation.activeDays,
          reports: participation.reports,
          submissions: participation.submissions,
          presentedOn: participation.presentedAt === null ? null : day(participation.presentedAt),
          change: {
            selfBefore: means.selfBefore,
            selfDuring: means.selfDuring,
            selfAfter: means.selfAfter,
            mentorAfter: means.mentorAfter,
          },
          mentorComment: change.mentorComment,
          issuedOn: day(now),
        };
        const hash = certificateHash(facts);
        const spec = ports.competency.chartSpec(change, input.locale);
        const table = COMPETENCY_ELEMENTS.map((e, i) => ({
          label: elementLabel(e, input.locale),
          values: (["selfBefore", "selfDuring", "selfAfter", "mentorAfter"] as const).map(
            (k) => spec.series.find((s) => s.kind === k)?.values[i] ?? null,
          ),
        }));
        // Render first: a failed render writes nothing.
        const pdf = await ports.render({
          facts,
          hash,
          chart: await ports.competency.chart(change, input.locale),
          table,
        });
        if (
          await store.issueCertificate(actor, {
            memberId: me.id,
            serial,
            locale: input.locale,
            contentHash: hash,
            issuedAt: now,
          })
        ) {
          return { serial, kind: facts.kind, hash, pdf };
        }
      }
      throw new Error(`no free certificate serial after ${SERIAL_ATTEMPTS} attempts`);
    },

    /** `/certificate verify serial:` — the stored record, or a refusal naming the serial. */
    async verify(caller: CompetencyCaller, serial: string): Promise<CertificateRecord> {
      const normalised = serial.trim().toUpperCase();
      if (!isSerial(normalised)) throw new UserError("certificate.error.badSerial");
      const found = await store.certificate(normalised, caller.guildId);
      if (found === null) throw new UserError("certificate.error.unknownSerial");
      return found;
    },
  };
}

/** The series names of the certificate's table, in `locale`. */
export function tableHeadings(locale: Locale): string[] {
  return [
    t(locale, "certificate.pdf.element"),
    t(locale, "competency.series.selfBefore"),
    t(locale, "competency.series.selfDuring"),
    t(locale, "competency.series.selfAfter"),
    t(locale, "competency.series.mentorAfter"),
  ];
}

export type CertificateUseCases = ReturnType<typeof certificateUseCases>;
