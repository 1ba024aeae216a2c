import { useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../shared/contract/errors';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/methods';
import { call } from './client';

/**
 * What a list view shows: `method(input)` asked again whenever the input or `reload` (a data
 * version, a tick after an action) changes. An answer that arrives after a newer request or after
 * the view has gone is dropped. A refusal goes to `onError`, which the view shows with the errors
 * of its own actions; with `clearsError` an answer that came back clears the view's error.
 */
export function useLoaded<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  reload: readonly unknown[],
  onError: (error: ErrorPayload | null) => void,
  { clearsError = false }: { clearsError?: boolean } = {},
): MethodResult<M> | null {
  const [value, setValue] = useState<MethodResult<M> | null>(null);
  // The latest input and callback, read when the key changes: an inline object or arrow function
  // must not ask again on every render.
  const latest = useRef({ input, onError, clearsError });
  latest.current = { input, onError, clearsError };
  const key = JSON.stringify([method, input, reload]);
  useEffect(() => {
    let live = true;
    const { input: asked } = latest.current;
    void call(method, asked).then((r) => {
      if (!live) return;
      if (r.ok) {
        setValue(r.value);
        if (latest.current.clearsError) latest.current.onError(null);
      } else latest.current.onError(r.error);
    });
    return () => {
      live = false;
    };
  }, [key, method]);
  return value;
}
