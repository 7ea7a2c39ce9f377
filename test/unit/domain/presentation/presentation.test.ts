import { describe, expect, it } from "vitest";
import {
  addDelay,
  advance,
  endStatus,
  type LiveState,
  makeUps,
  minutesLate,
  nowOn,
  startSession,
  upNext,
} from "../../../../src/domain/presentation/live.ts";
import {
  moveTo,
  OrderChangeRefused,
  orderPresenters,
  type Presenter,
  removeFrom,
  sequenceOf,
  swap,
} from "../../../../src/domain/presentation/ordering.ts";
import {
  planSlotReminders,
  presentationReminderJobId,
} from "../../../../src/domain/presentation/reminders.ts";
import {
  computeRunningOrder,
  planHash,
  type SequenceItem,
  type SessionTiming,
  TimingRefused,
} from "../../../../src/domain/presentation/running-order.ts";

const start = new Date("2026-06-30T05:00:00Z");
const M = 60_000;
const timing: SessionTiming = {
  startsAt: start,
  slotMinutes: 10,
  qaMinutes: 3,
  bufferMinutes: 2,
  breakEvery: 2,
  breakMinutes: 10,
};
const item = (key: string, minutes: number | null = null): SequenceItem => ({
  key,
  minutes,
  format: "live",
  gap: false,
});
const minutesFromStart = (d: Date) => (d.getTime() - start.getTime()) / M;

describe("running order", () => {
  it("GIVEN three slots and a break every two WHEN computed THEN buffer, break, and the total add up", () => {
    const plan = computeRunningOrder(timing, [item("a"), item("b"), item("c")]);
    expect(plan.slots.map((s) => minutesFromStart(s.startsAt))).toEqual([0, 12, 32]);
    expect(plan.slots.map((s) => minutesFromStart(s.qaStartsAt))).toEqual([7, 19, 39]);
    expect(plan.breaks).toHaveLength(1);
    expect(plan.breaks[0]?.afterPosition).toBe(2);
    expect(minutesFromStart(plan.breaks[0]!.startsAt)).toBe(22);
    expect(plan.totalMinutes).toBe(42);
    expect(plan.overrunMinutes).toBe(0);
  });

  it("GIVEN a break every two and exactly two slots WHEN computed THEN no break follows the last slot", () => {
    const plan = computeRunningOrder(timing, [item("a"), item("b")]);
    expect(plan.breaks).toEqual([]);
    expect(plan.totalMinutes).toBe(22);
  });

  it("GIVEN breakEvery 0 WHEN computed THEN only buffers separate slots", () => {
    const plan = computeRunningOrder({ ...timing, breakEvery: 0 }, [item("a"), item("b"), item("c")]);
    expect(plan.breaks).toEqual([]);
    expect(plan.totalMinutes).toBe(34);
  });

  it("GIVEN an end 30 min after the start WHEN the plan takes 42 THEN it overruns by 12", () => {
    const plan = computeRunningOrder(
      timing,
      [item("a"), item("b"), item("c")],
      new Date(start.getTime() + 30 * M),
    );
    expect(plan.overrunMinutes).toBe(12);
  });

  it("GIVEN a slot of its own length WHEN computed THEN that slot is longer and the later ones shift", () => {
    const plan = computeRunningOrder({ ...timing, breakEvery: 0 }, [item("a", 15), item("b")]);
    expect(minutesFromStart(plan.slots[1]!.startsAt)).toBe(17);
  });

  it("GIVEN a slot no longer than its Q&A WHEN computed THEN it is refused naming the slot", () => {
    expect(() => computeRunningOrder(timing, [item("a"), item("b", 3)])).toThrow(TimingRefused);
    try {
      computeRunningOrder(timing, [item("a", 3)]);
    } catch (error) {
      expect((error as TimingRefused).problem).toBe("slot_shorter_than_qa");
      expect((error as TimingRefused).key).toBe("a");
    }
  });

  it("GIVEN no presenters WHEN computed THEN it is refused", () => {
    expect(() => computeRunningOrder(timing, [])).toThrow(TimingRefused);
  });

  it("GIVEN the same input WHEN hashed twice THEN the hash is equal, and a swap changes it", () => {
    const seq = [item("a"), item("b")];
    expect(planHash(computeRunningOrder(timing, seq))).toBe(planHash(computeRunningOrder(timing, [...seq])));
    expect(planHash(computeRunningOrder(timing, swap(seq, "a", "b")))).not.toBe(
      planHash(computeRunningOrder(timing, seq)),
    );
  });
});

