// The line above the key hints: the feedback or API-key prompt while one is open, the quit
// question, or the latest notice.
import { Text } from 'ink';
import { LinePrompt } from './LinePrompt.js';
import { tint } from './palette.js';

export interface BottomLineProps {
  /** what the line shows */
  showing: 'feedback' | 'api-key' | 'quit' | 'editing' | 'notice';
  /** the step the feedback is for */
  stepName?: string;
  notice: string;
  onFeedback: (instruction: string) => void;
  onApiKey: (key: string) => void;
}

export function BottomLine({ showing, stepName, notice, onFeedback, onApiKey }: BottomLineProps) {
  if (showing === 'feedback') return <LinePrompt label={`Feedback for ${stepName}:`} onSubmit={onFeedback} />;
  if (showing === 'api-key') return <LinePrompt label="OpenAI API key (stored for your user only):" mask onSubmit={onApiKey} />;
  if (showing === 'quit') return <Text color={tint('yellow')}>Quit while running? y/n</Text>;
  if (showing === 'editing') return <Text dimColor>editing in $EDITOR…</Text>;
  return (
    <Text color={tint('yellow')} wrap="truncate">
      {notice}
    </Text>
  );
}
