// `npm stop`: stops the apps and brokers that this checkout's `npm start` / `npm test` started.
import { stopBroker } from './lib/kafka-broker.mjs';
import { step } from './lib/log.mjs';
import { readRunState, stopApps, writeRunState } from './lib/apps.mjs';
import { DEV_TARGET, TEST_TARGET } from './lib/provision.mjs';

const stopped = await stopApps();
step(`Stopped ${stopped} app process(es)`);
for (const target of [DEV_TARGET, TEST_TARGET]) {
  if (await stopBroker(target.broker.name)) step(`Stopped the "${target.broker.name}" Kafka broker`);
}
writeRunState({ ...readRunState(), brokerStarted: false });
