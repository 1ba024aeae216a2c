import { useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { ROLES, type Role } from '../../../shared/contract/permissions';
import type { DeviceReport } from '../../../shared/sync/device-report';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useDevicesT } from './device-report-messages';

/**
 * The administrator's device sync report (issue 16), read from the office's server on request:
 * the server answers only a machine enrolled as administrator, and says so otherwise.
 */
export function DeviceReportPanel({ deviceId }: { deviceId: string | null }) {
  const { t, language } = useDevicesT();
  const { t: tApp } = useT();
  const [report, setReport] = useState<DeviceReport | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setError(null);
    const r = await call('sync.devices', {});
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(r.error);
  };
  const time = (ms: number | null) => (ms === null ? t('devices.never') : new Date(ms).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB'));
  const role = (r: Role) => ((ROLES as readonly string[]).includes(r) ? tApp(`people.role.${r}` as const) : r);
  return (
    <div data-testid="device-report" className="device-report">
      <h3>{t('devices.title')}</h3>
      <p>{t('devices.intro')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void load()}>
        {busy ? t('devices.loading') : report ? t('devices.reload') : t('devices.load')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
      {report ? (
        <>
          <p className="field__hint">{t('devices.asOf', { time: time(report.asOfMs), head: report.head })}</p>
          {report.devices.length === 0 ? (
            <p>{t('devices.none')}</p>
          ) : (
                          <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('devices.name')}</th>
                    <th scope="col">{t('devices.role')}</th>
                    <th scope="col">{t('devices.lastSeen')}</th>
                    <th scope="col">{t('devices.lastPush')}</th>
                    <th scope="col">{t('devices.refusedTotal')}</th>
                    <th scope="col">{t('devices.behind')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.devices.map((d) => (
                    <tr key={d.deviceId} data-testid="device-row" data-device={d.deviceId}>
                      <th scope="row">
                        {d.name}
                        {d.deviceId === deviceId ? ` (${t('devices.thisDevice')})` : ''}
                        {d.revoked ? <span className="desk-flag desk-flag--late"> {t('devices.revoked')}</span> : null}
                      </th>
                      <td>{role(d.role)}</td>
                      <td>{time(d.lastSeenAt)}</td>
                      <td>{d.lastPushAt === null ? t('devices.never') : `${time(d.lastPushAt)} · ${t('devices.pushOutcome', { accepted: d.lastPushAccepted, refused: d.lastPushRefused })}`}</td>
                      <td data-testid="device-refused">{d.refusedTotal}</td>
                      <td data-testid="device-behind">{d.pulledTo === null ? '—' : Math.max(0, report.head - d.pulledTo)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
          )}
        </>
      ) : null}
    </div>
  );
}
