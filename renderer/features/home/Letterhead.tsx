// The regional scripts' fonts ship with the app (the same npm packages the PDFs embed), so the
// letterhead line shows on machines without them; each loads only when the line uses its script.
import '@fontsource/noto-sans-balinese/400.css';
import '@fontsource/noto-sans-javanese/400.css';
import '@fontsource/noto-sans-sundanese/400.css';
import { letterheadText } from '../../../shared/office/letterhead';
import type { OfficeProfile } from '../../../shared/office/profile';
import { useT } from '../../i18n/use-t';
import { useEmblemDataUrl } from '../office/use-emblem-data-url';

/**
 * The kop as the profile defines it: emblem left, institution in capitals, unit, then the
 * contact line, over a double rule, the way regional government letterheads are set.
 */
export function Letterhead({ profile }: { profile: OfficeProfile }) {
  const { t } = useT();
  const emblem = useEmblemDataUrl(profile.emblemHash);
  // The same words as on paper (tata naskah dinas form), from the shared letterhead text.
  const kop = letterheadText(profile);
  return (
    <div className="letterhead" data-testid="letterhead">
      <div className="letterhead__emblem">{emblem ? <img src={emblem} alt={t('office.emblem.alt')} /> : null}</div>
      <div className="letterhead__text">
        {kop.scriptLine ? <p className="letterhead__script">{kop.scriptLine}</p> : null}
        <p className="letterhead__institution">{kop.institution}</p>
        <p className="letterhead__unit">{kop.unit}</p>
        {kop.contact.map((line) => (
          <p key={line} className="letterhead__contacts">
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}
