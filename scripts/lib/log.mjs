// Progress lines for the provisioning scripts, with elapsed time so a slow step is visible.
const started = Date.now();
export function step(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[galley ${seconds}s] ${message}`);
}
