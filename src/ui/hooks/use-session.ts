import { useSyncExternalStore } from 'react';
import type { Session, SessionState } from '../../app/session.js';

/** The session's loading state and data; re-renders when it reloads. */
export function useSessionState(session: Session): SessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
