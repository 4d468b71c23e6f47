// The step failures of the host limits (src/limits.ts): each names the limit, the size
// and the config setting that raises it.
import { formatBytes, formatOver, type HostLimits } from '../limits.js';
import { StepError } from '../actions/errors.js';

const CONFIG = 'stepwise.config.ts';

function raise(name: keyof HostLimits): string {
  return `raise \`limits.${name}\` in ${CONFIG}`;
}

export function outputTooLarge(as: string, bytes: number, limit: number, streaming = false): StepError {
  const size = formatOver(bytes, limit);
  const how = streaming ? `passed ${size} while streaming and was stopped` : `is ${size}`;
  return new StepError(`the output of \`${as}\` ${how}, over the ${formatBytes(limit)} limit for one step's output: ${raise('output')}`, null, { kind: 'limit', hint: raise('output') });
}

export function promptTooLarge(as: string, bytes: number, limit: number, line: number | null): StepError {
  return new StepError(
    `the prompt of \`${as}\` is ${formatOver(bytes, limit)} after rendering, over the ${formatBytes(limit)} limit for one step's prompt: interpolate less, or ${raise('prompt')}`,
    line,
    { kind: 'limit', hint: `interpolate less, or ${raise('prompt')}` },
  );
}

/** The role goes with the prompt as its system message, under the same limit. */
export function roleTooLarge(as: string, bytes: number, limit: number, line: number | null): StepError {
  return new StepError(
    `the role of \`${as}\` is ${formatOver(bytes, limit)}, over the ${formatBytes(limit)} limit for one step's prompt: shorten it, or ${raise('prompt')}`,
    line,
    { kind: 'limit', hint: `shorten it, or ${raise('prompt')}` },
  );
}

export function savedTooLarge(as: string, bytes: number, limit: number): StepError {
  return new StepError(
    `the results saved by this run reach ${formatOver(bytes, limit)} with \`${as}\`, over the ${formatBytes(limit)} limit for a run's saved results: ${raise('saved')}`,
    null,
    { kind: 'limit', hint: raise('saved') },
  );
}
