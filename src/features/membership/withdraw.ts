/** `/withdraw`: an intern leaves the programme; their project goes back to the pool. */
import type { Allocation } from "../../domain/allocation/records.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { UserError } from "../errors.ts";

/** The store behind withdrawal (src/db/stores/membership.ts). */
export interface WithdrawStore {
  programme(programmeId: string): Promise<Programme | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  /** Releases the live allocation (if any) and moves the intern to `withdrawn`, audited, in one transaction. */
  withdraw(input: {
    guildId: string;
    programmeId: string;
    memberId: string;
    actorUserId: string;
    at: Date;
  }): Promise<Allocation | null>;
}

export interface WithdrawPorts {
  store: WithdrawStore;
  now: () => Date;
}

export function withdrawUseCases(ports: WithdrawPorts) {
  const { store } = ports;

  async function internOrRefuse(programmeId: string | null, userId: string) {
    const programme = programmeId === null ? null : await store.programme(programmeId);
    if (programme === null) throw new UserError("error.access.noProgramme");
    const member = await store.member(programme.id, userId);
    if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
    if (member.stage === "withdrawn") throw new UserError("withdraw.already");
    return { programme, member };
  }

  return {
    /** May the caller withdraw from the server's current programme? Returns that programme's id. */
    async check(caller: { programmeId: string | null; userId: string }): Promise<{ programmeId: string }> {
      const { programme } = await internOrRefuse(caller.programmeId, caller.userId);
      return { programmeId: programme.id };
    },

    /**
     * Withdraws the caller from `programmeId`, the programme the confirmation was made for; a
     * confirmation from another (earlier) programme changes nothing.
     */
    async withdraw(caller: { programmeId: string | null; userId: string }, programmeId: string) {
      if (caller.programmeId !== programmeId) throw new UserError("error.customId.stale");
      const { programme, member } = await internOrRefuse(programmeId, caller.userId);
      const released = await store.withdraw({
        guildId: programme.guildId,
        programmeId: programme.id,
        memberId: member.id,
        actorUserId: caller.userId,
        at: ports.now(),
      });
      return { releasedAllocationId: released?.id ?? null };
    },
  };
}

export type WithdrawUseCases = ReturnType<typeof withdrawUseCases>;
