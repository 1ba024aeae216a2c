/**
 * The PR network's rules (shared/rules/tables/network.ts), judged as the core and the server do:
 * who may write, personal fields, phone and e-mail in their stored form, a wave without a date,
 * an invitation naming nobody or two people, an erased contact, and what each device receives.
 */
import { describe, expect, it } from 'vitest';
import { projectionFor, visibleFields } from '../../../shared/rules/projection';
import { deviceActor, judge, RuleBatch, viewerOf } from '../../../shared/rules/rulebook';
import type { Row } from '../../../shared/rules/types';

const at = '2026-12-03T10:00:00.000Z';
function as(role: Parameters<typeof deviceActor>[0], table: string, fields: Row, before: Row | null = null, opd: string | null = null) {
  return judge({ actor: deviceActor(role, 'dev', opd), table, rowId: 'r1', hlc: '1', fields, before, now: Date.parse(at), batch: new RuleBatch() });
}

describe('network rules', () => {
  const contact = { opd_id: 'opd-a', name: 'Rina Kartika', position: 'Kasubbag Umum', info_team: true, decree_no: '800/12/2026', decree_date: '2026-01-15' };

  it('the PR desk writes contacts; personal fields need media.personal; contributors and journalists write nothing', () => {
    expect(as('editor', 'network_contacts', { ...contact, phone: '+6281234567890', email: 'rina@dinkes.go.id' })).toBeNull();
    expect(as('protocol', 'network_contacts', contact)).toBeNull();
    expect(as('protocol', 'network_contacts', { ...contact, phone: '+6281234567890' })?.code).toBe('field_forbidden');
    expect(as('opd_contributor', 'network_contacts', contact, null, 'opd-a')?.code).toBe('table_forbidden');
    expect(as('journalist', 'network_meetings', { kind: 'coordination', title: 'Rakor' })?.code).toBe('table_forbidden');
  });

  it('refuses a phone or e-mail not in its stored form, a contact without OPD or name, and any change of an erased contact', () => {
    const phone = as('editor', 'network_contacts', { ...contact, phone: '0812-3456' });
    expect(phone).toMatchObject({ code: 'invalid_value', field: 'phone' });
    expect(phone?.message.id).toContain('+62');
    expect(as('editor', 'network_contacts', { ...contact, email: 'rina@' })).toMatchObject({ code: 'invalid_value', field: 'email' });
    expect(as('editor', 'network_contacts', { ...contact, opd_id: null })).toMatchObject({ field: 'opd_id' });
    expect(as('editor', 'network_contacts', { ...contact, name: '' })).toMatchObject({ field: 'name' });
    expect(as('editor', 'network_contacts', { position: 'Baru' }, { ...contact, erased_at: at })?.code).toBe('erased');
  });

  it('a wave needs a date; an invitation names exactly one person; an action item names its OPD', () => {
    expect(as('protocol', 'network_waves', { meeting_id: 'm', label: 'Gelombang 1', date: '2027-01-10', start_time: '08:00' })).toBeNull();
    expect(as('protocol', 'network_waves', { meeting_id: 'm', label: 'Gelombang 2' })).toMatchObject({ code: 'invalid_value', field: 'date' });
    expect(as('protocol', 'network_waves', { meeting_id: 'm', date: '2027-13-01' })?.field).toBe('date');
    expect(as('protocol', 'network_waves', { meeting_id: 'm', date: '2027-01-10', start_time: '25:00' })?.field).toBe('start_time');
    expect(as('protocol', 'network_invitees', { meeting_id: 'm', contact_id: 'c' })).toBeNull();
    expect(as('protocol', 'network_invitees', { meeting_id: 'm' })?.field).toBe('contact_id');
    expect(as('protocol', 'network_invitees', { meeting_id: 'm', contact_id: 'c', journalist_id: 'j' })?.field).toBe('contact_id');
    expect(as('protocol', 'network_invitees', { meeting_id: 'm', contact_id: 'c', rsvp: 'perhaps' })?.field).toBe('rsvp');
    expect(as('protocol', 'network_actions', { meeting_id: 'm', text: 'Kirim data' })?.field).toBe('opd_id');
    expect(as('protocol', 'network_actions', { meeting_id: 'm', opd_id: 'opd-a', text: 'Kirim data', status: 'open' })).toBeNull();
  });

  it("a contributor reports only its own OPD's action item done: no new item, no other field, no other OPD's", () => {
    const item = { meeting_id: 'm', opd_id: 'opd-a', text: 'Kirim data', status: 'open' };
    const done = { status: 'done', done_at: at, done_by: 'Rina', done_note: 'Terkirim' };
    expect(as('opd_contributor', 'network_actions', done, item, 'opd-a')).toBeNull();
    expect(as('opd_contributor', 'network_actions', { status: 'open', done_at: null, done_by: null }, { ...item, status: 'done' }, 'opd-a')).toBeNull();
    expect(as('opd_contributor', 'network_actions', done, { ...item, opd_id: 'opd-b' }, 'opd-a')).toMatchObject({ code: 'wrong_state', field: 'opd_id' });
    expect(as('opd_contributor', 'network_actions', { ...done, opd_id: 'opd-b' }, item, 'opd-a')).toMatchObject({ code: 'wrong_state', field: 'opd_id' });
    expect(as('opd_contributor', 'network_actions', { text: 'Lain' }, item, 'opd-a')).toMatchObject({ code: 'field_forbidden', field: 'text' });
    expect(as('opd_contributor', 'network_actions', item, null, 'opd-a')?.code).toBe('table_forbidden');
    expect(as('opd_contributor', 'network_actions', done, { ...item, deleted_at: at }, 'opd-a')?.code).toBe('wrong_state');
    expect(as('opd_contributor', 'network_actions', done, item, null)?.code).toBe('table_forbidden');
    expect(as('journalist', 'network_actions', done, item)?.code).toBe('table_forbidden');
  });

  it("a contributor's device receives its own OPD's contacts and action items, no meetings; staff without media.personal get no phone", () => {
    const opdA = projectionFor(viewerOf('opd_contributor', 'd', undefined, 'opd-a'));
    const contacts = opdA.table('network_contacts');
    expect(contacts.rows?.({ opd_id: 'opd-a' })).toBe(true);
    expect(contacts.rows?.({ opd_id: 'opd-b' })).toBe(false);
    expect(visibleFields(contacts, { name: 'x', phone: '+6281234567890' })).toEqual({ name: 'x', phone: '+6281234567890' });
    expect(opdA.table('network_actions').rows?.({ opd_id: 'opd-b' })).toBe(false);
    expect(opdA.table('network_meetings').rows?.({ title: 'Rakor' })).toBe(false);
    expect(opdA.table('network_invitees').rows?.({ meeting_id: 'm' })).toBe(false);

    const protocol = projectionFor(viewerOf('protocol', 'p')).table('network_contacts');
    expect(protocol.rows?.({ opd_id: 'opd-b' })).toBe(true);
    expect(visibleFields(protocol, { name: 'x', phone: '+6281234567890' })).toEqual({ name: 'x' });
    expect(projectionFor(viewerOf('journalist', 'j')).table('network_contacts').readable).toBe(false);
    expect(projectionFor(viewerOf('editor', 'e')).table('network_meetings').rows?.({})).toBe(true);
  });
});
