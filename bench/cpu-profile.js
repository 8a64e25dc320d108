// Preloaded into the API by `npm run bench -- --profile` (node -r): profiles from the start, and writes the
// V8 CPU profile to CPU_PROFILE_FILE on SIGUSR2. (--cpu-prof writes only on a normal exit, and Nest's
// shutdown hook ends the process by re-raising SIGTERM.)
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 1000 }, () => session.post('Profiler.start')));
process.on('SIGUSR2', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.CPU_PROFILE_FILE, JSON.stringify(result.profile));
  });
});
