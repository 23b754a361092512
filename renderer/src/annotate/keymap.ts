/**
 * One-key shortcuts of the annotation screen (mark as Claim, Denial, …; Attribute; Link), which the
 * analyst can remap. The map is kept in localStorage, checked when read (a stale or hand-edited
 * value falls back to the defaults for the keys it spoils), and shared by the toolbar, the key
 * handler, Help and the settings dialog through a tiny store (`useKeymap`).
 */
import { useSyncExternalStore } from 'react';
import { KINDS, type SpanKind } from './kinds.ts';

export type AnnotateAction = `mark:${SpanKind}` | 'attribute' | 'link';
export type Keymap = Record<AnnotateAction, string>;

export const STORAGE_KEY = 'claimdesk.annotateKeys';

export const DEFAULT_KEYMAP: Keymap = {
  ...(Object.fromEntries(KINDS.map((k) => [`mark:${k.kind}`, k.key])) as Record<`mark:${SpanKind}`, string>),
  attribute: 'A',
  link: 'L',
};

export const ACTIONS = Object.keys(DEFAULT_KEYMAP) as AnnotateAction[];

/** Keys an action may take: one letter or digit (no punctuation: `/` and `?` are the app's). */
export const isAssignable = (key: string): boolean => /^[\p{L}\p{N}]$/u.test(key);

/** Why a proposed map cannot be saved, or null: every key assignable and used once. */
export function keymapProblem(map: Keymap): { action: AnnotateAction; reason: 'invalid' | 'duplicate' } | null {
  const seen = new Map<string, AnnotateAction>();
  for (const action of ACTIONS) {
    const key = map[action].toUpperCase();
    if (!isAssignable(key)) return { action, reason: 'invalid' };
    if (seen.has(key)) return { action, reason: 'duplicate' };
    seen.set(key, action);
  }
  return null;
}

function read(storage: Storage | undefined): Keymap {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_KEYMAP;
    const parsed = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const map = { ...DEFAULT_KEYMAP };
    for (const action of ACTIONS) {
      const v = parsed[action];
      if (typeof v === 'string' && isAssignable(v)) map[action] = v.toUpperCase();
    }
    return keymapProblem(map) ? DEFAULT_KEYMAP : map;
  } catch {
    return DEFAULT_KEYMAP;
  }
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

let current: Keymap = read(storage());
const listeners = new Set<() => void>();

export function getKeymap(): Keymap {
  return current;
}

/** Saves a map (already checked with `keymapProblem`) and tells every user of it. */
export function saveKeymap(map: Keymap): void {
  current = Object.fromEntries(ACTIONS.map((a) => [a, map[a].toUpperCase()])) as Keymap;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage full or refused: the map still applies to this window.
  }
  listeners.forEach((l) => l());
}

/** Re-reads storage (another window saved a map). */
export function reloadKeymap(): void {
  current = read(storage());
  listeners.forEach((l) => l());
}

export function useKeymap(): Keymap {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getKeymap,
    getKeymap,
  );
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'> & { code?: string };

/**
 * The action a plain key press asks for, or null (modified keys never match). With a non-Latin
 * keyboard layout (Arabic), the physical key is matched too: the key labelled C still marks a claim.
 */
export function actionForKey(map: Keymap, event: KeyLike): AnnotateAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return null;
  const key = event.key.toUpperCase();
  const direct = ACTIONS.find((a) => map[a] === key);
  if (direct || /^[\x20-\x7e]$/.test(event.key)) return direct ?? null;
  return ACTIONS.find((a) => event.code === `Key${map[a]}` || event.code === `Digit${map[a]}`) ?? null;
}
