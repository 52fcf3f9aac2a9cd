// `npm run provision [-- --test]`: everything `npm start` (or `npm test`) needs, without starting
// the services. CI calls it before `npm test` so that the slow steps show up separately.
import 'dotenv/config';
import { DEV_TARGET, provision, TEST_TARGET } from './lib/provision.mjs';
import { step } from './lib/log.mjs';

const target = process.argv.includes('--test') ? TEST_TARGET : DEV_TARGET;
provision(target)
  .then(() => step(`Provisioned ${target.database} and the "${target.broker.name}" broker on 127.0.0.1:${target.broker.port}`))
  .catch((error) => {
    console.error(`provisioning failed: ${error.message}`);
    process.exit(1);
  });
