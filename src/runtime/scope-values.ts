// The names a step can see, as layers (later layers win: names, then helpers, then a
// loop's own helpers) instead of one merged copy per step: copying grew with every step
// of a long run. Each expression gets only the values it reads (see compiler/used-names).
import { usedNames } from '../compiler/used-names.js';

type Names = Record<string, unknown>;

export class ScopeValues {
  constructor(private readonly layers: readonly Names[]) {}

  with(layer: Names): ScopeValues {
    return new ScopeValues([...this.layers, layer]);
  }

  /** The values `expression` (a Segment or Attribute) reads; the whole scope when its names were not noted. */
  for(expression: object): Names {
    const names = usedNames(expression);
    if (!names || names.includes('__proto__')) return this.all();
    const picked: Names = {};
    for (const name of names) {
      for (let i = this.layers.length - 1; i >= 0; i--) {
        const layer = this.layers[i]!;
        if (Object.hasOwn(layer, name)) {
          picked[name] = layer[name];
          break;
        }
      }
    }
    return picked;
  }

  /** Every name, merged as `{ ...names, ...helpers }`. */
  all(): Names {
    return Object.assign({}, ...this.layers);
  }
}
