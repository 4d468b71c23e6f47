// The line above the key hints: the feedback or API-key prompt while one is open, the quit
// question, or the latest notice. A notice wraps onto up to NOTICE_ROWS rows, so a failure's
// message and its fix hint are read in full rather than cut at the screen edge.
import { Box, Text } from 'ink';
import { clipColumns, columnWidth, wrapColumns } from './columns.js';
import { LinePrompt } from './LinePrompt.js';
import { tint } from './palette.js';
import { QuitQuestion } from './QuitQuestion.js';

export type BottomLineShowing = 'feedback' | 'api-key' | 'quit' | 'editing' | 'notice' | 'tool-reject';

export interface BottomLineProps {
  /** what the line shows */
  showing: BottomLineShowing;
  /** the step the feedback is for */
  stepName?: string;
  notice: string;
  width: number;
  onFeedback: (instruction: string) => void;
  onApiKey: (key: string) => void;
  /** the tool whose waiting call is being rejected, and where the message goes */
  toolName?: string;
  onToolReject?: (message: string) => void;
  /** Esc in a prompt, n or Esc at the quit question */
  onBack?: () => void;
  /** y at the quit question */
  onQuit?: () => void;
}

/** Most rows a notice takes; a longer one ends in `…` (the step's own panel shows it all). */
export const NOTICE_ROWS = 3;

/** The notice wrapped to the width, at most `most` rows, the last ending in `…` when cut. */
export function noticeLines(notice: string, width: number, most = NOTICE_ROWS): string[] {
  const pieces = notice.split('\n').flatMap((line) => wrapColumns(line, width).map((piece) => piece.trimEnd()));
  if (pieces.length <= most) return pieces;
  const lines = pieces.slice(0, most);
  const last = lines[most - 1]!.trimEnd();
  lines[most - 1] = columnWidth(last) < width ? `${last}…` : clipColumns(`${last}…`, width);
  return lines;
}

/** Rows the bottom line takes: prompts one, a notice as many as it wraps to. */
export function bottomLineRows(showing: BottomLineShowing, notice: string, width: number): number {
  return showing === 'notice' ? noticeLines(notice, width).length : 1;
}

export function BottomLine({ showing, stepName, notice, width, onFeedback, onApiKey, toolName, onToolReject, onBack, onQuit }: BottomLineProps) {
  if (showing === 'tool-reject') return <LinePrompt label={`Reject ${toolName}, telling the model:`} onSubmit={(message) => onToolReject?.(message)} onCancel={onBack} screen="tool-reject" width={width} />;
  if (showing === 'feedback') return <LinePrompt label={`Feedback for ${stepName}:`} onSubmit={onFeedback} onCancel={onBack} width={width} />;
  if (showing === 'api-key') return <LinePrompt label="OpenAI API key (stored for your user only):" mask onSubmit={onApiKey} onCancel={onBack} screen="api-key" width={width} />;
  if (showing === 'quit') return <QuitQuestion onQuit={onQuit} onStay={onBack} />;
  if (showing === 'editing') return <Text dimColor>editing in $EDITOR…</Text>;
  return (
    <Box flexDirection="column">
      {noticeLines(notice, width).map((line, index) => (
        <Text key={index} color={tint('yellow')} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
