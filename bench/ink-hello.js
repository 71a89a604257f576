// The floor for the TUI's first frame: a bare Ink program that renders "hello" and nothing else,
// started the same way as the app (node, in a pseudo-terminal) and, like the app (src/ui/run.ts),
// with React's production build. No JSX, so no build step. The benchmark runs it as it is and, for
// comparison, bundled the way the app's UI is (scripts/bundle-ui.mjs).
process.env.NODE_ENV ??= 'production';
const [React, { render, Text }] = await Promise.all([import('react'), import('ink')]);
// bundled, React (CommonJS) arrives as the default export
const createElement = React.createElement ?? React.default.createElement;

const app = render(createElement(Text, null, 'hello'));
// Stay up like the app does until the harness ends it.
const keepAlive = globalThis.setInterval(() => {}, 1 << 30);
process.on('SIGHUP', () => {
  globalThis.clearInterval(keepAlive);
  app.unmount();
  process.exit(0);
});
process.on('SIGTERM', () => process.exit(0));