const presenter = (
  memberId: string,
  allocatedMin: number,
  submittedMin: number | null,
  textOnly = false,
): Presenter => ({
  memberId,
  allocationId: `al-${memberId}`,
  allocatedAt: new Date(start.getTime() + allocatedMin * M),
  firstSubmittedAt: submittedMin === null ? null : new Date(start.getTime() + submittedMin * M),
  textOnlyPresentation: textOnly,
});
const people = [
  presenter("m1", 3, 50),
  presenter("m2", 1, null),
  presenter("m3", 2, 10, true),
  presenter("m4", 4, 20),
];
const ids = (ps: Presenter[]) => ps.map((p) => p.memberId);

describe("ordering", () => {
  it("GIVEN allocation order WHEN ordered THEN earliest allocation first", () => {
    expect(ids(orderPresenters(people, "allocation"))).toEqual(["m2", "m3", "m1", "m4"]);
  });

  it("GIVEN submission order WHEN ordered THEN first version first, no version last", () => {
    expect(ids(orderPresenters(people, "submission"))).toEqual(["m3", "m4", "m1", "m2"]);
  });

  it("GIVEN a seed WHEN shuffled twice THEN the same order, a permutation of everyone", () => {
    const a = ids(orderPresenters(people, "random", { seed: "2026" }));
    expect(ids(orderPresenters([...people].reverse(), "random", { seed: "2026" }))).toEqual(a);
    expect([...a].sort()).toEqual(["m1", "m2", "m3", "m4"]);
    const many = Array.from({ length: 20 }, (_, i) => presenter(`p${String(i).padStart(2, "0")}`, i, null));
    expect(ids(orderPresenters(many, "random", { seed: "x" }))).not.toEqual(
      ids(orderPresenters(many, "random", { seed: "y" })),
    );
  });

  it("GIVEN a manual order naming two WHEN ordered THEN those first, the rest by allocation", () => {
    expect(ids(orderPresenters(people, "manual", { manualOrder: ["m4", "m1"] }))).toEqual([
      "m4",
      "m1",
      "m2",
      "m3",
    ]);
  });

  it("GIVEN a text-only intern WHEN sequenced THEN their slot is text", () => {
    const seq = sequenceOf(orderPresenters(people, "allocation"));
    expect(seq.map((s) => s.format)).toEqual(["live", "text", "live", "live"]);
  });
});

describe("changes", () => {
  const seq = [item("a"), item("b"), item("c"), item("d")];
  const keys = (s: SequenceItem[]) => s.map((i) => (i.gap ? `(${i.key})` : i.key));

  it("GIVEN four WHEN d moves to 1 THEN the others keep their relative order", () => {
    expect(keys(moveTo(seq, "d", 1))).toEqual(["d", "a", "b", "c"]);
    expect(keys(moveTo(seq, "a", 4))).toEqual(["b", "c", "d", "a"]);
  });

  it("GIVEN a position out of range or an unknown key WHEN moved THEN refused", () => {
    expect(() => moveTo(seq, "a", 5)).toThrow(OrderChangeRefused);
    expect(() => moveTo(seq, "a", 0)).toThrow(OrderChangeRefused);
    expect(() => moveTo(seq, "z", 1)).toThrow(OrderChangeRefused);
  });

  it("GIVEN a swap WHEN applied THEN the two exchange places; with itself it is refused", () => {
    expect(keys(swap(seq, "a", "c"))).toEqual(["c", "b", "a", "d"]);
    expect(() => swap(seq, "a", "a")).toThrow(OrderChangeRefused);
    expect(() => swap(seq, "a", "z")).toThrow(OrderChangeRefused);
  });

  it("GIVEN a removal WHEN the gap stays THEN later times stay; WHEN closed THEN they move up", () => {
    const t = { ...timing, breakEvery: 0 };
    const kept = computeRunningOrder(t, removeFrom(seq, "b", false));
    const closed = computeRunningOrder(t, removeFrom(seq, "b", true));
    expect(kept.slots.map((s) => minutesFromStart(s.startsAt))).toEqual([0, 12, 24, 36]);
    expect(kept.slots[1]?.gap).toBe(true);
    expect(closed.slots.map((s) => [s.key, minutesFromStart(s.startsAt)])).toEqual([
      ["a", 0],
      ["c", 12],
      ["d", 24],
    ]);
    expect(() => removeFrom(removeFrom(seq, "b", false), "b", false)).toThrow(OrderChangeRefused);
  });
});

