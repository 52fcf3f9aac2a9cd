// `npm stop`: stops the apps and the development broker that this checkout's `npm start` started.
// `npm stop -- --all` also stops the test broker (left running by `npm run provision -- --test`).
import { stopBroker } from './lib/kafka-broker.mjs';
import { step } from './lib/log.mjs';
import { readRunState, stopApps, writeRunState } from './lib/apps.mjs';
import { DEV_TARGET, TEST_TARGET } from './lib/provision.mjs';

const stopped = await stopApps();
step(`Stopped ${stopped} app process(es)`);
const targets = process.argv.includes('--all') ? [DEV_TARGET, TEST_TARGET] : [DEV_TARGET];
for (const target of targets) {
  if (await stopBroker(target.broker.name)) step(`Stopped the "${target.broker.name}" Kafka broker`);
}
writeRunState({ ...readRunState(), brokerStarted: false });
