// `?`: the help over the body. ↑/↓ PgUp/PgDn scroll it; any other key closes it.
import { useState } from 'react';
import { HelpOverlay, helpMaxScroll } from '../HelpOverlay.js';
import { scrollStep, useScreenKeys } from '../hooks/useScreenKeys.js';
import { screenAction } from '../screen-keys.js';

export function HelpScreen({ height, onClose }: { height: number; onClose: () => void }) {
  const [scroll, setScroll] = useState(0);
  useScreenKeys((name) => {
    if (screenAction('help', name) === 'close') return onClose();
    const step = scrollStep(name, Math.max(1, height - 2));
    setScroll((was) => Math.min(helpMaxScroll(height), Math.max(0, was + step)));
  });
  return <HelpOverlay height={height} scroll={scroll} />;
}
