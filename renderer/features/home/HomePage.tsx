import { zonedParts } from '../../../shared/format/dates';
import { datelineDateLine, datelineOpening } from '../../../shared/releases/dateline';
import type { OfficeProfile } from '../../../shared/office/profile';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { EXAMPLE_SEQ, previewReleaseNumber } from '../office/number-preview';
import { asZone } from '../office/office-form-values';
import { useNow } from '../status/use-now';
import { Letterhead } from './Letterhead';
import { MorningDesk } from './MorningDesk';

/**
 * Beranda: the morning desk for the signed-in person's role (what is late, what is due today),
 * then what this office's releases carry (letterhead, number, dateline) from the saved profile.
 */
export function HomePage({ profile }: { profile: OfficeProfile }) {
  const { t } = useT();
  const now = useNow();
  const zone = asZone(profile.timeZone);
  // The office's dateline form, from the same formatter the exports use.
  const p = zonedParts(now, zone);
  const today = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  const opening = datelineOpening(profile.datelineForm, profile.city, today, zone);
  const dateLine = datelineDateLine(profile.datelineForm, profile.city, today, zone);
  const number = previewReleaseNumber({
    pattern: profile.numberPattern,
    unitCode: profile.unitCode,
    institutionCode: profile.institutionCode,
    zone,
    now,
  });
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeading>{t('home.title')}</PageHeading>
      <MorningDesk zone={zone} />
      <div className="card">
        <h2 className="card__title">{t('home.letterhead')}</h2>
        <Letterhead profile={profile} />
        <p className="field__hint">{t('home.letterheadHint')}</p>
      </div>
      <div className="grid grid--2">
        <div className="card">
          <h2 className="card__title">{t('home.numberExample')}</h2>
          <p className="big-mono" data-testid="home-number">
            {number ?? profile.numberPattern}
          </p>
          <p className="field__hint">{t('home.numberExampleHint', { seq: EXAMPLE_SEQ, pattern: profile.numberPattern })}</p>
        </div>
        <div className="card">
          <h2 className="card__title">{t('home.dateline')}</h2>
          {dateLine ? <p className="dateline">{dateLine}</p> : null}
          <p className="dateline" data-testid="home-dateline">
            <strong>{opening.city}</strong>
            {opening.tail}
          </p>
          <p className="field__hint">
            {t('office.timeZone')}: {t(`office.timeZone.${zone}` as const)}
          </p>
        </div>
      </div>
      <div className="card card--quiet">
        <h2 className="card__title">{t('home.inThisVersion')}</h2>
        <p>{t('home.inThisVersionBody')}</p>
      </div>
    </section>
  );
}
