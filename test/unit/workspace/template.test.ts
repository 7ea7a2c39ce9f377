import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "../../../src/domain/workspace/default-template.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { parseTemplate, TemplateError, templateToYaml } from "../../../src/domain/workspace/template.ts";

function problemsOf(source: string) {
  try {
    parseTemplate(source);
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  throw new Error("expected the template to be refused");
}

const minimal = (channels: string, extra = "") => `version: 1
roles:
  organiser: { name: O, color: "#ff0000" }
  mentor: { name: M, color: 2 }
  intern: { name: I, color: 3 }
  agencyObserver: { name: A, color: 4 }
welcome: announcements
${extra}categories:
  - id: main
    name: { ja: 全体, en: Main }
    access: members
    channels:
${channels}`;

const required = `      - { id: announcements, type: text, name: news, access: public-read }
      - { id: projects, type: text, name: projects, access: projects }
`;

describe("workspace templates", () => {
  it("GIVEN the default template THEN it exports to YAML and parses back unchanged", () => {
    expect(parseTemplate(templateToYaml(DEFAULT_TEMPLATE))).toEqual(DEFAULT_TEMPLATE);
  });

  it("GIVEN the default template THEN it has a channel for every ResourceKeys channel", () => {
    const ids = DEFAULT_TEMPLATE.categories.flatMap((c) => c.channels.map((ch) => `channel:${ch.id}`));
    expect(ids.sort()).toEqual(Object.values(ResourceKeys.channels).sort());
  });

  it("GIVEN a minimal YAML template THEN colours in #rrggbb become numbers", () => {
    expect(parseTemplate(minimal(required)).roles.organiser.color).toBe(0xff0000);
  });

  it("GIVEN JSON THEN it is read too", () => {
    const json = JSON.stringify(JSON.parse(JSON.stringify(DEFAULT_TEMPLATE)));
    expect(parseTemplate(json).welcome).toBe("handbook");
  });

  it("GIVEN an unknown channel type THEN the problem names its line and field", () => {
    const problems = problemsOf(
      minimal(`${required}      - { id: lab, type: hologram, name: lab, access: members }\n`),
    );
    expect(problems[0]).toMatchObject({ path: "categories[0].channels[2].type", line: 15 });
  });

  it("GIVEN duplicate channel ids THEN the duplicate is named", () => {
    const problems = problemsOf(
      minimal(`${required}      - { id: projects, type: text, name: again, access: members }\n`),
    );
    expect(problems[0]?.message).toContain('duplicate channel id "projects"');
    expect(problems[0]?.path).toBe("categories[0].channels[2].id");
  });

  it("GIVEN more channels than allowed THEN it is refused", () => {
    const many = Array.from(
      { length: 6 },
      (_, c) =>
        `  - id: c${c}\n    name: C\n    access: members\n    channels:\n${Array.from({ length: 9 }, (_, i) => `      - { id: x${c}-${i}, type: text, name: x, access: members }\n`).join("")}`,
    ).join("");
    const problems = problemsOf(`${minimal(required)}${many}`);
    expect(problems.map((p) => p.message).join()).toContain("a template may have at most 50");
  });

  it("GIVEN a YAML syntax error THEN its line is given", () => {
    const problems = problemsOf("version: 1\nroles: [\n");
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it("GIVEN a template without a projects channel THEN it is refused", () => {
    const problems = problemsOf(
      minimal("      - { id: announcements, type: text, name: news, access: public-read }\n"),
    );
    expect(problems[0]?.message).toContain('a channel with id "projects" is required');
  });

  it("GIVEN a welcome channel that is a forum THEN it is refused", () => {
    const problems = problemsOf(
      minimal(`${required}      - { id: hall, type: forum, name: hall, access: members }\n`).replace(
        "welcome: announcements",
        "welcome: hall",
      ),
    );
    expect(problems[0]?.path).toBe("welcome");
  });
});
