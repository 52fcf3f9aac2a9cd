// Start or stop a named Kafka broker of this checkout: `node scripts/broker.mjs start <name> <port> <controllerPort>`
// or `node scripts/broker.mjs stop|kill <name>`. Used by tests that need a broker of their own to stop.
import { startBroker, stopBroker } from './lib/kafka-broker.mjs';

const [command, name, port, controllerPort] = process.argv.slice(2);
try {
  if (command === 'start' && name && port && controllerPort) {
    const result = await startBroker({ name, port: Number(port), controllerPort: Number(controllerPort), heapMb: 384 });
    console.log(JSON.stringify(result));
  } else if (command === 'stop' && name) {
    console.log(JSON.stringify({ stopped: await stopBroker(name) }));
  } else if (command === 'kill' && name) {
    // kill -9: no controlled shutdown, as when a broker's machine dies (crash tests).
    console.log(JSON.stringify({ killed: await stopBroker(name, { signal: 'SIGKILL' }) }));
  } else {
    console.error('usage: node scripts/broker.mjs start <name> <port> <controllerPort> | stop <name> | kill <name>');
    process.exit(2);
  }
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
