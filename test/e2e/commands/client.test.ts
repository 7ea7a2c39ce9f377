import "../../support/unhandled.ts";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import { loadConfig } from "../../../src/config/env.ts";
import { createDiscordClient, DiscordLoginError, loginDiscord } from "../../../src/discord/client.ts";

describe("createDiscordClient and loginDiscord", () => {
  let fake: FakeDiscord | undefined;
  let client: ReturnType<typeof createDiscordClient> | undefined;

  afterEach(async () => {
    await client?.destroy();
    await fake?.close();
    client = undefined;
    fake = undefined;
  });

  it("GIVEN a wrong token THEN login fails with one line naming DISCORD_TOKEN", async () => {
    fake = await startFakeDiscord();
    client = createDiscordClient(loadConfig({ DISCORD_TOKEN: "wrong", DISCORD_API_URL: fake.apiUrl }));
    const error = await loginDiscord(client, "wrong").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordLoginError);
    expect((error as Error).message).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("GIVEN a 5,000-member server THEN the client caches no member or user but the bot itself", async () => {
    fake = await startFakeDiscord({ memberCount: 5_000 });
    client = createDiscordClient(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }));
    await loginDiscord(client, fake.token);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.memberCount).toBe(5_000);
    expect([...(guild?.members.cache.keys() ?? [])]).toEqual([client.user?.id]);
    expect([...client.users.cache.keys()]).toEqual([client.user?.id]);
    expect(guild?.members.me?.id).toBe(client.user?.id);
    expect(guild?.roles.cache.size).toBeGreaterThan(0);
    expect(guild?.channels.cache.size).toBeGreaterThan(0);
  });

  it("GIVEN a server that never answers THEN login gives up after the timeout with a clear message", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    client = createDiscordClient(
      loadConfig({ DISCORD_TOKEN: "token", DISCORD_API_URL: `http://127.0.0.1:${port}/api` }),
    );
    const error = await loginDiscord(client, "token", { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordLoginError);
    expect((error as Error).message).toContain("did not become ready within 0.3 s");
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("GIVEN DISCORD_API_URL pointing where nothing listens THEN login fails with one line (not the timeout's) naming the host and DISCORD_API_URL", async () => {
    const { createServer } = await import("node:net");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const apiUrl = `http://127.0.0.1:${port}/api`;
    client = createDiscordClient(loadConfig({ DISCORD_TOKEN: "token", DISCORD_API_URL: apiUrl }));
    const error = await loginDiscord(client, "token", { timeoutMs: 20_000, apiUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordLoginError);
    expect((error as Error).message).toBe(
      `could not reach 127.0.0.1:${port} (ECONNREFUSED): check the network and DISCORD_API_URL (${apiUrl})`,
    );
  });
});
