import { ImageStorage } from '../repositories/image-storage';
import { copyImages } from './image-copy';

class MemoryStorage implements ImageStorage {
  readonly puts: string[] = [];
  constructor(readonly bytes = new Map<string, Buffer>()) {}
  async put(key: string, bytes: Buffer): Promise<void> {
    this.puts.push(key);
    this.bytes.set(key, bytes);
  }
  async get(key: string): Promise<Buffer | null> {
    return this.bytes.get(key) ?? null;
  }
  async delete(key: string): Promise<void> {
    this.bytes.delete(key);
  }
}

const stored = (...keys: string[]) => new Map(keys.map((key) => [key, Buffer.from(`bytes of ${key}`)]));

describe(copyImages.name, () => {
  it.each<[string, string[], string[], { copied: string[]; present: string[]; missing: string[] }]>([
    ['copies what only the source holds', ['a', 'b'], [], { copied: ['a', 'b'], present: [], missing: [] }],
    ['skips what the target holds already', ['a', 'b'], ['a'], { copied: ['b'], present: ['a'], missing: [] }],
    ['reports keys neither holds', ['a'], [], { copied: ['a'], present: [], missing: ['z'] }],
  ])('%s', async (_case, source, target, expected) => {
    const from = new MemoryStorage(stored(...source));
    const to = new MemoryStorage(stored(...target));
    const keys = [...new Set([...source, ...target, ...expected.missing])].sort();
    const sut = await copyImages(keys, from, to);
    expect(sut).toEqual(expected);
    expect(to.puts).toEqual(expected.copied);
    for (const key of expected.copied) expect(await to.get(key)).toEqual(Buffer.from(`bytes of ${key}`));
  });

  it('leaves the source as it was', async () => {
    const from = new MemoryStorage(stored('a'));
    await copyImages(['a'], from, new MemoryStorage());
    expect([...from.bytes.keys()]).toEqual(['a']);
  });

  it('stops at the first failing write, having copied what came before (a rerun carries on)', async () => {
    const from = new MemoryStorage(stored('a', 'b', 'c'));
    const to = new MemoryStorage();
    const put = to.put.bind(to);
    to.put = async (key, bytes) => (key === 'b' ? Promise.reject(new Error('bucket unreachable')) : put(key, bytes));
    await expect(copyImages(['a', 'b', 'c'], from, to)).rejects.toThrow('bucket unreachable');
    expect([...to.bytes.keys()]).toEqual(['a']);
    to.put = put;
    expect(await copyImages(['a', 'b', 'c'], from, to)).toEqual({ copied: ['b', 'c'], present: ['a'], missing: [] });
  });
});
