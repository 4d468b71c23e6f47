// Caches that live for two frames. Ink works out the same things for every frame (the
// width of each line, its styled cells, its clipped slice), and most lines are the same
// as the frame before; a cache that keeps only what this frame or the last one used
// saves that work without growing while a model streams new text into it.
const all: FrameCache<unknown>[] = [];

export class FrameCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor() {
    all.push(this as FrameCache<unknown>);
  }

  get(key: string, make: (key: string) => V): V {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key) ?? make(key);
      this.current.set(key, value);
    }
    return value;
  }

  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** Called once a frame is drawn: what no frame used since the one before is dropped. */
export function endFrame(): void {
  for (const cache of all) cache.rotate();
}
