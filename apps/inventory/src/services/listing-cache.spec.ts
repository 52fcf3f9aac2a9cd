import { ListingCache } from './listing-cache';

describe(ListingCache.name, () => {
  const keepAll = { dropOnFigures: false };

  function liveCache(maxBytes = 1_000_000) {
    const cache = new ListingCache(maxBytes);
    cache.resume();
    return cache;
  }

  it('keeps a page read in the current generations', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), '{"a":1}', keepAll);
    expect(cache.get('q=pizza')).toEqual({ json: '{"a":1}', figuresFresh: true });
  });

  it('drops every page on a catalog change', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), '{}', keepAll);
    cache.catalogChanged();
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('does not keep a page that was being read when the catalog or its figures changed', () => {
    const cache = liveCache();
    const before = cache.begin();
    cache.catalogChanged(); // the notification arrives while the query runs
    cache.set('q=pizza', before, '"stale"', keepAll);
    expect(cache.get('q=pizza')).toBeUndefined();
    const again = cache.begin();
    cache.figuresChanged();
    cache.set('q=pizza', again, '"stale figures"', keepAll);
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('marks kept pages stale on a stock or rating change, and fresh again once their figures are read anew', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), '"old"', keepAll);
    cache.figuresChanged();
    expect(cache.get('q=pizza')).toEqual({ json: '"old"', figuresFresh: false });
    cache.refreshed('q=pizza', cache.begin(), '"patched"');
    expect(cache.get('q=pizza')).toEqual({ json: '"patched"', figuresFresh: true });
  });

  it('stays stale when the figures change again while they are read', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), '"old"', keepAll);
    cache.figuresChanged();
    const token = cache.begin();
    cache.figuresChanged();
    cache.refreshed('q=pizza', token, '"patched with figures already old"');
    expect(cache.get('q=pizza')?.figuresFresh).toBe(false);
  });

  it('does not store figures read across a catalog change', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), '"old"', keepAll);
    cache.figuresChanged();
    const token = cache.begin();
    cache.catalogChanged();
    cache.refreshed('q=pizza', token, '"patched"');
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('drops, instead of patching, a page whose matches depend on the figures', () => {
    const cache = liveCache();
    cache.set('inStock=true', cache.begin(), '"in stock"', { dropOnFigures: true });
    expect(cache.get('inStock=true')?.figuresFresh).toBe(true);
    cache.figuresChanged();
    expect(cache.get('inStock=true')).toBeUndefined();
  });

  it('keeps nothing before the change feed is connected and after it is lost', () => {
    const cache = new ListingCache(1_000_000);
    cache.set('q=pizza', cache.begin(), '"a"', keepAll);
    expect(cache.get('q=pizza')).toBeUndefined();
    cache.resume();
    cache.set('q=pizza', cache.begin(), '"a"', keepAll);
    cache.suspend();
    expect(cache.get('q=pizza')).toBeUndefined();
    cache.set('q=pizza', cache.begin(), '"b"', keepAll);
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('starts empty when the feed comes back, since changes in between went unseen', () => {
    const cache = liveCache();
    const token = cache.begin();
    cache.suspend();
    cache.resume();
    cache.set('q=pizza', token, '"read before the outage"', keepAll);
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('holds at most its size in bytes, least recently used out first', () => {
    const page = 'x'.repeat(400);
    const cache = liveCache(1000); // two pages of 400 characters and their keys, not three
    cache.set('a', cache.begin(), page, keepAll);
    cache.set('b', cache.begin(), page, keepAll);
    cache.get('a');
    cache.set('c', cache.begin(), page, keepAll);
    expect(['a', 'b', 'c'].map((key) => cache.get(key) !== undefined)).toEqual([true, false, true]);
  });

  it('is off with 0 bytes', () => {
    const cache = new ListingCache(0);
    cache.resume();
    cache.set('a', cache.begin(), '"a"', keepAll);
    expect(cache.enabled).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });
});
