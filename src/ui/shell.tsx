// The app: a stack of screens, the top one active; navigation only. Screens below the top stay
// mounted (hidden) so that going back finds the list where it was left.
//
// Only the home screen is imported here: the others (./screens/deferred.ts, most of the UI's code)
// are registered with registerScreens, by app.tsx for the app with every screen at once (tests, the
// unbundled modules), and by run.ts right after the first frame, so that the bundle the first frame
// waits for is smaller (issue 13 item 10); run.ts holds the keys until they are registered.
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
import type * as Deferred from './screens/deferred.js';
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

let screens: typeof Deferred | undefined;

/** Makes the screens other than home available (app.tsx at once; run.ts after the first frame). */
export function registerScreens(deferred: typeof Deferred): void {
  screens = deferred;
}

function RouteView(props: ScreenProps & { route: Route }) {
  const { route, ...common } = props;
  if (route.screen === 'home') return <HomeScreen {...common} />;
  // (not yet registered: nothing; run.ts registers them before any key is read)
  if (!screens) return null;
  const {
    ProjectsScreen,
    ProjectScreen,
    MeetingScreen,
    LedgerScreen,
    BriefingsScreen,
    SettingsScreen,
    LeadersScreen,
    HelpScreen,
  } = screens;
  switch (route.screen) {
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
