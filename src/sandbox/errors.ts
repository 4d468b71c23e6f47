// The one error type the sandbox throws; `kind` tells the caller what went wrong.

export type SandboxErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory';

export class SandboxError extends Error {
  readonly kind: SandboxErrorKind;

  constructor(kind: SandboxErrorKind, message: string) {
    super(message);
    this.name = 'SandboxError';
    this.kind = kind;
  }
}

export function timeoutError(timeoutMs: number): SandboxError {
  return new SandboxError(
    'timeout',
    `the expression ran longer than ${timeoutMs} ms and was stopped; ` +
      'look for an endless loop or make it do less work',
  );
}

export function outOfMemoryError(memoryBytes: number): SandboxError {
  return new SandboxError(
    'memory',
    `the expression used more than ${formatBytes(memoryBytes)} of memory and was stopped; ` +
      'build smaller strings and arrays (look for a huge repeat() or Array(n))',
  );
}

export function stackOverflowError(): SandboxError {
  return new SandboxError(
    'memory',
    'the expression nested too deeply (stack overflow) and was stopped; ' +
      'look for a function that calls itself without end, or flatten deeply nested data',
  );
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}
