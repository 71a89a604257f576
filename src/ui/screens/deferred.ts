// The screens other than home (总览), with everything they use: not needed for the first frame, so
// run.ts loads them right after it (shell.tsx, registerScreens); app.tsx registers them at once.
export { ProjectsScreen } from './projects.js';
export { ProjectScreen } from './project.js';
export { MeetingScreen } from './meeting/meeting-screen.js';
export { LedgerScreen } from './ledger.js';
export { BriefingsScreen } from './briefings.js';
export { SettingsScreen } from './settings.js';
export { LeadersScreen } from './leaders.js';
export { HelpScreen } from './help.js';
