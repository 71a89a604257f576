// Preloaded by bench/profile.js (`node --cpu-prof --import ./bench/profile-hook.js …`): each SIGUSR2
// appends the moment it arrived (µs of the monotonic clock, the clock of V8's CPU profiles) to the
// file named by BENCH_PROFILE_MARKS, so the profile can be cut to exactly the key presses.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_PROFILE_MARKS;
if (file) {
  process.on('SIGUSR2', () => {
    appendFileSync(file, `${process.hrtime.bigint() / 1000n}\n`);
  });
}
