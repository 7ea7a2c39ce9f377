import type {
  AllocationAssignment,
  AllocationIntern,
  ProgrammeWindow,
} from "../../../../src/domain/allocation/types.ts";

/** A six-week programme. */
export const programme: ProgrammeWindow = {
  startsAt: new Date("2025-04-01T00:00:00Z"),
  endsAt: new Date("2025-05-13T00:00:00Z"),
};

export function intern(overrides: Partial<AllocationIntern> & { id: string }): AllocationIntern {
  return {
    discordUserId: `user-${overrides.id}`,
    skills: [{ name: "TypeScript", level: 3 }],
    interests: [],
    hoursPerWeek: 10,
    preferences: [],
    ...overrides,
  };
}

export function assignment(overrides: Partial<AllocationAssignment> & { id: string }): AllocationAssignment {
  return {
    status: "retired",
    level: 3,
    skills: ["TypeScript"],
    tags: [],
    estimatedHours: 40,
    ...overrides,
  };
}
