// `!`: every problem of the file. Its scroll and keys live in useProblemsView.
import { ProblemsView } from '../ProblemsView.js';
import type { useProblemsView } from '../hooks/useProblemsView.js';
import { useScreenKeys } from '../hooks/useScreenKeys.js';

export function ProblemsScreen({ problems }: { problems: ReturnType<typeof useProblemsView> }) {
  useScreenKeys((name) => problems.onKey(name));
  return <ProblemsView {...problems.props} />;
}
