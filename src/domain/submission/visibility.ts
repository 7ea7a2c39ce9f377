/** Who may see an intern's submissions, and how much. */
import { profileView, type Subject, type Viewer } from "../profile/visibility.ts";

/**
 * - `"full"`: versions, files, extension reasons (the intern themself, organisers, mentors);
 * - `"agency"`: versions and files, never extension reasons or review drafts (staff of the
 *   intern's agency, while the intern consents);
 * - `"none"`: nothing, not even whether the intern exists.
 *
 * The same rule as profiles (consent read on every call), so the two can never disagree.
 */
export type SubmissionView = "full" | "agency" | "none";

export function submissionView(viewer: Viewer, subject: Subject): SubmissionView {
  return profileView(viewer, subject);
}
