// Property tests (fast-check) run the same cases on every `npm test`, so CI is reproducible: a red run
// is a change's doing, not a new random draw. `FC_SEED=random npm test` draws new cases (do it when
// changing a parser or a rule); `FC_SEED=<n>` replays a run, and a failure prints its seed and path.
import fc from 'fast-check';

const DEFAULT_SEED = 20211115;
const setting = process.env.FC_SEED;
if (setting !== 'random') {
  const seed = setting === undefined || setting === '' ? DEFAULT_SEED : Number(setting);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${setting}`);
  fc.configureGlobal({ seed });
}
