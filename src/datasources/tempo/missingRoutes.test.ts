import { MissingRoutes, type KeyValueStore } from './missingRoutes';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('MissingRoutes', () => {
  it('remembers a missing route per datasource and family, across instances sharing a store', () => {
    const store = memoryStore();
    const routes = new MissingRoutes(store);
    routes.add('tempo23', 'traces');
    expect(routes.has('tempo23', 'traces')).toBe(true);
    expect(routes.has('tempo23', 'tags')).toBe(false);
    expect(routes.has('tempo26', 'traces')).toBe(false);
    const reloaded = new MissingRoutes(store);
    expect(reloaded.has('tempo23', 'traces')).toBe(true);
    expect(reloaded.has('tempo26', 'traces')).toBe(false);
  });

  it('works in memory without a store, or with one that fails or holds something else', () => {
    const noStore = new MissingRoutes(undefined);
    noStore.add('a', 'traces');
    expect(noStore.has('a', 'traces')).toBe(true);

    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const routes = new MissingRoutes(broken);
    routes.add('a', 'traces');
    expect(routes.has('a', 'traces')).toBe(true);

    expect(new MissingRoutes(memoryStore({ 'sightline.tempo.missingV2': '{"not": "a list"}' })).has('a', 'traces')).toBe(false);
    expect(new MissingRoutes(memoryStore({ 'sightline.tempo.missingV2': 'not json' })).has('a', 'traces')).toBe(false);
  });
});
