import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CUSTOM_ID_MAX_LENGTH, defineCustomId, parseCustomIdHeader } from "../../../src/discord/custom-id.ts";

const snowflake = z.string().regex(/^\d{17,20}$/);
const join = defineCustomId("join", 1, {
  programmeId: z.string().min(1).max(30),
  step: z.int().min(0).max(9),
});

describe("defineCustomId", () => {
  it("GIVEN a payload THEN it round-trips through a compact, versioned id", () => {
    const raw = join.encode({ programmeId: "cm4k2p0x80000", step: 2 });
    expect(raw).toBe('join:v1:["cm4k2p0x80000",2]');
    expect(join.decode(raw)).toEqual({ ok: true, payload: { programmeId: "cm4k2p0x80000", step: 2 } });
  });

  it("GIVEN an id of an older version THEN it decodes as stale, not malformed", () => {
    const v2 = defineCustomId("join", 2, { programmeId: z.string(), step: z.int() });
    expect(v2.decode('join:v1:["cm4k2p0x80000",2]')).toEqual({ ok: false, reason: "stale" });
  });

  it.each([
    ["not JSON", "join:v1:[cm4k"],
    ["wrong arity", 'join:v1:["cm4k2p0x80000"]'],
    ["wrong type", 'join:v1:["cm4k2p0x80000","2"]'],
    ["out of range", 'join:v1:["cm4k2p0x80000",42]'],
    ["an object instead of an array", 'join:v1:{"programmeId":"x","step":1}'],
    ["a prototype-polluting payload", 'join:v1:{"__proto__":{"admin":true}}'],
    ["another name", 'leave:v1:["cm4k2p0x80000",2]'],
    ["no version", 'join:["cm4k2p0x80000",2]'],
    ["an empty string", ""],
    ["a version with leading zero", 'join:v01:["cm4k2p0x80000",2]'],
  ])("GIVEN a forged or damaged id (%s) THEN it decodes as malformed without throwing", (_case, raw) => {
    expect(join.decode(raw)).toEqual({ ok: false, reason: "malformed" });
  });

  it("GIVEN an id longer than Discord's 100 characters THEN decoding refuses it", () => {
    const long = `join:v1:["${"1".repeat(95)}",2]`;
    expect(long.length).toBeGreaterThan(CUSTOM_ID_MAX_LENGTH);
    expect(join.decode(long)).toEqual({ ok: false, reason: "malformed" });
  });

  it("GIVEN a payload that fits exactly THEN encode accepts 100 characters and refuses 101", () => {
    const wide = defineCustomId("w", 1, { a: z.string() });
    const overhead = 'w:v1:[""]'.length;
    expect(wide.encode({ a: "x".repeat(CUSTOM_ID_MAX_LENGTH - overhead) })).toHaveLength(
      CUSTOM_ID_MAX_LENGTH,
    );
    expect(() => wide.encode({ a: "x".repeat(CUSTOM_ID_MAX_LENGTH - overhead + 1) })).toThrow(RangeError);
  });

  it("GIVEN three snowflakes THEN the id stays under the limit", () => {
    const swap = defineCustomId("swap-accept", 1, { a: snowflake, b: snowflake, c: snowflake });
    const raw = swap.encode({ a: "1".repeat(20), b: "2".repeat(20), c: "3".repeat(20) });
    expect(raw.length).toBeLessThanOrEqual(CUSTOM_ID_MAX_LENGTH);
  });

  it("GIVEN a payload that fails its own schema THEN encode throws (a programming error)", () => {
    expect(() => join.encode({ programmeId: "", step: 1 })).toThrow();
  });

  it("GIVEN an invalid name or version THEN the declaration throws at start-up", () => {
    expect(() => defineCustomId("Join", 1, {})).toThrow(/name/);
    expect(() => defineCustomId("join:x", 1, {})).toThrow(/name/);
    expect(() => defineCustomId("join", 0, {})).toThrow(/version/);
  });

  it("GIVEN a payload with a colon in a string THEN it still round-trips", () => {
    const note = defineCustomId("note", 3, { key: z.string() });
    const raw = note.encode({ key: "a:b:c" });
    expect(note.decode(raw)).toEqual({ ok: true, payload: { key: "a:b:c" } });
  });
});

describe("parseCustomIdHeader", () => {
  it("GIVEN a well-formed id THEN it returns the name and version", () => {
    expect(parseCustomIdHeader('join:v12:["x"]')).toEqual({ name: "join", version: 12 });
  });

  it.each(["", "join", "join:1:[]", "JOIN:v1:[]", "join:v:[]", `${"a".repeat(101)}`])(
    "GIVEN %j THEN it has no header",
    (raw) => {
      expect(parseCustomIdHeader(raw)).toBeNull();
    },
  );
});
