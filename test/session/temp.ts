// Temp folders for session tests, removed after each test.
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-session-'));
  made.push(dir);
  return dir;
}
