import { WartaError } from '../../../../shared/contract/errors';
import { guessDateFromUrl, hostOf } from '../../../../shared/media/links';

/** A pasted article link → the outlet whose website has the same host, and a date found in the path. */
export function guessFromLink(url: string, outlets: readonly { id: string; name: string; website: string }[]) {
  const host = hostOf(url);
  if (!host) throw new WartaError('invalid_input', 'Tautan tidak sah; tempel alamat lengkap yang diawali http:// atau https://.', { reason: 'bad_url' });
  const match = outlets.find((o) => {
    const h = hostOf(o.website.includes('://') ? o.website : `https://${o.website}`);
    return h !== null && (host === h || host.endsWith(`.${h}`));
  });
  return { outletId: match?.id ?? null, outletName: match?.name ?? '', publishedOn: guessDateFromUrl(url), url };
}
