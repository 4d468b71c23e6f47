// CPU time and peak memory of another process, read from Linux's /proc.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSecond = null;
function clockTicks() {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the command name, which is in parentheses and may hold spaces
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** Percent of one core the process used while `during` ran (a promise-returning function). */
export async function cpuPercentDuring(pid, during) {
  const cpuBefore = cpuSeconds(pid);
  const wallBefore = performance.now();
  await during();
  const cpu = cpuSeconds(pid) - cpuBefore;
  const wall = (performance.now() - wallBefore) / 1000;
  return (100 * cpu) / wall;
}

/** Peak resident memory in MB (VmHWM). */
export function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * Samples the CPU seconds of `pid` every `everyMs` until `until` settles or the process
 * ends. Returns the samples ({ at: performance.now() ms, cpu: seconds }), so windows of
 * the run can be read afterwards with `cpuPercentBetween`.
 */
export async function traceCpu(pid, until, everyMs = 250) {
  const samples = [];
  let finished = false;
  until.then(
    () => (finished = true),
    () => (finished = true),
  );
  for (;;) {
    try {
      samples.push({ at: performance.now(), cpu: cpuSeconds(pid) });
    } catch {
      break; // the process ended: its last sample is at most `everyMs` old
    }
    if (finished) break;
    await Promise.race([until.catch(() => {}), new Promise((resolve) => setTimeout(resolve, everyMs))]);
  }
  return samples;
}

/** Percent of one core between the samples nearest to `from` and `to` (performance.now() ms). */
export function cpuPercentBetween(samples, from, to) {
  const nearest = (at) => samples.reduce((best, sample) => (Math.abs(sample.at - at) < Math.abs(best.at - at) ? sample : best));
  const first = nearest(from);
  const last = nearest(to);
  return (100 * (last.cpu - first.cpu)) / ((last.at - first.at) / 1000);
}
