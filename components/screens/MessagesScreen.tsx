// `m`: the whole request of a step. Esc, m or q go back; ↑/↓ PgUp/PgDn scroll. Should the
// step vanish from the file while it is open, the run screen (`fallback`) shows through.
import { useState, type ReactNode } from 'react';
import { MessagesView } from '../MessagesView.js';
import type { ShownRequest } from '../shown-request.js';
import { scrollStep, useScreenKeys } from '../hooks/useScreenKeys.js';
import { screenAction } from '../screen-keys.js';

export interface MessagesScreenProps {
  request: ShownRequest | null;
  width: number;
  height: number;
  /** rows a page key moves */
  page: number;
  onClose: () => void;
  fallback: ReactNode;
}

export function MessagesScreen({ request, width, height, page, onClose, fallback }: MessagesScreenProps) {
  const [scroll, setScroll] = useState(0);
  useScreenKeys((name) => {
    const action = screenAction('messages', name);
    if (action === 'back') onClose();
    else if (action === 'scroll') setScroll((was) => Math.max(0, was + scrollStep(name, page)));
  });
  return request ? <MessagesView request={request} width={width} height={height} scroll={scroll} /> : <>{fallback}</>;
}
