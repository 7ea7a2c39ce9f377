import { EventEmitter } from "node:events";
import type { Client } from "discord.js";
import { Events } from "discord.js";
import { describe, expect, it } from "vitest";
import { attachRouter } from "../../../src/discord/client.ts";
import type { Router } from "../../../src/discord/router.ts";
import { createLogger } from "../../../src/observability/logger.ts";

function routerWith(handle: () => Promise<void>) {
  let calls = 0;
  const router = {
    handle: () => {
      calls += 1;
      return handle();
    },
  } as unknown as Router;
  return { router, calls: () => calls };
}

describe("attachRouter's drain on shutdown", () => {
  it("GIVEN a handler that never finishes THEN drain gives up after its timeout and says one is unfinished", async () => {
    const emitter = new EventEmitter();
    const client = emitter as unknown as Client;
    const { router } = routerWith(() => new Promise<void>(() => undefined));
    const attached = attachRouter(client, router, createLogger("silent"));
    emitter.emit(Events.InteractionCreate, {});
    const started = performance.now();
    expect(await attached.drain(200)).toEqual({ unfinished: 1 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("GIVEN a handler finishing in 50 ms THEN drain waits for it, and takes no interaction after", async () => {
    const emitter = new EventEmitter();
    const client = emitter as unknown as Client;
    const { router, calls } = routerWith(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    const attached = attachRouter(client, router, createLogger("silent"));
    emitter.emit(Events.InteractionCreate, {});
    const started = performance.now();
    expect(await attached.drain(5_000)).toEqual({ unfinished: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
    emitter.emit(Events.InteractionCreate, {});
    expect(calls()).toBe(1);
  });
});
