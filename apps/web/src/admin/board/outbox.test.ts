import { describe, expect, it } from 'vitest';
import { Outbox, OUTBOX_KEY } from './outbox';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe(Outbox.name, () => {
  it('holds a tap for the undo window, then hands it out once', () => {
    let now = 1000;
    const sut = new Outbox(undefined, () => now);
    sut.add('a', 'CONFIRMED', 'PREPARING', 5000);
    expect(sut.takeDue()).toEqual([]);
    now = 6000;
    expect(sut.takeDue().map((i) => i.to)).toEqual(['PREPARING']);
    expect(sut.takeDue()).toEqual([]);
  });

  it('projects the status the cook tapped to', () => {
    const sut = new Outbox(undefined, () => 0);
    sut.add('a', 'CONFIRMED', 'PREPARING');
    expect(sut.projected('a', 'CONFIRMED')).toBe('PREPARING');
    expect(sut.projected('b', 'READY')).toBe('READY');
  });

  it('undoes an unsent tap but not one being sent', () => {
    let now = 0;
    const sut = new Outbox(undefined, () => now);
    sut.add('a', 'CONFIRMED', 'PREPARING', 5000);
    expect(sut.undo('a')).toBe(true);
    expect(sut.projected('a', 'CONFIRMED')).toBe('CONFIRMED');
    sut.add('a', 'CONFIRMED', 'PREPARING', 5000);
    now = 5000;
    sut.takeDue();
    expect(sut.canUndo('a')).toBe(false);
    expect(sut.undo('a')).toBe(false);
  });

  it('sends the taps of one order in order, the second tap releasing the first at once', () => {
    let now = 0;
    const sut = new Outbox(undefined, () => now);
    sut.add('a', 'CONFIRMED', 'PREPARING', 5000);
    sut.add('a', 'PREPARING', 'READY', 5000);
    const first = sut.takeDue();
    expect(first.map((i) => i.to)).toEqual(['PREPARING']);
    expect(sut.takeDue()).toEqual([]);
    sut.settle(first[0]!.key, 'done');
    now = 5000;
    expect(sut.takeDue().map((i) => i.to)).toEqual(['READY']);
  });

  it('keeps a tap that could not be sent and offers it again', () => {
    const sut = new Outbox(undefined, () => 10_000);
    sut.add('a', 'CONFIRMED', 'PREPARING', 0);
    const [intent] = sut.takeDue();
    sut.settle(intent!.key, 'retry');
    expect(sut.takeDue().map((i) => i.key)).toEqual([intent!.key]);
  });

  it('drops a failed tap with the later taps of that order', () => {
    const sut = new Outbox(undefined, () => 10_000);
    sut.add('a', 'CONFIRMED', 'PREPARING', 0);
    sut.add('a', 'PREPARING', 'READY', 0);
    const [intent] = sut.takeDue();
    sut.settle(intent!.key, { failed: 'cancelled by the customer' });
    expect(sut.list()).toEqual([]);
  });

  it('survives a reload through storage, unsent', () => {
    const storage = memoryStorage();
    const before = new Outbox(storage, () => 0);
    before.add('a', 'CONFIRMED', 'PREPARING', 0);
    before.takeDue();
    expect(storage.data.get(OUTBOX_KEY)).toContain('PREPARING');
    const sut = new Outbox(storage, () => 0);
    expect(sut.list().map((i) => [i.orderId, i.state])).toEqual([['a', 'waiting']]);
  });

  it('ignores the same tap twice', () => {
    const sut = new Outbox(undefined, () => 0);
    sut.add('a', 'CONFIRMED', 'PREPARING');
    sut.add('a', 'CONFIRMED', 'PREPARING');
    expect(sut.list()).toHaveLength(1);
  });
});
