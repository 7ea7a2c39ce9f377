import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A taiken process started as `npm start` would start it (from the TypeScript sources). */
export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first JSON log line whose `msg` matches, or rejects after `timeoutMs`. */
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/**
 * Runs `src/main.ts` in a child process with exactly `env` (plus PATH and HOME), in `cwd`.
 * The sources run through tsx so tests need no build; `npm start` runs the compiled output
 * of the same files.
 */
export function startBotProcess(env: Record<string, string>, cwd = root): BotProcess {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/main.ts")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiters: Array<() => void> = [];
  const onChunk = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout?.on("data", onChunk);
  child.stderr?.on("data", onChunk);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.once("exit", (code, signal) => {
      for (const wake of waiters.splice(0)) wake();
      resolve({ code, signal, ms: performance.now() - started });
    }),
  );

  const findLog = (msg: string | RegExp) => {
    for (const line of output.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        const text = String(entry.msg ?? "");
        if (typeof msg === "string" ? text === msg : msg.test(text)) return entry;
      } catch {
        // A partial line: the rest arrives with the next chunk.
      }
    }
    return undefined;
  };

  return {
    child,
    output: () => output,
    exited,
    waitForLog(msg, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no log "${msg}" within ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
        const check = () => {
          const entry = findLog(msg);
          if (entry) {
            clearTimeout(timer);
            resolve(entry);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            reject(new Error(`process exited before logging "${msg}":\n${output}`));
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
  };
}
