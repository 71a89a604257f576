// The app: a stack of screens, the top one active; navigation only. Screens below the top stay
// mounted (hidden) so that going back finds the list where it was left.
import { Box, useApp, useInput } from 'ink';
import type { Key } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Session } from '../app/session.js';
import { useSessionState } from './hooks/use-session.js';
import { TerminalSizeProvider } from './hooks/use-terminal-size.js';
import type { TerminalSize } from './hooks/use-terminal-size.js';
import { commandFor, matches } from './key-bindings.js';
import { useLatest } from './components/use-latest.js';
import { initialNav, reduceNav } from './screens/navigation.js';
import type { Route } from './screens/navigation.js';
import type { Navigator, ScreenProps } from './screens/types.js';
import { HomeScreen } from './screens/home.js';
import { ProjectsScreen } from './screens/projects.js';
import { ProjectScreen } from './screens/project.js';
import { MeetingScreen } from './screens/meeting/meeting-screen.js';
import { LedgerScreen } from './screens/ledger.js';
import { BriefingsScreen } from './screens/briefings.js';
import { SettingsScreen } from './screens/settings.js';
import { LeadersScreen } from './screens/leaders.js';
import { HelpScreen } from './screens/help.js';
import { QuitQuestion } from './screens/quit-question.js';

export interface AppProps {
  session: Session;
  /** the screens open at start (default: home) */
  initialRoutes?: Route[];
  /** a fixed size (tests); default the terminal's, following resizes */
  size?: TerminalSize;
  /** called once when the user leaves (Ctrl+C, or quit from a screen), before Ink unmounts */
  onQuit?: () => void;
}

function RouteView(props: ScreenProps & { route: Route }) {
  const { route, ...common } = props;
  switch (route.screen) {
    case 'home':
      return <HomeScreen {...common} />;
    case 'projects':
      return <ProjectsScreen {...common} />;
    case 'project':
      return <ProjectScreen {...common} projectId={route.projectId} siblings={route.siblings} />;
    case 'meeting':
      return <MeetingScreen {...common} />;
    case 'ledger':
      return <LedgerScreen {...common} />;
    case 'briefings':
      return <BriefingsScreen {...common} meetingFile={route.meetingFile} />;
    case 'settings':
      return <SettingsScreen {...common} />;
    case 'leaders':
      return <LeadersScreen {...common} />;
    case 'help':
      return <HelpScreen {...common} context={route.context} />;
  }
}

export function App(props: AppProps) {
  const { session } = props;
  const { exit } = useApp();
  const [nav, dispatch] = useReducer(reduceNav, props.initialRoutes ?? [{ screen: 'home' }], initialNav);
  const state = useSessionState(session);

  // Load after the first frame is out (issue 3: nothing heavy before the first frame).
  useEffect(() => {
    if (state.phase !== 'loading') return;
    // (unless loaded meanwhile: run.ts loads right after a first frame drawn from the cache)
    const timer = setTimeout(() => {
      if (session.getSnapshot().phase === 'loading') session.load();
    }, 0);
    return () => clearTimeout(timer);
  }, [session, state.phase]);

  const latest = useLatest(props);
  const quit = useCallback(() => {
    latest.current.onQuit?.();
    exit();
  }, [exit, latest]);
  // What quitting would lose, while the app asks whether to quit anyway (issue 9); null otherwise.
  // (the ref is set at once, so keys that arrive together are read against the question)
  const [losing, setLosingState] = useState<string[] | null>(null);
  const askingRef = useRef<string[] | null>(null);
  const setLosing = useCallback((lines: string[] | null) => {
    askingRef.current = lines;
    setLosingState(lines);
  }, []);
  const requestQuit = useCallback(() => {
    if (askingRef.current) return; // asked already: y quits, n or Esc stays
    const lines = session.unsavedWork();
    if (lines) setLosing(lines);
    else quit();
  }, [setLosing, session, quit]);

  const navigator: Navigator = useMemo(
    () => ({
      push: (route) => dispatch({ type: 'push', route }),
      pop: () => dispatch({ type: 'pop' }),
      replace: (route) => dispatch({ type: 'replace', route }),
      home: () => dispatch({ type: 'home' }),
      quit: requestQuit,
    }),
    [requestQuit],
  );

  // Ctrl+C leaves safely from anywhere (render with exitOnCtrlC: false), after asking when it would
  // lose something.
  const onKey = useCallback(
    (input: string, key: Key) => {
      if (askingRef.current) {
        const command = commandFor('quitConfirm', input, key);
        if (command === 'confirm.quit') quit();
        else if (command === 'confirm.no') setLosing(null);
        return;
      }
      if (matches('app.quit', input, key)) requestQuit();
    },
    [setLosing, quit, requestQuit],
  );
  useInput(onKey);

  const top = nav.stack.length - 1;
  return (
    <TerminalSizeProvider fixed={props.size}>
      {nav.stack.map((entry, i) => (
        <Box key={entry.key} display={i === top && !losing ? 'flex' : 'none'} flexDirection="column">
          <RouteView route={entry.route} session={session} active={i === top && !losing} nav={navigator} />
        </Box>
      ))}
      {losing ? <QuitQuestion lines={losing} /> : null}
    </TerminalSizeProvider>
  );
}

/** The app as an element, for run.ts (which must not load React before it sets NODE_ENV). */
export function appElement(props: AppProps) {
  return <App {...props} />;
}
