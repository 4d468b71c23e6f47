// Why the session could not be saved, if it could not: set by the autosave (outside React),
// read by the App, which shows it in a banner.
export interface SaveProblem {
  get(): string | null;
  set(message: string | null): void;
  subscribe(listener: () => void): () => void;
}

export function createSaveProblem(): SaveProblem {
  let message: string | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => message,
    set(next) {
      if (next === message) return;
      message = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
