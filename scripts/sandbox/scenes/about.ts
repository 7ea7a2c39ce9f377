import assert from "node:assert/strict";
import { EVERYONE } from "../cast.ts";
import { run, type Scene } from "../steps.ts";

/**
 * `/taiken about`: everyone asks what the bot is, each in their own Discord language. The reply
 * is private to the person asking, shows the bot's health, and says no programme is open yet.
 */
export const aboutScenes: Scene[] = [
  {
    id: "about",
    title: "Everyone asks taiken what it is (/taiken about)",
    steps: EVERYONE.map((who) =>
      run(who, "/taiken about", {
        expect: (seen) => {
          assert.equal(seen.kind, "message");
          assert.ok(seen.ephemeral, "the reply is for the person asking only");
          assert.match(seen.text, /taiken/i);
        },
      }),
    ),
  },
];
