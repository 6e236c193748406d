import type { SessionState } from './session-state.ts';

/** Where session state lives. In memory by default; a shared store (e.g. Redis) lets several instances share sessions. */
export interface SessionStore {
  get(sessionId: string): Promise<SessionState | undefined>;
  set(state: SessionState): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

/** Options of the in-memory store. */
export interface MemorySessionStoreOptions {
  /** Most sessions kept; the least recently used is dropped beyond it. Default 10 000. */
  maxSessions?: number;
}

/** An in-memory session store with least-recently-used eviction. */
export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const maxSessions = options.maxSessions ?? 10_000;
  const sessions = new Map<string, SessionState>();
  return {
    async get(sessionId) {
      const state = sessions.get(sessionId);
      if (state) {
        sessions.delete(sessionId);
        sessions.set(sessionId, state);
      }
      return state;
    },
    async set(state) {
      sessions.delete(state.id);
      sessions.set(state.id, state);
      while (sessions.size > maxSessions) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
    },
    async delete(sessionId) {
      sessions.delete(sessionId);
    },
  };
}
