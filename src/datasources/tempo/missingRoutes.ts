// v2 routes a datasource's Tempo lacks (trace by id arrived in Tempo 2.6, search tags v2 in 2.1),
// so that each request costs one round trip once known. Kept in memory and in sessionStorage: a
// reload, or the next trace opened in this tab, skips the v2 attempt, which on a cold load held
// the trace's own request back by about 100 ms. Not localStorage: a new tab probes again, so an
// upgraded Tempo is noticed.

const STORAGE_KEY = 'sightline.tempo.missingV2';

/** The part of the Storage API used here (sessionStorage in the browser; absent in Node). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export class MissingRoutes {
  private readonly known: Set<string>;

  constructor(private readonly store: KeyValueStore | undefined) {
    this.known = new Set(readKeys(store));
  }

  has(uid: string, family: string): boolean {
    return this.known.has(key(uid, family));
  }

  add(uid: string, family: string): void {
    this.known.add(key(uid, family));
    this.save();
  }

  delete(uid: string, family: string): void {
    if (this.known.delete(key(uid, family))) this.save();
  }

  private save(): void {
    try {
      this.store?.setItem(STORAGE_KEY, JSON.stringify([...this.known]));
    } catch {
      // Storage full or disabled: the memory still holds it for this page.
    }
  }
}

const key = (uid: string, family: string) => `${uid}\n${family}`;

function readKeys(store: KeyValueStore | undefined): string[] {
  try {
    const value: unknown = JSON.parse(store?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return []; // unreadable (disabled storage, or not our JSON): probe again
  }
}

/** sessionStorage where there is one; reading the property itself throws when storage is blocked. */
export function sessionStore(): KeyValueStore | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
