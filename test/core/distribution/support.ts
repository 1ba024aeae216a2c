import sharp from 'sharp';
import type { Core, CoreOptions } from '../../../electron/core/create-core';
import { outboxOf } from '../../../electron/core/features/distribution/outbox';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../../shared/releases/editor-schema';
import { PROFILE, writeBody } from '../releases/helpers';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';

/** Short timeouts so a hung server is noticed within the test's time. */
export const FAST_TIMEOUTS = { connectionMs: 1500, greetingMs: 1500, socketMs: 3000 };

export interface DistFixture extends CoreFixture {
  clock: ReturnType<typeof fakeClock>;
  drain: () => ReturnType<ReturnType<typeof outboxOf>['drain']>;
}

export async function distributionCore(options: Partial<CoreOptions> = {}, dir?: string): Promise<DistFixture> {
  const clock = fakeClock();
  const fx = openTestCore({ clock: clock.now, outbox: { timeouts: FAST_TIMEOUTS }, ...options }, ...(dir ? [dir] : []));
  await fx.core.invoke('office.save', PROFILE);
  return { ...fx, clock, drain: () => outboxOf(fx.core.context).drain() };
}

export async function useSmtp(core: Core, port: number, extra: Record<string, unknown> = {}): Promise<void> {
  await core.invoke('distribution.settings.save', {
    host: '127.0.0.1',
    port,
    security: 'none',
    fromAddress: 'humas@sukamaju.example.go.id',
    fromName: 'Humas Kota Sukamaju',
    ratePerMinute: 0,
    ...extra,
  });
}

/** A Yjs update appending a photo node, as the editor does. */
function appendPhoto(stateB64: string, photo: { hash: string; thumb: string }, caption: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(BODY_FRAGMENT);
  const el = new Y.XmlElement('photo');
  el.setAttribute('hash', photo.hash);
  el.setAttribute('thumb', photo.thumb);
  el.setAttribute('caption', caption);
  el.setAttribute('credit', 'Foto: Humas Pemkot Sukamaju');
  frag.insert(frag.length, [el]);
  return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
}

/** A published release with a body and one large photo. */
export async function publishedRelease(core: Core, title = 'Wali Kota Resmikan Pasar Rakyat Sukamaju', photoBytes?: Buffer): Promise<string> {
  const r = await core.invoke('releases.create', { title });
  await writeBody(core, r.id, 'Pasar rakyat dibuka untuk 300 pedagang.');
  const photo = photoBytes ?? await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 30, g: 120, b: 60 } } }).jpeg().toBuffer();
  const put = await core.invoke('releases.putPhoto', { base64: photo.toString('base64'), fileName: 'pasar.jpg' });
  const d = await core.invoke('releases.get', { id: r.id });
  await core.invoke('releases.appendBody', { id: r.id, update: appendPhoto(d.bodyState, put, 'Suasana pasar') });
  await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
  await core.invoke('releases.transition', { id: r.id, to: 'approved' });
  await core.invoke('releases.transition', { id: r.id, to: 'published' });
  return r.id;
}

/** An approved release whose embargo runs until `embargoAt`. */
export async function embargoedRelease(core: Core, embargoAt: string, title = 'Pengumuman UMK 2027'): Promise<string> {
  const r = await core.invoke('releases.create', { title });
  await writeBody(core, r.id, 'Upah minimum kota tahun 2027 ditetapkan.');
  await core.invoke('releases.update', { id: r.id, fields: { urgency: 'embargo', embargoAt } });
  await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
  await core.invoke('releases.transition', { id: r.id, to: 'approved' });
  return r.id;
}

/** An outlet, four journalists (one asks not to be sent, one is embargo-trusted) and a list of all. */
export async function seedMedia(core: Core) {
  const outlet = await core.invoke('media.outlets.save', { name: 'Harian Sukamaju Pos', kind: 'print', email: 'redaksi@sukamajupos.example' });
  const person = (name: string, email: string, extra: Record<string, unknown> = {}) =>
    core.invoke('media.journalists.save', {
      name,
      outletId: outlet.id,
      dataSource: 'Formulir akreditasi',
      consent: 'given',
      personal: { phone: '', whatsapp: extra.whatsapp ?? '', email, ukwNumber: '', pressCardNo: '' },
      ...(extra.doNotSend !== undefined && { doNotSend: extra.doNotSend }),
      ...(extra.embargoTrusted !== undefined && { embargoTrusted: extra.embargoTrusted }),
    } as never);
  const rina = await person('Rina Wulandari', 'rina@sukamajupos.example', { whatsapp: '0812-0000-5001', embargoTrusted: true });
  const budi = await person('Budi Santosa', 'budi@sukamajupos.example');
  const sari = await person('Sari Dewi', 'sari@sukamajupos.example', { doNotSend: true });
  const andi = await person('Andi Pratama', 'andi@sukamajupos.example', { whatsapp: '+62 813 0000 7002' });
  const list = await core.invoke('media.lists.save', { name: 'Semua media', kind: 'fixed', outletIds: [], journalistIds: [rina.id, budi.id, sari.id, andi.id] });
  return { outlet, rina, budi, sari, andi, list };
}

export function statuses(core: Core, distributionId: string): Record<string, string | null> {
  const rows = core.context.db.prepare('SELECT name, email_status FROM distribution_recipients WHERE distribution_id = ? ORDER BY name').all(distributionId) as { name: string; email_status: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.email_status]));
}
