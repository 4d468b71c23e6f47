// `stepwise config list` may be shown on screen or pasted into an issue: never print a
// whole key.

/** A settings name whose value is a secret (`apiKey`, `token`, …). */
export const SECRET_NAME = /key|token|secret|password/i;

/** Flattens settings to `dotted.key -> value`, masking values whose name looks secret. */
export function maskSecrets(settings: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const rows: Array<[string, unknown]> = [];
  for (const [name, value] of Object.entries(settings)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      rows.push(...maskSecrets(value as Record<string, unknown>, key));
    } else {
      rows.push([key, SECRET_NAME.test(name) && typeof value === 'string' ? maskSecret(value) : value]);
    }
  }
  return rows;
}

/** `sk-proj-abcdefgh1234` -> `sk-…1234`; short values are hidden entirely. */
export function maskSecret(value: string): string {
  return value.length > 8 ? `${value.slice(0, 3)}…${value.slice(-4)}` : '…';
}
