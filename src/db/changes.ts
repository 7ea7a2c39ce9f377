/**
 * Announces committed writes to the tables the bot caches (a server's current programme and the
 * roles of its members), so that in-process caches can drop what they hold instead of asking the
 * database on every interaction.
 *
 * Every write through the client, or through a transaction client it created, is announced when
 * the write returns and, inside an interactive transaction, once more when the transaction has
 * ended: a reader that ran between the write and the commit (possible on PostgreSQL) saw the
 * old rows, and the second announcement drops what it cached. Writes made by another process
 * (or by raw SQL) are not seen: caches built on this feed also expire after a short time.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Database } from "./client.ts";

/** The models whose writes are announced. */
export const WATCHED_MODELS = ["Programme", "Member", "MemberRole"] as const;
export type WatchedModel = (typeof WATCHED_MODELS)[number];

/** One announced write. */
export interface DatabaseChange {
  model: WatchedModel;
  /** Prisma's operation: create, updateMany, delete… */
  operation: string;
  /** The `data` of a create or update (the listener may judge from it what changed). */
  data?: unknown;
}

/** Subscribes to announced writes. */
export interface DatabaseChanges {
  /** Calls `listener` after each write to a watched model; returns the unsubscribe function. */
  subscribe(listener: (change: DatabaseChange) => void): () => void;
}

const WRITES: ReadonlySet<string> = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

const feeds = new WeakMap<object, DatabaseChanges>();

/** The change feed of a client made by `createDatabase`, or undefined for any other object. */
export function databaseChanges(db: object): DatabaseChanges | undefined {
  return feeds.get(db);
}

/**
 * Returns `client` with writes to {@link WATCHED_MODELS} announced (see the module comment).
 * The returned client is used exactly like `client`.
 */
export function withChangeFeed(client: Database): Database {
  const listeners = new Set<(change: DatabaseChange) => void>();
  /** The writes made inside the interactive transaction the current async context runs in. */
  const transaction = new AsyncLocalStorage<DatabaseChange[]>();

  const announce = (change: DatabaseChange) => {
    for (const listener of listeners) listener(change);
  };
  const announceWrite = (change: DatabaseChange) => {
    announce(change);
    transaction.getStore()?.push(change);
  };
  const hook = (model: WatchedModel) => ({
    async $allOperations({
      operation,
      args,
      query,
    }: {
      operation: string;
      args: unknown;
      query: (args: unknown) => Promise<unknown>;
    }) {
      if (!WRITES.has(operation)) return query(args);
      try {
        return await query(args);
      } finally {
        // Also after a failed write: a statement that failed may still have been part of a batch.
        const data = typeof args === "object" && args !== null && "data" in args ? args.data : undefined;
        announceWrite({ model, operation, data });
      }
    },
  });

  const extended = client.$extends({
    query: { programme: hook("Programme"), member: hook("Member"), memberRole: hook("MemberRole") },
  }) as unknown as Database;

  const runTransaction = (...args: unknown[]): Promise<unknown> => {
    const [first] = args;
    const start = extended.$transaction as unknown as (...a: unknown[]) => Promise<unknown>;
    if (typeof first !== "function") return start.apply(extended, args);
    const written: DatabaseChange[] = [];
    return transaction.run(written, async () => {
      try {
        return await start.apply(extended, args);
      } finally {
        for (const change of written) announce(change);
      }
    });
  };

  const proxy = new Proxy(extended, {
    get(target, property, receiver) {
      if (property === "$transaction") return runTransaction;
      return Reflect.get(target, property, receiver === proxy ? target : receiver);
    },
  });
  feeds.set(proxy, {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return proxy;
}
