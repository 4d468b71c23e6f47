// Ink's measure-text.js (the width and height of a text node), with its cache kept for
// two frames (frame-cache.ts) instead of forever: Ink's own cache holds every text it
// ever measured, so a streaming output added a new entry on every frame.
import { FrameCache } from './frame-cache.js';
import widestLine from './widest-line.js';

type Dimensions = { width: number; height: number };

const EMPTY: Dimensions = { width: 0, height: 0 };
const sizes = new FrameCache<Dimensions>();

export default function measureText(text: string): Dimensions {
  if (text.length === 0) return EMPTY;
  return sizes.get(text, () => ({ width: widestLine(text), height: text.split('\n').length }));
}
