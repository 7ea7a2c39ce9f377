/**
 * Who presents in which order, and the organisers' changes to it. Every function returns a new
 * array; positions are 1-based.
 */
import type { PresentationFormat, PresentationOrderMethod } from "../enums.ts";
import { seededRandom } from "../random.ts";
import type { SequenceItem } from "./running-order.ts";

/** An intern who will present, with what the ordering methods sort by. */
export interface Presenter {
  memberId: string;
  allocationId: string;
  allocatedAt: Date;
  /** The first version's time; null without one. */
  firstSubmittedAt: Date | null;
  textOnlyPresentation: boolean;
}

const byAllocation = <P extends Presenter>(a: P, b: P) =>
  a.allocatedAt.getTime() - b.allocatedAt.getTime() || a.memberId.localeCompare(b.memberId);

/** FNV-1a over the seed's UTF-16 units, then mulberry32: the same seed, the same shuffle. */
function seededRandomOf(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return seededRandom(h);
}

/**
 * The presenters in `method`'s order. `allocation`: allocated first, first; `submission`: first
 * version first, those without one last (by allocation); `random`: a Fisher–Yates shuffle of the
 * allocation order driven by `seed` (deterministic); `manual`: `manualOrder` (member ids) first,
 * anyone not in it after, by allocation.
 */
export function orderPresenters<P extends Presenter>(
  presenters: readonly P[],
  method: PresentationOrderMethod,
  options: { seed?: string | null; manualOrder?: readonly string[] } = {},
): P[] {
  const base = [...presenters].sort(byAllocation);
  switch (method) {
    case "allocation":
      return base;
    case "submission":
      return base.sort((a, b) => {
        if (a.firstSubmittedAt === null || b.firstSubmittedAt === null) {
          return a.firstSubmittedAt === b.firstSubmittedAt ? 0 : a.firstSubmittedAt === null ? 1 : -1;
        }
        return a.firstSubmittedAt.getTime() - b.firstSubmittedAt.getTime();
      });
    case "random": {
      const random = seededRandomOf(options.seed ?? "");
      for (let i = base.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [base[i], base[j]] = [base[j] as P, base[i] as P];
      }
      return base;
    }
    case "manual": {
      const rank = new Map((options.manualOrder ?? []).map((id, i) => [id, i]));
      const far = Number.MAX_SAFE_INTEGER;
      return base.sort((a, b) => (rank.get(a.memberId) ?? far) - (rank.get(b.memberId) ?? far));
    }
  }
}

/** Text-only accommodation: a presenter who asked for it presents in text. */
export function formatFor(presenter: Presenter): PresentationFormat {
  return presenter.textOnlyPresentation ? "text" : "live";
}

/** The sequence of a fresh schedule: one default-length slot per presenter. */
export function sequenceOf(presenters: readonly Presenter[]): SequenceItem[] {
  return presenters.map((p) => ({ key: p.memberId, minutes: null, format: formatFor(p), gap: false }));
}

export class OrderChangeRefused extends Error {
  override name = "OrderChangeRefused";
  constructor(readonly problem: "not_in_order" | "bad_position" | "same_slot") {
    super(`order change refused: ${problem}`);
  }
}

function indexOf(sequence: readonly SequenceItem[], key: string): number {
  const index = sequence.findIndex((s) => s.key === key && !s.gap);
  if (index < 0) throw new OrderChangeRefused("not_in_order");
  return index;
}

/** Moves `key` to `position` (1-based, within the sequence); the others keep their relative order. */
export function moveTo(sequence: readonly SequenceItem[], key: string, position: number): SequenceItem[] {
  const from = indexOf(sequence, key);
  if (!Number.isInteger(position) || position < 1 || position > sequence.length) {
    throw new OrderChangeRefused("bad_position");
  }
  const next = [...sequence];
  const [item] = next.splice(from, 1);
  next.splice(position - 1, 0, item as SequenceItem);
  return next;
}

/** Exchanges two slots' positions (each keeps its own length and format). */
export function swap(sequence: readonly SequenceItem[], first: string, second: string): SequenceItem[] {
  const a = indexOf(sequence, first);
  const b = indexOf(sequence, second);
  if (a === b) throw new OrderChangeRefused("same_slot");
  const next = [...sequence];
  [next[a], next[b]] = [next[b] as SequenceItem, next[a] as SequenceItem];
  return next;
}

/** Takes `key` out: with `closeGap` the later slots move up, otherwise its time stays free. */
export function removeFrom(
  sequence: readonly SequenceItem[],
  key: string,
  closeGap: boolean,
): SequenceItem[] {
  const index = indexOf(sequence, key);
  if (closeGap) return sequence.filter((_, i) => i !== index);
  return sequence.map((s, i) => (i === index ? { ...s, gap: true } : s));
}
