import { BoardJournal } from './board-journal';

function journalWith(capacity: number, count: number): BoardJournal<string> {
  const sut = new BoardJournal<string>(capacity, 'abc123');
  for (let n = 1; n <= count; n++) sut.append(`change ${n}`);
  return sut;
}

describe(BoardJournal.name, () => {
  it.each([
    // capacity, appended, Last-Event-ID, expected
    [5, 3, undefined, 'fresh'],
    [5, 3, '', 'fresh'],
    [5, 3, '  ', 'fresh'],
    [5, 3, 'abc123:0', [1, 2, 3]],
    [5, 3, 'abc123:1', [2, 3]],
    [5, 3, 'abc123:3', []],
    [5, 0, 'abc123:0', []],
    [5, 5, 'abc123:0', [1, 2, 3, 4, 5]],
    [5, 6, 'abc123:0', 'resync'],
    [5, 6, 'abc123:1', [2, 3, 4, 5, 6]],
    [5, 12, 'abc123:6', 'resync'],
    [5, 12, 'abc123:7', [8, 9, 10, 11, 12]],
    [5, 12, 'abc123:11', [12]],
    [5, 3, 'abc123:4', 'resync'],
    [5, 3, 'ffff00:1', 'resync'],
    [5, 3, '2b9c7e3a-1f2d-4c5e-9a8b-7c6d5e4f3a2b:4', 'resync'],
    [5, 3, 'abc123:-1', 'resync'],
    [5, 3, 'garbage', 'resync'],
    [5, 3, '7', 'resync'],
  ])('with capacity %i after %i changes resumes Last-Event-ID %p as %p', (capacity, appended, lastEventId, expected) => {
    const sut = journalWith(capacity, appended);
    const resumption = sut.resume(lastEventId);
    if (typeof expected === 'string') expect(resumption.kind).toBe(expected);
    else {
      expect(resumption.kind).toBe('replay');
      const entries = resumption.kind === 'replay' ? resumption.entries : [];
      expect(entries.map((entry) => entry.position)).toEqual(expected);
      expect(entries.map((entry) => entry.change)).toEqual(expected.map((n) => `change ${n}`));
    }
  });

  it('gives ids that resume to exactly what followed them', () => {
    const sut = journalWith(10, 4);
    const second = sut.resume('abc123:1');
    const id = sut.idOf(second.kind === 'replay' ? second.entries[0] : { position: -1, change: '' });
    expect(id).toBe('abc123:2');
    sut.append('change 5');
    const after = sut.resume(id);
    expect(after.kind === 'replay' && after.entries.map((entry) => entry.change)).toEqual(['change 3', 'change 4', 'change 5']);
  });

  it('hands each appended change to its live listeners until they unsubscribe', () => {
    const sut = new BoardJournal<string>(3);
    const seen: number[] = [];
    const unsubscribe = sut.subscribe((entry) => seen.push(entry.position));
    sut.append('a');
    sut.append('b');
    unsubscribe();
    sut.append('c');
    expect(seen).toEqual([1, 2]);
    expect(sut.head).toBe(3);
  });

  it('draws a different epoch for each instance, so that ids from a restarted gateway are unknown', () => {
    const before = new BoardJournal<string>(3);
    before.append('a');
    const restarted = new BoardJournal<string>(3);
    restarted.append('a');
    expect(restarted.epoch).not.toBe(before.epoch);
    expect(restarted.resume(before.idOf({ position: 1, change: 'a' })).kind).toBe('resync');
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoardJournal<string>(0)).toThrow(/positive capacity/);
  });
});
