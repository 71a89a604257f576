
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import { Session } from '../../src/ui/hooks/session.js';
import { openSettings } from '../../src/store/settings.js';
await (async () => {
const session = new Session({ registerPath: '/work/main/test/ui/fixtures/register.yaml', meetingsDir: '/work/main/test/ui/fixtures/meetings', today: '2021-10-08', settings: openSettings({ cwd: '/tmp/smoke-settings' }) });
session.load();
const r = render(<App session={session} size={{ columns: 80, rows: 24 }} />);
const wait = (ms = 100) => new Promise((res) => setTimeout(res, ms));
await wait();
for (const k of ['1', '\u001b', '1', '\u001b', '1']) {
const t0 = performance.now();
r.stdin.write(k);
const want = k === '1' ? '编号' : '总览';
while (!r.lastFrame()!.includes(want)) await wait(1);
console.log(JSON.stringify(k), 'frame after', performance.now() - t0);
await wait(200);
}
r.unmount();
})();
