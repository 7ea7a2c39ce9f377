/**
 * A bare discord.js bot, the yardstick the benchmarks compare taiken with. Plain JavaScript so it
 * runs under plain `node` (no TypeScript loader in the measured process).
 *
 *   node bare-bot.mjs reply                      # Guilds intent, default options; replies at once
 *   node bare-bot.mjs idle [--members] [--fetch] [--member-cache-off] [--stack]
 *
 * `reply`: a default `new Client({ intents: [Guilds] })` that answers every slash command at once
 * with an ephemeral "pong" (the floor of interaction latency).
 * `idle`: connects and stays idle; `--members` adds the GuildMembers intent, `--fetch` fetches
 * every member once after ready (as many bots do), `--member-cache-off` sets the member cache
 * to size 0 (everything else stays at discord.js's defaults). `--stack` adds the parts the
 * design fixes and every taiken process carries, and nothing of taiken's own code: Prisma's
 * generated client over better-sqlite3 (BENCH_DATABASE_URL, a migrated file) with one query run,
 * a BullMQ queue and worker on ioredis (BENCH_REDIS_URL), and a pino logger — the floor under
 * taiken's memory that no change to taiken can remove.
 *
 * Environment: BENCH_API_URL (the fake's `/api` URL), BENCH_TOKEN. With an IPC channel it sends
 * `{ type: "ready", ... }` once ready (and fetched), and stops on SIGTERM.
 */
import { Client, Events, GatewayIntentBits, MessageFlags, Options } from "discord.js";

const [mode = "reply", ...flags] = process.argv.slice(2);
const has = (flag) => flags.includes(flag);

const intents = [GatewayIntentBits.Guilds];
if (mode === "idle" && has("--members")) intents.push(GatewayIntentBits.GuildMembers);

const client = new Client({
  intents,
  rest: { api: process.env.BENCH_API_URL },
  ...(has("--member-cache-off")
    ? {
        makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, GuildMemberManager: 0 }),
      }
    : {}),
});

if (mode === "reply") {
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isRepliable()) return;
    interaction.reply({ content: "pong", flags: MessageFlags.Ephemeral }).catch((error) => {
      process.stderr.write(`reply failed: ${error}\n`);
    });
  });
}

/** The design's fixed parts (see `--stack`); returns how to close them. */
async function startStack() {
  const { PrismaClient } = await import(
    new URL("../../../dist/prisma/generated/sqlite/client.js", import.meta.url).href
  );
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const filename = String(process.env.BENCH_DATABASE_URL).replace(/^file:/, "");
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: filename }) });
  await db.programme.findFirst({ where: { guildId: "0" } });
  const { Queue, Worker } = await import("bullmq");
  const { Redis } = await import("ioredis");
  const connection = new Redis(String(process.env.BENCH_REDIS_URL), { maxRetriesPerRequest: null });
  const queue = new Queue("bench-stack", { connection, prefix: `bench-stack-${process.pid}` });
  const worker = new Worker("bench-stack", async () => undefined, {
    connection,
    prefix: `bench-stack-${process.pid}`,
  });
  const { default: pino } = await import("pino");
  pino({ level: "info" }).info("stack ready");
  return async () => {
    await worker.close();
    await queue.close();
    connection.disconnect();
    await db.$disconnect();
  };
}
const closeStack = mode === "idle" && has("--stack") ? await startStack() : async () => undefined;

client.once(Events.ClientReady, async () => {
  let fetched = 0;
  if (mode === "idle" && has("--fetch")) {
    for (const guild of client.guilds.cache.values()) {
      fetched += (await guild.members.fetch({ time: 120_000 })).size;
    }
  }
  const members = client.guilds.cache.reduce((n, guild) => n + guild.members.cache.size, 0);
  process.send?.({ type: "ready", fetched, members, users: client.users.cache.size });
});

process.once("SIGTERM", () => {
  closeStack()
    .then(() => client.destroy())
    .finally(() => process.exit(0));
});
process.on("disconnect", () => {
  // The parent went away: nobody will stop this process otherwise.
  client.destroy().finally(() => process.exit(0));
});

await client.login(process.env.BENCH_TOKEN);
