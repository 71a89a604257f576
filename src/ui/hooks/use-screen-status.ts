// The status line's message belongs to the screen it was written on (issue 11, item 10): when the
// secretary moves to another view (agenda → a project, the next project, the follow-ups) or comes
// back from a screen opened on top (help, project detail), an old message no longer shows. A
// message set in the same key press that changes the view belongs to the new view.
import { useEffect, useRef } from 'react';
import type { StatusMessage } from '../screens/chrome.js';

/** The message to show now: `status`, unless the view has changed since it was set. */
export function useScreenStatus(
  status: StatusMessage | null,
  setStatus: (status: StatusMessage | null) => void,
  screenKey: string,
  active: boolean,
): StatusMessage | null {
  const at = useRef({ status, key: screenKey, old: false });
  if (at.current.status !== status) at.current = { status, key: screenKey, old: false };
  // once the view has changed the message stays old, also when the secretary comes back to it
  else if (at.current.key !== screenKey) at.current.old = true;
  // hidden under another screen: whatever it said is old news when the secretary comes back
  useEffect(() => {
    if (!active) setStatus(null);
  }, [active, setStatus]);
  return at.current.old ? null : status;
}
