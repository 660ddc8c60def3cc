// Runs one command and measures it as a user would feel it: wall time from
// start to exit, and the peak memory of its whole process tree (Chromium's
// renderers and helpers included), sampled from /proc while it runs.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface Measured {
  wallMs: number;
  /** Highest sum over the tree of resident set sizes, in bytes. */
  peakMemoryBytes: number;
  exitCode: number | null;
  stderr: string;
}

// Often enough to catch a peak, rarely enough not to steal a core from what it measures.
const SAMPLE_EVERY_MS = 100;

/** The process and all its descendants, through the kernel's children lists. */
function tree(root: number): number[] {
  const members: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    members.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // It ended while we looked.
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
        if (children) queue.push(...children.split(" ").map(Number));
      } catch {
        // The thread ended while we looked.
      }
    }
  }
  return members;
}

/**
 * Resident memory in bytes. RSS, not PSS: reading PSS (smaps_rollup) walks the
 * page tables of Chromium's huge address spaces and costs the machine more than
 * the sampling is worth. Summed over the tree, RSS counts shared pages more
 * than once, so the figures are an upper bound, alike for every engine.
 */
function memoryOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
  } catch {
    return 0;
  }
}

export function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peak = 0;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const sample = () => {
      if (child.pid === undefined) return;
      const total = tree(child.pid).reduce((sum, pid) => sum + memoryOf(pid), 0);
      peak = Math.max(peak, total);
    };
    const sampler = setInterval(sample, SAMPLE_EVERY_MS);
    child.on("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on("exit", (exitCode) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      resolve({ wallMs, peakMemoryBytes: peak, exitCode, stderr });
    });
  });
}
