import { describe, expect, it } from 'vitest';
import { errorReason, splitBilingual } from '../../shared/contract/errors';

describe('error reasons and bilingual server messages', () => {
  it('reads a known reason from the details, ignores anything else', () => {
    expect(errorReason({ details: { reason: 'press_room_booked' } })).toBe('press_room_booked');
    expect(errorReason({ details: { reason: 'made_up' } })).toBeNull();
    expect(errorReason({ details: { reason: 7 } })).toBeNull();
    expect(errorReason({})).toBeNull();
  });

  it('splits "Indonesian. (English.)" and leaves Indonesian parentheses alone', () => {
    expect(splitBilingual('Kode pendaftaran salah. Minta kode baru. (Invalid, used or expired enrolment code.)')).toEqual({
      id: 'Kode pendaftaran salah. Minta kode baru.',
      en: 'Invalid, used or expired enrolment code.',
    });
    expect(splitBilingual('Peran ini tidak boleh menerbitkan (perlu izin releases.publish).')).toEqual({ id: 'Peran ini tidak boleh menerbitkan (perlu izin releases.publish).', en: null });
    expect(splitBilingual('Sudah dipesan.')).toEqual({ id: 'Sudah dipesan.', en: null });
  });
});
