import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config/env.ts";

const minimal = { DISCORD_TOKEN: "token-123" };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("GIVEN only a token THEN the embedded defaults apply", () => {
    const config = loadConfig(minimal);
    expect(config.database).toEqual({ url: "file:./data/taiken.db", provider: "sqlite" });
    expect(config.redis.url).toBeUndefined();
    expect(config.redis.serverBin).toBe("redis-server");
    expect(config.defaults).toEqual({ locale: "ja", timeZone: "Asia/Tokyo" });
    expect(config.logLevel).toBe("info");
    expect(config.discord.apiUrl).toBeUndefined();
    expect(config.http).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it("GIVEN no SUBMISSIONS_DIR THEN submitted files go under DATA_DIR/submissions; given one THEN it is used", () => {
    expect(loadConfig(minimal).submissionsDir).toBe("./data/submissions");
    expect(loadConfig({ ...minimal, DATA_DIR: "/srv/taiken/" }).submissionsDir).toBe(
      "/srv/taiken/submissions",
    );
    expect(loadConfig({ ...minimal, SUBMISSIONS_DIR: "/mnt/files" }).submissionsDir).toBe("/mnt/files");
    expect(loadConfig({ ...minimal, SUBMISSIONS_DIR: "" }).submissionsDir).toBe("./data/submissions");
  });

  it("GIVEN SHUTDOWN_TIMEOUT_MS THEN it is used, and a value that isn't a whole number is named", () => {
    expect(loadConfig({ ...minimal, SHUTDOWN_TIMEOUT_MS: "2500" }).shutdownTimeoutMs).toBe(2_500);
    expect(problemsOf({ ...minimal, SHUTDOWN_TIMEOUT_MS: "soon" })[0]).toMatch(/^SHUTDOWN_TIMEOUT_MS /);
    expect(problemsOf({ ...minimal, SHUTDOWN_TIMEOUT_MS: "-1" })[0]).toMatch(/^SHUTDOWN_TIMEOUT_MS /);
  });

  it("GIVEN MILESTONE_REMINDER_HOURS THEN unset means 24, a list is read longest first, 0 or empty turns reminders off, and a bad list is named", () => {
    expect(loadConfig(minimal).milestones.reminderHours).toEqual([24]);
    expect(
      loadConfig({ ...minimal, MILESTONE_REMINDER_HOURS: "24, 72,24" }).milestones.reminderHours,
    ).toEqual([72, 24]);
    expect(loadConfig({ ...minimal, MILESTONE_REMINDER_HOURS: "0" }).milestones.reminderHours).toEqual([]);
    expect(loadConfig({ ...minimal, MILESTONE_REMINDER_HOURS: "" }).milestones.reminderHours).toEqual([]);
    for (const bad of ["1.5", "-24", "24;72", "a day", "673"]) {
      expect(problemsOf({ ...minimal, MILESTONE_REMINDER_HOURS: bad })[0]).toMatch(
        /^MILESTONE_REMINDER_HOURS must be a comma-separated list of whole hours/,
      );
    }
  });

  it("GIVEN a PostgreSQL URL THEN the provider is postgresql without a rebuild", () => {
    const config = loadConfig({ ...minimal, DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/taiken" });
    expect(config.database.provider).toBe("postgresql");
    expect(loadConfig({ ...minimal, DATABASE_URL: "postgres://127.0.0.1/x" }).database.provider).toBe(
      "postgresql",
    );
  });

  it("GIVEN a Discord API URL with /v10 or a trailing slash THEN it is normalised to the base the library expects", () => {
    expect(loadConfig({ ...minimal, DISCORD_API_URL: "http://127.0.0.1:8080/api/v10/" }).discord.apiUrl).toBe(
      "http://127.0.0.1:8080/api",
    );
  });

  it("GIVEN empty strings (as .env files write them) THEN they count as unset", () => {
    const config = loadConfig({
      ...minimal,
      REDIS_URL: "",
      DATABASE_URL: "",
      LOG_LEVEL: "",
      DISCORD_API_URL: "",
    });
    expect(config.redis.url).toBeUndefined();
    expect(config.database.provider).toBe("sqlite");
  });

  it("GIVEN no token THEN the one problem names DISCORD_TOKEN and where to get it", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DISCORD_TOKEN is required/);
    expect(problems[0]).toMatch(/Developer Portal/);
  });

  it.each([
    ["DATABASE_URL", "mysql://root@localhost/db", /SQLite file URL .* or a PostgreSQL URL/],
    ["DATABASE_URL", "postgresql://user@host:notaport/db", /not a valid PostgreSQL URL/],
    ["REDIS_URL", "localhost:6379", /must be a Redis URL/],
    ["DISCORD_API_URL", "ftp://x", /http\(s\) URL/],
    ["LOG_LEVEL", "loud", /must be one of fatal, error/],
    ["DEFAULT_LOCALE", "fr", /must be one of ja, en/],
    ["DEFAULT_TIME_ZONE", "Mars/Olympus_Mons", /IANA time zone/],
    ["HTTP_PORT", "eighty", /port number/],
    ["HTTP_PORT", "70000", /between -1 and 65535/],
  ])("GIVEN %s=%s THEN the problem names the variable and a good value", (name, value, message) => {
    const problems = problemsOf({ ...minimal, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(`${name} `)).toBe(true);
    expect(problems[0]).toMatch(message);
  });

  it("GIVEN several bad values THEN every one is reported at once", () => {
    const problems = problemsOf({ DATABASE_URL: "nope", LOG_LEVEL: "x" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual([
      "DATABASE_URL",
      "DISCORD_TOKEN",
      "LOG_LEVEL",
    ]);
  });

  it("GIVEN a time zone other than Tokyo THEN it is accepted", () => {
    expect(loadConfig({ ...minimal, DEFAULT_TIME_ZONE: "Europe/Berlin" }).defaults.timeZone).toBe(
      "Europe/Berlin",
    );
  });
});
