// Preloaded into each app by `BENCH_CPU_PROF=<dir> npm run bench:checkout` (NODE_OPTIONS=--require; --cpu-prof is
// not allowed in NODE_OPTIONS and would profile start-up too). The first SIGUSR2 starts the V8 sampling profiler,
// the second writes <BENCH_CPU_PROF_DIR>/<BENCH_CPU_PROF_NAME>.cpuprofile (Chrome DevTools format), so the profile
// covers exactly the bench's measurement window.
const { isMainThread } = require('node:worker_threads');
const dir = process.env.BENCH_CPU_PROF_DIR;

if (dir && isMainThread) {
  const fs = require('node:fs');
  const path = require('node:path');
  const inspector = require('node:inspector');
  const name = process.env.BENCH_CPU_PROF_NAME || String(process.pid);
  const interval = Number(process.env.BENCH_CPU_PROF_INTERVAL_US || 500);
  const session = new inspector.Session();
  session.connect();
  let profiling = false;
  process.on('SIGUSR2', () => {
    if (!profiling) {
      profiling = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval }, () => session.post('Profiler.start')));
      return;
    }
    profiling = false;
    session.post('Profiler.stop', (error, result) => {
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name}.cpuprofile`);
      if (error) fs.writeFileSync(`${file}.error`, String(error));
      else fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
