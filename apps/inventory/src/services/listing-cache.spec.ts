import { ListingCache } from './listing-cache';

describe(ListingCache.name, () => {
  const page = (name: string) => ({ name });

  function liveCache(max = 10) {
    const cache = new ListingCache<{ name: string }>(max);
    cache.resume();
    return cache;
  }

  it('keeps a page read in the current generation', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), page('a'));
    expect(cache.get('q=pizza')).toEqual(page('a'));
  });

  it('drops every page on a catalog change', () => {
    const cache = liveCache();
    cache.set('q=pizza', cache.begin(), page('a'));
    cache.invalidate();
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('does not keep a page that was being read when the catalog changed', () => {
    const cache = liveCache();
    const generation = cache.begin();
    cache.invalidate(); // the notification arrives while the query runs
    cache.set('q=pizza', generation, page('stale'));
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('keeps nothing before the change feed is connected and after it is lost', () => {
    const cache = new ListingCache<{ name: string }>(10);
    cache.set('q=pizza', cache.begin(), page('a'));
    expect(cache.get('q=pizza')).toBeUndefined();
    cache.resume();
    cache.set('q=pizza', cache.begin(), page('a'));
    cache.suspend();
    expect(cache.get('q=pizza')).toBeUndefined();
    cache.set('q=pizza', cache.begin(), page('b'));
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('starts empty when the feed comes back, since changes in between went unseen', () => {
    const cache = liveCache();
    const generation = cache.begin();
    cache.suspend();
    cache.resume();
    cache.set('q=pizza', generation, page('read before the outage'));
    expect(cache.get('q=pizza')).toBeUndefined();
  });

  it('holds at most the configured number of pages, least recently used out first', () => {
    const cache = liveCache(2);
    cache.set('a', cache.begin(), page('a'));
    cache.set('b', cache.begin(), page('b'));
    cache.get('a');
    cache.set('c', cache.begin(), page('c'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([page('a'), undefined, page('c')]);
  });

  it('is off with 0 entries', () => {
    const cache = new ListingCache<{ name: string }>(0);
    cache.resume();
    cache.set('a', cache.begin(), page('a'));
    expect(cache.enabled).toBe(false);
    expect(cache.get('a')).toBeUndefined();
  });
});
