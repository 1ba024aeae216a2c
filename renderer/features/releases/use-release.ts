import { useCallback, useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import * as Y from 'yjs';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ReleaseDetail, ReleaseFields } from '../../../shared/releases/model';
import { isEditable } from '../../../shared/releases/workflow';
import { call, onEvent } from '../../api/client';

/**
 * Autosave. Body: every Yjs update of the editor is queued and sent within a second
 * (300 ms after the last keystroke, at most 800 ms after the first unsent one), merged into
 * one update. The core only appends updates, so an empty or broken document can never
 * replace a stored one; a failed send keeps the queue and retries. Fields: the same timing,
 * sending only the fields that changed.
 */
const QUIET_MS = 300;

/** The open release's save state and word count (one editor is open at a time). */
export const useSaveStatus = create<{ save: SaveState; words: number }>()(() => ({ save: { kind: 'saved', at: Date.now() }, words: 0 }));
const PENDING: SaveState = { kind: 'pending' };
const MAX_WAIT_MS = 800;

export type SaveState = { kind: 'saved'; at: number } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; error: ErrorPayload; retrying: boolean };

const b64 = (u: Uint8Array) => {
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
};
export const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/**
 * Runs `fn` after the next frame is painted. "Not saved yet" is shown this way: a store update
 * inside the key event renders React before the keystroke's own frame.
 */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * Runs QUIET_MS after the last poke, at most MAX_WAIT_MS after the first. A poke only notes the
 * time: one timer per burst, re-armed when it fires early, instead of a cleared and new timer
 * on every key.
 */
