// The previews of one state of a run, by step key, so the UI may ask on every render: the
// run forgets them on every event but streamed text, since each may change what a step sends.
import { previewStep, type PreviewSource, type StepPreview } from './preview.js';
import type { RenderedContent } from './render.js';

export class StepPreviews {
  private previews = new Map<string, StepPreview | null>();
  /** the prompts those previews rendered, so a phase's earlier steps render once for all of them */
  private rendered = new Map<string, RenderedContent>();

  /** What the step `key` would send now, from `source` (read only when not memoised). */
  get(key: string, source: () => Omit<PreviewSource, 'rendered'>): StepPreview | null {
    if (this.previews.has(key)) return this.previews.get(key)!;
    let preview: StepPreview | null = null;
    try {
      preview = previewStep({ ...source(), rendered: this.rendered }, key);
    } catch {
      // a preview is a courtesy: a sandbox that is gone (the run was disposed) shows none
    }
    this.previews.set(key, preview);
    return preview;
  }

  forget(): void {
    this.previews.clear();
    this.rendered.clear();
  }
}
