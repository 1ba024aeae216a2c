import { useState } from 'react';
import type { ReleaseDetail } from '../../../shared/releases/model';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { ComposeDialog } from './ComposeDialog';

/** The release may go to the media: published, or approved with an embargo set (the core checks the same). */
export function canSendRelease(r: Pick<ReleaseDetail, 'status' | 'urgency' | 'embargoAt'>): boolean {
  return r.status === 'published' || (r.status === 'approved' && r.urgency === 'embargo' && r.embargoAt !== null);
}

/** "Kirim ke media" in the release editor's bar, and the compose dialog it opens. */
export function SendToMediaButton({ detail }: { detail: ReleaseDetail }) {
  const { t } = useT();
  const allowed = useCan('distribution.send');
  const [open, setOpen] = useState(false);
  if (!allowed || !canSendRelease(detail)) return null;
  return (
    <>
      <button type="button" className="button button--small button--primary" onClick={() => setOpen(true)}>
        {t('distribution.send')}
      </button>
      {open ? <ComposeDialog release={detail} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
