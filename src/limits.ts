// The host's limits and their defaults, in one table: whoever enforces a limit reads it
// here. A leaf module (no imports), so every floor (compiler, sandbox, models, runtime)
// can read it without an arrow pointing up.

const KIB = 1024;
const MIB = 1024 * KIB;

/** The limits an author can raise in stepwise.config.ts (`limits: { output, prompt, saved }`), in bytes. */
export interface HostLimits {
  /** one step's output: streamed text, a custom action's value, a GenObject value as JSON */
  output: number;
  /** one step's prompt after rendering */
  prompt: number;
  /** everything a run saves (outputs, prompts and messages of its steps, Loop results), in total */
  saved: number;
}

export const DEFAULT_LIMITS: Readonly<HostLimits> = {
  output: 4 * MIB,
  prompt: 1 * MIB,
  saved: 64 * MIB,
};

/** The most iterations a Loop can run (`max` above this is an error, at compile time when literal). */
export const LOOP_MAX_BOUND = 10_000;

/** The expression sandbox's defaults: wall-clock time per evaluation and memory. */
export const SANDBOX_TIMEOUT_MS = 1000;
export const SANDBOX_MEMORY_BYTES = 64 * MIB;

/** A model call fails when no data arrives for this long (--timeout, the config's `timeout`). */
export const MODEL_IDLE_TIMEOUT_SECONDS = 60;

/** How many model calls a generation with tools may make when `maxSteps` is not given. */
export const DEFAULT_MAX_STEPS = 10;

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as Array<keyof HostLimits>;

/** The defaults with the config's `limits` over them (the config loader has checked their shape). */
export function hostLimits(configured?: Partial<HostLimits> | null): HostLimits {
  return { ...DEFAULT_LIMITS, ...(configured ?? {}) };
}

/** `5.2 MiB`, `4 MiB`, `512 KiB`, `17 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / KIB;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value >= 100 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${units[unit]}`;
}

/** A size over `limit`, shown so it never reads the same as the limit (`4194305 bytes`, not `4 MiB`). */
export function formatOver(bytes: number, limit: number): string {
  const shown = formatBytes(bytes);
  return shown === formatBytes(limit) ? `${bytes} bytes` : shown;
}

/** What is wrong with a Loop's `max` (null when it is fine); the compiler and the run say the same. */
export function loopMaxProblem(max: unknown): string | null {
  if (typeof max === 'number' && Number.isInteger(max) && max >= 0 && max <= LOOP_MAX_BOUND) return null;
  const got = typeof max === 'number' ? String(max) : JSON.stringify(max) ?? String(max);
  return `\`max\` must be a whole number from 0 to ${LOOP_MAX_BOUND} (the most iterations a Loop can run), got ${got}: write e.g. max={10}`;
}

/** What is wrong with a config's `limits` (null when it is fine or absent). */
export function limitsConfigProblem(limits: unknown): string | null {
  if (limits === undefined) return null;
  const example = 'e.g. limits: { output: 8 * 1024 * 1024 }';
  if (!limits || typeof limits !== 'object' || Array.isArray(limits)) {
    return `\`limits\` must be an object of sizes in bytes (${LIMIT_NAMES.join(', ')}), ${example}`;
  }
  for (const [name, value] of Object.entries(limits)) {
    if (!(LIMIT_NAMES as string[]).includes(name)) return `\`limits\` has no \`${name}\`; the limits are ${LIMIT_NAMES.map((n) => `\`${n}\``).join(', ')}`;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      return `\`limits.${name}\` must be a whole number of bytes above 0 (the default is ${DEFAULT_LIMITS[name as keyof HostLimits]}), ${example}`;
    }
  }
  return null;
}
