// Every colour the TUI shows goes through tint(), so NO_COLOR (https://no-color.org) turns
// them all off in one place: Ink's chalk follows FORCE_COLOR only. Without colour, the marks
// (○ ✓ ✗ ~ ⊘ and the spinner), the selection marks (› ❯ (•)), bold and dim still tell
// every state apart, so no component may rely on a colour alone.

export type Tint = 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'gray' | 'white';

/** NO_COLOR counts when it is set and not empty. */
export function colorAllowed(env: Record<string, string | undefined>): boolean {
  return !env.NO_COLOR;
}

let enabled = colorAllowed(process.env);

/** The colour to hand to Ink, or undefined (the terminal's own) when colours are off. */
export function tint(name: Tint | undefined): Tint | undefined {
  return enabled ? name : undefined;
}

/** The environment is read once, when this module loads; tests render both ways. */
export function setColorAllowed(allowed: boolean): void {
  enabled = allowed;
}
