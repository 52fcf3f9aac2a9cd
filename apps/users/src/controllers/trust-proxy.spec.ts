import express from 'express';
import request from 'supertest';
import { AddressList } from '@galley/platform';
import { trustOneHop } from './trust-proxy';

/** An Express app that answers the address it sees, with users' trust setting. */
function appTrusting(setting: string) {
  const app = express();
  app.set('trust proxy', trustOneHop(AddressList.parse(setting)));
  app.get('/', (req, res) => res.json({ ip: req.ip, ips: req.ips }));
  return request(app);
}

describe(trustOneHop.name, () => {
  it('takes the right-most X-Forwarded-For entry from a trusted peer and nothing further left', async () => {
    const res = await appTrusting('loopback').get('/').set('X-Forwarded-For', '198.51.100.1, 127.0.0.1, 203.0.113.9');
    expect(res.body.ip).toBe('203.0.113.9');
  });

  it('does not walk past a loopback entry the way a plain "loopback" trust would', async () => {
    const res = await appTrusting('loopback').get('/').set('X-Forwarded-For', '198.51.100.1, 127.0.0.1');
    expect(res.body.ip).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not listed', async () => {
    const res = await appTrusting('10.0.0.0/8').get('/').set('X-Forwarded-For', '198.51.100.1');
    expect(res.body.ip).toMatch(/127\.0\.0\.1$/);
  });
});
