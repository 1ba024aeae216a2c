import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { ComposePreview } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { composeInput, type ComposeChoice } from './compose-choice';

interface PreviewState {
  preview: ComposePreview | null;
  error: ErrorPayload | null;
  loading: boolean;
}

/**
 * The live preview of a compose choice: recipients and exclusions on every change (debounced);
 * the attachments, which render the PDF and resize photos, only when the attachment choice
 * changes. Answers of an older choice are dropped.
 */
export function useComposePreview(releaseId: string, choice: ComposeChoice): { main: PreviewState; attachments: PreviewState } {
  const [main, setMain] = useState<PreviewState>({ preview: null, error: null, loading: true });
  const [attachments, setAttachments] = useState<PreviewState>({ preview: null, error: null, loading: false });
  const input = composeInput(releaseId, choice);
  const key = JSON.stringify(input);
  const attKey = JSON.stringify([input.attachments, input.paper]);

  useEffect(() => {
    let live = true;
    setMain((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      void call('distribution.preview', { ...(JSON.parse(key) as typeof input), withAttachments: false }).then((r) => {
        if (!live) return;
        setMain(r.ok ? { preview: r.value, error: null, loading: false } : { preview: null, error: r.error, loading: false });
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  useEffect(() => {
    const [kinds, paper] = JSON.parse(attKey) as [typeof input.attachments, typeof input.paper];
    if (!kinds?.length) {
      setAttachments({ preview: null, error: null, loading: false });
      return;
    }
    let live = true;
    setAttachments((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const probe = { releaseId, channels: { email: true, whatsapp: false }, attachments: kinds, paper: paper ?? 'A4', withAttachments: true };
      void call('distribution.preview', probe).then((r) => {
        if (!live) return;
        setAttachments(r.ok ? { preview: r.value, error: null, loading: false } : { preview: null, error: r.error, loading: false });
      });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [attKey, releaseId]);

  return { main, attachments };
}
