import { formatNewsDate } from '../../../shared/format/dates';
import type { OfficeProfile } from '../../../shared/office/profile';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { EXAMPLE_SEQ, previewReleaseNumber } from '../office/number-preview';
import { asZone } from '../office/office-form-values';
import { useNow } from '../status/use-now';
import { Letterhead } from './Letterhead';

/** Beranda: what this office's releases will carry, from the saved profile only. */
export function HomePage({ profile }: { profile: OfficeProfile }) {
  const { t, language } = useT();
  const now = useNow();
  const zone = asZone(profile.timeZone);
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
          <p className="dateline">
            <strong>{profile.city.toLocaleUpperCase('id')}</strong>, {formatNewsDate(now, zone, language)} –
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
