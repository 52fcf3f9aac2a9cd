import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import galley from './galley-rules.cjs';

const ROOT = path.join(__dirname, '..', '..');
const at = (file: string) => path.join(ROOT, file);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('no-cross-app-imports', galley.rules['no-cross-app-imports'], {
  valid: [
    { filename: at('apps/orders/src/services/orders.service.ts'), code: "import { x } from '../domain/order-status';" },
    { filename: at('apps/orders/test/orders.int-spec.ts'), code: "import { x } from '../src/orders.module';" },
    { filename: at('apps/orders/src/main.ts'), code: "import { loadConfig } from '@galley/config';" },
    { filename: at('libs/platform/src/index.ts'), code: "export * from './http/bootstrap';" },
    { filename: at('test/e2e/checkout.e2e.int-spec.ts'), code: "import { x } from '../../apps/orders/src/domain/order-status';" },
  ],
  invalid: [
    { filename: at('apps/orders/src/services/orders.service.ts'), code: "import { x } from '../../../inventory/src/domain/money';", errors: [{ messageId: 'crossApp' }] },
    { filename: at('apps/gateway/src/main.ts'), code: "export { y } from '../../users/src/domain/email';", errors: [{ messageId: 'crossApp' }] },
    { filename: at('apps/payments/src/cli/reconcile.ts'), code: "const m = require('../../../orders/src/domain/pricing');", errors: [{ messageId: 'crossApp' }] },
    { filename: at('apps/reviews/src/main.ts'), code: "void import('../../orders/src/orders.module');", errors: [{ messageId: 'crossApp' }] },
    { filename: at('libs/testing/src/running-system.ts'), code: "import { x } from '../../../apps/orders/src/orders.module';", errors: [{ messageId: 'libToApp' }] },
  ],
});

tester.run('no-process-env', galley.rules['no-process-env'], {
  valid: [
    { code: 'const config = loadConfig(settings);' },
    { code: 'loadServiceConfig("orders", process.env);', options: [{ allowWhole: true }] },
    { code: 'const env = { ...process.env, PORT: "1" };', options: [{ allowWhole: true }] },
  ],
  invalid: [
    { code: 'const port = process.env.PORT;', errors: [{ messageId: 'env' }] },
    { code: 'loadServiceConfig("orders", process.env);', errors: [{ messageId: 'env' }] },
    { code: 'const key = process["env"];', errors: [{ messageId: 'env' }] },
    { code: 'const port = process.env.PORT;', options: [{ allowWhole: true }], errors: [{ messageId: 'variable' }] },
    { code: 'const name = process.env["DB_NAME"];', options: [{ allowWhole: true }], errors: [{ messageId: 'variable' }] },
    { code: 'const { PORT } = process.env;', options: [{ allowWhole: true }], errors: [{ messageId: 'variable' }] },
  ],
});
