import { PaymentsConfig } from '../config/payments-config';
import { clientConfigOf } from './payments-config.dto';

const config = (keys: Partial<PaymentsConfig>) => Object.assign(new PaymentsConfig(), keys);

describe(clientConfigOf.name, () => {
  it.each([
    ['no keys: simulated', {}, { provider: 'simulated', publishableKey: null }],
    ['a publishable key without a secret key: still simulated', { STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }, { provider: 'simulated', publishableKey: null }],
    ['a secret key without a publishable key', { STRIPE_SECRET_KEY: 'sk_test_abc' }, { provider: 'stripe', publishableKey: null }],
    ['both keys', { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }, { provider: 'stripe', publishableKey: 'pk_test_abc' }],
  ])('%s', (_case, keys, expected) => {
    expect(clientConfigOf(config(keys))).toEqual(expected);
  });
});
