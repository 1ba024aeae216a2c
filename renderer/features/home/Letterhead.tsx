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
  // The address on its own line, then the ways to reach the office, as on printed kop.
  const contacts = [profile.phone ? `${t('home.phone')} ${profile.phone}` : '', profile.email, profile.website].filter(Boolean);
  return (
    <div className="letterhead" data-testid="letterhead">
      <div className="letterhead__emblem">{emblem ? <img src={emblem} alt={t('office.emblem.alt')} /> : null}</div>
      <div className="letterhead__text">
        <p className="letterhead__institution">{profile.institution.toLocaleUpperCase('id')}</p>
        <p className="letterhead__unit">{profile.unit.toLocaleUpperCase('id')}</p>
        {profile.address ? <p className="letterhead__contacts">{profile.address}</p> : null}
        {contacts.length > 0 ? <p className="letterhead__contacts">{contacts.join(' · ')}</p> : null}
      </div>
    </div>
  );
}
