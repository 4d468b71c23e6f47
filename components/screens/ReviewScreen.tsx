// `h` and `d`: a step's versions, or a diff. Their state and keys live in useVersionReview;
// this gives it the keyboard while one is open (`d` in the history diffs the selected version).
import type { ReactNode } from 'react';
import { HistoryView } from '../HistoryView.js';
import { DiffView } from '../DiffView.js';
import type { useVersionReview } from '../hooks/useVersionReview.js';
import { useScreenKeys } from '../hooks/useScreenKeys.js';

export interface ReviewScreenProps {
  review: ReturnType<typeof useVersionReview>;
  showing: 'history' | 'diff';
  width: number;
  height: number;
  fallback: ReactNode;
}

export function ReviewScreen({ review, showing, width, height, fallback }: ReviewScreenProps) {
  useScreenKeys((name) => review.onKey(name, { width, height }));
  if (showing === 'history' && review.history) return <HistoryView {...review.history} width={width} height={height} />;
  if (showing === 'diff' && review.diffView) return <DiffView {...review.diffView} width={width} height={height} />;
  return <>{fallback}</>;
}
