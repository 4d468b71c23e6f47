// A short hash of everything that determined a step's result; equal prints mean the result still holds.
import { createHash } from 'node:crypto';

export function fingerprint(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value) ?? 'undefined').digest('base64url');
}
