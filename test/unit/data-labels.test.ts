/** Every field sync may show has words in both languages: no `table.field` in the conflicts view. */
import { describe, expect, it } from 'vitest';
import { REPLICATED_TABLES } from '../../shared/sync/replicated-tables';
import { recordName } from '../../shared/sync/record-names';
import { DATA_LABELS, fieldLabel, tableLabel } from '../../renderer/i18n/data-labels';

describe('data labels', () => {
  it('label every replicated table and every declared field, in Indonesian and English', () => {
    for (const [table, spec] of Object.entries(REPLICATED_TABLES)) {
      expect(DATA_LABELS[table], table).toBeDefined();
      expect(tableLabel(table, 'id')).not.toBe(table);
      for (const field of Object.keys(spec.fields)) {
        expect(fieldLabel(table, field, 'id'), `${table}.${field}`).not.toBe(field);
        expect(fieldLabel(table, field, 'en'), `${table}.${field}`).not.toBe(field);
      }
    }
    // No label for a field that does not exist (a renamed field would keep a stale one).
    for (const [table, labels] of Object.entries(DATA_LABELS))
      for (const field of Object.keys(labels.fields)) expect(Object.keys(REPLICATED_TABLES[table as keyof typeof REPLICATED_TABLES].fields), `${table}.${field}`).toContain(field);
    expect(fieldLabel('office_profile', 'number_pattern', 'id')).toBe('Pola nomor rilis');
    expect(fieldLabel('office_profile', 'created_at', 'en')).toBe('Created');
  });

  it('name records by what people call them, parts by their record', () => {
    const lookup = (t: string, id: string) => (t === 'releases' && id === 'r1' ? { title: 'Wali Kota Resmikan Pasar' } : undefined);
    expect(recordName('releases', { title: 'Wali Kota Resmikan Pasar' }, lookup)).toBe('Wali Kota Resmikan Pasar');
    expect(recordName('release_transitions', { release_id: 'r1' }, lookup)).toBe('Wali Kota Resmikan Pasar');
    expect(recordName('media_journalist', { name: 'Dewi Lestari' }, lookup)).toBe('Dewi Lestari');
    expect(recordName('office_profile', { institution: 'Pemkot' }, lookup)).toBeNull();
    expect(recordName('releases', { title: '  ' }, lookup)).toBeNull();
  });
});
