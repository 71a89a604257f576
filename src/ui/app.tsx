// The app with every screen registered at once (shell.tsx): what the tests render, and what a caller
// that does not load the screens itself uses. run.ts draws the first frame with the shell alone and
// registers the other screens right after it.
import * as deferred from './screens/deferred.js';
import { registerScreens } from './shell.js';

registerScreens(deferred);

export { App, appElement } from './shell.js';
export type { AppProps } from './shell.js';
