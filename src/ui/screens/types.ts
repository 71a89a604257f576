// What the app hands every screen.
import type { Session } from '../../app/session.js';
import type { Route } from './navigation.js';

export interface Navigator {
  push(route: Route): void;
  /** back one screen (Esc) */
  pop(): void;
  replace(route: Route): void;
  home(): void;
  /** leave the app safely (Ctrl+C) */
  quit(): void;
}

export interface ScreenProps {
  session: Session;
  /** the top screen: only it listens to keys */
  active: boolean;
  nav: Navigator;
}
