/** The port through which a consent change clears what agencies were sent (src/jobs/agency-revocation.ts). */
export interface ShareRevocations {
  /**
   * Queues, at once, the deletion of the messages posted to agencies about the member and the
   * edit of their digest sections. Idempotent per member and `changedAt`.
   */
  revoke(memberId: string, changedAt: Date | null): Promise<void>;
}
