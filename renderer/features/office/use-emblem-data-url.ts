import { useEffect, useState } from 'react';
import { call } from '../../api/client';

/** The stored emblem as a data: URL for <img> (the CSP allows data: images, nothing remote). */
export function useEmblemDataUrl(hash: string | null): string | null {
  const [loaded, setLoaded] = useState<{ hash: string; url: string } | null>(null);
  useEffect(() => {
    if (!hash) return;
    let live = true;
    void call('attachments.getDataUrl', { hash }).then((result) => {
      if (live && result.ok) setLoaded({ hash, url: result.value.dataUrl });
    });
    return () => {
      live = false;
    };
  }, [hash]);
  return hash && loaded?.hash === hash ? loaded.url : null;
}
