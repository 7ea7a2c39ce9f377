/**
 * Reads a V8 `.cpuprofile` and says where the time went: self time grouped by package (or by
 * taiken's own folder), and the costliest functions.
 */
import { readFile } from "node:fs/promises";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time, in ms, of one group or function. */
export interface Share {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time, 0–100. */
  percent: number;
}

export interface ProfileSummary {
  /** Wall time the profile covers, ms. */
  wallMs: number;
  /** Time the thread was not idle, ms. */
  busyMs: number;
  groups: Share[];
  functions: Share[];
}

/** The group a frame's time is counted under: a package, a taiken folder, node core, GC… */
export function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName.startsWith("(")) return functionName;
    return "(native)";
  }
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  if (url.startsWith("node:")) return "node core";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1] as string;
  const own =
    /\/dist\/((?:src\/[^/]+)|commands|prisma)\//.exec(url) ?? /\/(src\/[^/]+|commands|prisma)\//.exec(url);
  if (own) return `taiken ${own[1]}`;
  return url.replace(/^file:\/\//, "");
}

function label(frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/node_modules\//, "").replace(/^.*\/(dist\/)?/, "");
  return `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
}

function top(map: Map<string, number>, busyMs: number, n: number): Share[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / 1000 / busyMs }));
}

/** Self time by group and by function (idle excluded from the percentages). */
export async function summariseProfile(file: string, topN = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // The profiler's own work (starting and stopping through the inspector) is not the bot's.
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const isProfiler = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parentOf.get(cur)) {
      if ((byId.get(cur) as ProfileNode).callFrame.url.endsWith("cpu-profiler.mjs")) return true;
    }
    return false;
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    if (frame.functionName === "(idle)" || isProfiler(id)) {
      idleUs += us;
      continue;
    }
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) ?? 0) + us);
    if (!frame.functionName.startsWith("("))
      functions.set(label(frame), (functions.get(label(frame)) ?? 0) + us);
  }
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  const busyMs = wallMs - idleUs / 1000;
  return { wallMs, busyMs, groups: top(groups, busyMs, topN), functions: top(functions, busyMs, topN) };
}