class Debouncer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private first = 0;
  private last = 0;
  constructor(private readonly run: () => void) {}
  poke() {
    this.last = Date.now();
    if (this.timer) return;
    this.first = this.last;
    this.arm(QUIET_MS);
  }
  private arm(wait: number) {
    this.timer = setTimeout(() => {
      const due = Math.min(this.last + QUIET_MS, this.first + MAX_WAIT_MS) - Date.now();
      if (due > 0) {
        this.arm(due);
        return;
      }
      this.timer = null;
      this.run();
    }, wait);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export function useRelease(id: string) {
  const [detail, setDetail] = useState<ReleaseDetail | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  // Save state and word count live in their own small store: the indicator re-renders, the
  // editor does not (a re-render of the whole form per autosave showed up in keystroke latency).
  const setSave = useCallback((next: SaveState | ((s: SaveState) => SaveState)) => {
    const cur = useSaveStatus.getState().save;
    const value = typeof next === 'function' ? next(cur) : next;
    if (value !== cur) useSaveStatus.setState({ save: value });
  }, []);
  const setWords = useCallback((words: number) => useSaveStatus.setState({ words }), []);
  const pendingMarked = useRef(false);
  const wordsRef = useRef<number | null>(null);
  const docRef = useRef<Y.Doc | null>(null);
  /** Approved and published text is closed: local normalisations of the editor are not sent. */
  const editableRef = useRef(true);
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const queue = useRef<Uint8Array[]>([]);
  const pendingFields = useRef<Partial<ReleaseFields>>({});
  const inFlight = useRef(false);
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const debouncer = useRef(new Debouncer(() => void flushRef.current()));

  const flush = useCallback(async () => {
    if (inFlight.current) {
      debouncer.current.poke();
      return;
    }
    const updates = queue.current.splice(0);
    const fields = pendingFields.current;
    pendingFields.current = {};
    if (!updates.length && !Object.keys(fields).length) return;
    inFlight.current = true;
    setSave({ kind: 'saving' });
    let error: ErrorPayload | null = null;
    if (updates.length) {
      const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      const r = await call('releases.appendBody', { id, update: b64(merged) });
      // Shown with "saved", when typing pauses: a new count every autosave was a frame of its own.
      if (r.ok) wordsRef.current = r.value.wordCount;
      else if (r.error.code === 'payload_too_large' || r.error.code === 'invalid_input' || r.error.code === 'conflict') error = r.error; // will not succeed on retry
      else {
        queue.current.unshift(merged);
        error = r.error;
      }
    }
    if (Object.keys(fields).length) {
      const r = await call('releases.update', { id, fields });
      if (r.ok) setDetail((d) => (d ? { ...d, ...r.value } : d));
      else {
        error = r.error;
        // Keep what the user typed for a retry unless the core refused the value itself.
        if (r.error.code !== 'invalid_input' && r.error.code !== 'conflict') pendingFields.current = { ...fields, ...pendingFields.current };
      }
    }
    inFlight.current = false;
    if (error) {
      const retrying = queue.current.length > 0 || Object.keys(pendingFields.current).length > 0;
      setSave({ kind: 'failed', error, retrying });
      if (retrying) setTimeout(() => void flushRef.current(), 2000);
    } else if (queue.current.length || Object.keys(pendingFields.current).length) setSave(PENDING); // typed on meanwhile: not all saved yet
    else {
      setSave({ kind: 'saved', at: Date.now() });
      if (wordsRef.current !== null) setWords(wordsRef.current);
      wordsRef.current = null;
    }
  }, [id]);
  flushRef.current = flush;

  /** Something waits to be sent: say so after this frame (once per burst of keys). */
  const markPending = useCallback(() => {
    if (pendingMarked.current || useSaveStatus.getState().save.kind === 'pending') return;
    pendingMarked.current = true;
    afterPaint(() => {
      pendingMarked.current = false;
      // Already sent in the meantime (a fast save): the indicator says "saved", and stays so.
      if (!inFlight.current && !queue.current.length && !Object.keys(pendingFields.current).length) return;
      setSave((s) => (s.kind === 'pending' ? s : PENDING));
    });
  }, []);

  const load = useCallback(async () => {
    const r = await call('releases.get', { id });
    if (!r.ok) {
      setLoadError(r.error);
      return;
    }
    setLoadError(null);
    setWords(r.value.wordCount);
    if (!docRef.current) {
      const d = new Y.Doc();
      Y.applyUpdate(d, fromB64(r.value.bodyState), 'remote');
      d.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'remote' || !editableRef.current) return;
        queue.current.push(update);
        markPending();
        debouncer.current.poke();
      });
      docRef.current = d;
      setDoc(d);
    } else {
      // Merging is idempotent: what we already have changes nothing, a peer's edit or a restore comes in.
      Y.applyUpdate(docRef.current, fromB64(r.value.bodyState), 'remote');
    }
    editableRef.current = isEditable(r.value.status);
    setDetail(r.value);
  }, [id, markPending]);

  useEffect(() => {
    if (detail) editableRef.current = isEditable(detail.status);
  }, [detail]);

  useEffect(() => {
    void load();
    const off = onEvent('data.changed', ({ tables }) => {
      if (tables.some((t) => t === 'release_comments' || t === 'release_transitions' || t === 'release_versions' || t === 'releases')) {
        if (!inFlight.current && !queue.current.length && !Object.keys(pendingFields.current).length) void load();
      }
    });
    const beforeUnload = () => void flushRef.current();
    window.addEventListener('beforeunload', beforeUnload);
    const deb = debouncer.current;
    return () => {
      off();
      window.removeEventListener('beforeunload', beforeUnload);
      deb.cancel();
      void flushRef.current();
      docRef.current?.destroy();
      docRef.current = null;
    };
  }, [load]);

  const setFields = useCallback((patch: Partial<ReleaseFields>) => {
    setDetail((d) => (d ? { ...d, ...patch } : d));
    pendingFields.current = { ...pendingFields.current, ...patch };
    markPending();
    debouncer.current.poke();
  }, [markPending]);

  /** Sends everything now (before a workflow step, so the reviewer sees the last word). */
  const flushNow = useCallback(async () => {
    debouncer.current.cancel();
    await flushRef.current();
  }, []);

  return { detail, setDetail, loadError, doc, setFields, flushNow, reload: load };
}