describe("the live day", () => {
  const slot = (key: string, position: number, status: "planned" | "removed" = "planned") => ({
    key,
    position,
    status,
    plannedStartsAt: new Date(start.getTime() + (position - 1) * 12 * M),
    startedAt: null,
  });
  const scheduled: LiveState = {
    status: "scheduled",
    currentOrder: null,
    delayMinutes: 0,
    slots: [slot("a", 1), slot("gap", 2, "removed"), slot("c", 3), slot("d", 4)],
  };
  const changed = (step: ReturnType<typeof advance>): LiveState => {
    if (step.kind !== "changed") throw new Error(`expected a change, got ${step.kind}`);
    return step.state;
  };

  it("GIVEN a scheduled session WHEN started THEN the first slot is on and the next skips the gap", () => {
    const live = changed(startSession(scheduled, start));
    expect(live.status).toBe("live");
    expect(nowOn(live)?.key).toBe("a");
    expect(upNext(live).next?.key).toBe("c");
    expect(upNext(live).afterNext?.key).toBe("d");
    expect(startSession(live, start)).toEqual({ kind: "refused", reason: "not_scheduled" });
  });

  it("GIVEN Next clicked twice on the same message WHEN applied THEN it advances once", () => {
    const live = changed(startSession(scheduled, start));
    const once = changed(advance(live, 1, new Date(start.getTime() + 11 * M)));
    expect(nowOn(once)?.key).toBe("c");
    const twice = advance(once, 1, new Date(start.getTime() + 11 * M));
    expect(twice.kind).toBe("stale");
    expect(nowOn((twice as { state: LiveState }).state)?.key).toBe("c");
    expect(once.slots.find((s) => s.key === "a")?.status).toBe("presented");
  });

  it("GIVEN a no-show WHEN marked THEN the slot goes to the make-up list and the next is on", () => {
    const live = changed(startSession(scheduled, start));
    const after = changed(advance(live, 1, start, "no_show"));
    expect(makeUps(after).map((s) => s.key)).toEqual(["a"]);
    expect(nowOn(after)?.key).toBe("c");
  });

  it("GIVEN the last slot WHEN Next THEN nothing is on and Next is refused as stale afterwards", () => {
    let s = changed(startSession(scheduled, start));
    s = changed(advance(s, 1, start));
    s = changed(advance(s, 3, start));
    s = changed(advance(s, 4, start));
    expect(nowOn(s)).toBeNull();
    expect(upNext(s).next).toBeNull();
    expect(s.slots.filter((x) => x.status === "presented").map((x) => x.key)).toEqual(["a", "c", "d"]);
    expect(advance(s, 4, start).kind).toBe("stale");
  });

  it("GIVEN a session not live WHEN Next THEN refused", () => {
    expect(advance(scheduled, 0, start)).toEqual({ kind: "refused", reason: "not_live" });
  });

  it("GIVEN a slot started 5 min late and +2 min WHEN read THEN 7 min late", () => {
    const s = changed(startSession(scheduled, new Date(start.getTime() + 5 * M)));
    expect(minutesLate(s, new Date(start.getTime() + 6 * M))).toBe(5);
    const plus = changed(addDelay(s, 1, 2));
    expect(minutesLate(plus, start)).toBe(7);
    expect(addDelay(plus, 3, 2).kind).toBe("stale");
  });

  it("GIVEN an early start WHEN read THEN never negative", () => {
    const s = changed(startSession(scheduled, new Date(start.getTime() - 5 * M)));
    expect(minutesLate(s, start)).toBe(0);
  });

  it("GIVEN each status WHEN ending or cancelling THEN only live ends and only scheduled cancels", () => {
    expect(endStatus("live", "end")).toBe("completed");
    expect(endStatus("scheduled", "end")).toBeNull();
    expect(endStatus("scheduled", "cancel")).toBe("cancelled");
    expect(endStatus("live", "cancel")).toBeNull();
    expect(endStatus("completed", "cancel")).toBeNull();
  });
});

describe("reminders", () => {
  const slotStart = new Date("2026-06-30T05:00:00Z");
  it("GIVEN two days ahead WHEN planned THEN 24 h, 1 h, 10 min, earliest first", () => {
    const plan = planSlotReminders({
      startsAt: slotStart,
      fewerNotifications: false,
      now: new Date(slotStart.getTime() - 48 * 60 * M),
    });
    expect(plan.map((r) => r.offsetMin)).toEqual([1440, 60, 10]);
  });
  it("GIVEN fewer notifications WHEN planned THEN 1 h only", () => {
    const plan = planSlotReminders({
      startsAt: slotStart,
      fewerNotifications: true,
      now: new Date(slotStart.getTime() - 48 * 60 * M),
    });
    expect(plan.map((r) => r.offsetMin)).toEqual([60]);
  });
  it("GIVEN 30 min before WHEN planned THEN only the 10-min one is still due", () => {
    const plan = planSlotReminders({
      startsAt: slotStart,
      fewerNotifications: false,
      now: new Date(slotStart.getTime() - 30 * M),
    });
    expect(plan.map((r) => r.offsetMin)).toEqual([10]);
  });
  it("GIVEN a slot id, offset and start WHEN the job id is made THEN it has the issue's shape", () => {
    expect(presentationReminderJobId("s1", 60, slotStart)).toBe(
      `presentation-reminder-s1-60-${slotStart.getTime() / 1000}`,
    );
  });
});
