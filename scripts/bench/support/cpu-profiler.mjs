/**
 * A CPU profiler switched on and off from outside, for profiling the compiled bot without
 * touching it: `node --import ./cpu-profiler.mjs dist/src/main.js`. Each SIGUSR2 toggles the V8
 * sampling profiler; stopping writes `<BENCH_PROFILE_DIR>/profile-<n>.cpuprofile` (the format
 * Chrome DevTools and speedscope open). Sampling interval: BENCH_PROFILE_INTERVAL_US (default 100 µs).
 */
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_PROFILE_DIR ?? ".";
const interval = Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 100);
const session = new Session();
session.connect();

const post = (method, params = {}) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

let running = false;
let count = 0;
let busy = Promise.resolve();

process.on("SIGUSR2", () => {
  busy = busy.then(async () => {
    if (!running) {
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval });
      await post("Profiler.start");
      running = true;
      return;
    }
    const { profile } = await post("Profiler.stop");
    running = false;
    count += 1;
    const file = path.join(dir, `profile-${count}.cpuprofile`);
    writeFileSync(`${file}.tmp`, JSON.stringify(profile));
    // Renamed into place only when complete, so the reader never sees half a file.
    renameSync(`${file}.tmp`, file);
  });
});
