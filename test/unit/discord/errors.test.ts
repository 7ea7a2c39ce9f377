import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from "discord.js";
import { describe, expect, it } from "vitest";
import { Constraints, ConstraintViolation } from "../../../src/db/errors.ts";
import { mapError, newErrorId } from "../../../src/discord/errors.ts";
import { UserError } from "../../../src/features/errors.ts";
import { t } from "../../../src/i18n/translate.ts";

function apiError(code: number, status: number, message = "Missing Permissions"): DiscordAPIError {
  return new DiscordAPIError(
    { code, message },
    code,
    status,
    "POST",
    "https://discord.com/api/v10/guilds/1/channels",
    {},
  );
}

const ERROR_ID = /^E-[0-9A-F]{4}$/;

describe("mapError", () => {
  it("GIVEN a UserError THEN the user sees its message in their locale", () => {
    const error = new UserError("error.invalidOption", { option: "mode" });
    expect(mapError(error, "en")).toEqual({
      content: "The value given for “mode” isn't valid.",
      outcome: "user_error",
      source: "user",
    });
    expect(mapError(error, "ja").content).toBe("「mode」に入力された値が正しくありません。");
  });

  it.each([
    [RESTJSONErrorCodes.MissingPermissions, 403, "error.discord.missingPermissions"],
    [RESTJSONErrorCodes.MissingAccess, 403, "error.discord.missingAccess"],
    [RESTJSONErrorCodes.UnknownChannel, 404, "error.discord.unknownChannel"],
    [RESTJSONErrorCodes.UnknownMessage, 404, "error.discord.unknownMessage"],
    [RESTJSONErrorCodes.UnknownRole, 404, "error.discord.unknownRole"],
    [RESTJSONErrorCodes.UnknownMember, 404, "error.discord.unknownMember"],
    [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 403, "error.discord.cannotMessageUser"],
    [RESTJSONErrorCodes.MaximumNumberOfGuildChannelsReached, 400, "error.discord.limitReached"],
    [RESTJSONErrorCodes.MaximumNumberOfGuildRolesReached, 400, "error.discord.limitReached"],
    [0, 429, "error.discord.rateLimited"],
    [0, 502, "error.discord.unavailable"],
  ] as const)("GIVEN Discord API error %i (HTTP %i) THEN the user is told %s", (code, status, key) => {
    for (const locale of ["ja", "en"] as const) {
      const mapped = mapError(apiError(code, status), locale);
      expect(mapped.content).toBe(t(locale, key));
      expect(mapped).toMatchObject({ outcome: "error", source: "discord_api" });
      expect(mapped.errorId).toMatch(ERROR_ID);
    }
  });

  it("GIVEN a rate-limit rejection from @discordjs/rest THEN the user is asked to wait", () => {
    const error = new RateLimitError({
      timeToReset: 1000,
      limit: 5,
      method: "POST",
      hash: "h",
      url: "u",
      route: "/guilds/:id/channels",
      majorParameter: "1",
      global: false,
      retryAfter: 1000,
      sublimitTimeout: 0,
      scope: "user",
    });
    expect(mapError(error, "en").content).toBe(t("en", "error.discord.rateLimited"));
  });

  it("GIVEN a bare 5xx or a timeout THEN Discord is reported unavailable", () => {
    expect(mapError(new HTTPError(503, "Service Unavailable", "GET", "u", {}), "ja").content).toBe(
      t("ja", "error.discord.unavailable"),
    );
    const timeout = new DOMException("This operation was aborted", "AbortError");
    expect(mapError(timeout, "en").content).toBe(t("en", "error.discord.unavailable"));
  });

  it("GIVEN a known unique constraint THEN the user is told what the rule means", () => {
    const error = new ConstraintViolation(Constraints.allocationOneLivePerAssignment, "allocation", []);
    expect(mapError(error, "en")).toEqual({
      content: t("en", "error.constraint.allocationOneLivePerAssignment"),
      outcome: "user_error",
      source: "database",
    });
  });

  it("GIVEN an unknown constraint THEN a generic 'already exists' is shown, not the constraint name", () => {
    const mapped = mapError(new ConstraintViolation("thing_secret_column_key", "thing", ["secret"]), "en");
    expect(mapped.content).toBe(t("en", "error.constraint.unique"));
    expect(mapped.content).not.toContain("secret");
  });

  it.each([
    [
      "an Error with SQL",
      new Error('SQLITE_ERROR: no such table: "member" SELECT * FROM member WHERE token = 1'),
    ],
    [
      "a Prisma-like error",
      Object.assign(new Error("Invalid `prisma.member.create()` invocation"), { code: "P2003" }),
    ],
    [
      "an unknown Discord error",
      apiError(RESTJSONErrorCodes.InvalidFormBodyOrContentType, 400, "Invalid Form Body"),
    ],
    ["a string", "boom"],
    ["undefined", undefined],
  ])("GIVEN %s THEN the user sees only an apology and an error id", (_case, error) => {
    const mapped = mapError(error, "en");
    expect(mapped.outcome).toBe("error");
    expect(mapped.errorId).toMatch(ERROR_ID);
    expect(mapped.content).toBe(t("en", "error.unexpected", { errorId: mapped.errorId ?? "" }));
    for (const leak of ["SQL", "prisma", "Form Body", "boom", "stack", "at "]) {
      expect(mapped.content).not.toContain(leak);
    }
  });

  it("GIVEN an unexpected error in Japanese THEN the id is shown in the Japanese text", () => {
    const mapped = mapError(new TypeError("x is undefined"), "ja");
    expect(mapped.content).toContain(mapped.errorId);
    expect(mapped.content).toContain("エラー ID");
  });
});

describe("newErrorId", () => {
  it("GIVEN many ids THEN each is short, readable and they vary", () => {
    const ids = new Set(Array.from({ length: 50 }, newErrorId));
    for (const id of ids) expect(id).toMatch(ERROR_ID);
    expect(ids.size).toBeGreaterThan(40);
  });
});
