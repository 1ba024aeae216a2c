import { WartaError } from '../../../../shared/contract/errors';
import { END_MARKS, type EndMark, type OfficeProfile } from '../../../../shared/office/profile';
import { DATELINE_FORMS, DEFAULT_DATELINE_FORM, type DatelineForm } from '../../../../shared/releases/dateline';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';

/**
 * The office profile is a singleton. It has a fixed id, not a fresh UUIDv7, so that two
 * machines that each complete first-run offline end up with one profile merged field by
 * field when they sync, instead of two competing profiles.
 */
export const OFFICE_PROFILE_ID = '00000000-0000-7000-8000-000000000001';

interface ProfileRow {
  institution: string;
  unit: string;
  institution_code: string | null;
  unit_code: string | null;
  city: string;
  province: string;
  time_zone: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  emblem_hash: string | null;
  number_pattern: string;
  script_line: string | null;
  dateline_form: string | null;
  end_mark: string | null;
  updated_at: string;
}

export function readOfficeProfile(ctx: Pick<CoreContext, 'db'>): OfficeProfile | null {
  const row = ctx.db.prepare('SELECT * FROM office_profile WHERE id = ? AND deleted_at IS NULL').get(OFFICE_PROFILE_ID) as
    | ProfileRow
    | undefined;
  // A profile is complete only once first-run saved it whole; a partial one from sync waits.
  if (!row || !row.institution || !row.time_zone) return null;
  return {
    institution: row.institution,
    unit: row.unit,
    institutionCode: row.institution_code ?? '',
    unitCode: row.unit_code ?? '',
    city: row.city,
    province: row.province,
    timeZone: row.time_zone as ZoneLabel,
    address: row.address ?? '',
    phone: row.phone ?? '',
    email: row.email ?? '',
    website: row.website ?? '',
    emblemHash: row.emblem_hash,
    numberPattern: row.number_pattern,
    scriptLine: row.script_line ?? '',
    datelineForm: (DATELINE_FORMS as readonly string[]).includes(row.dateline_form ?? '') ? (row.dateline_form as DatelineForm) : DEFAULT_DATELINE_FORM,
    endMark: (END_MARKS as readonly string[]).includes(row.end_mark ?? '') ? (row.end_mark as EndMark) : '-selesai-',
    updatedAt: row.updated_at,
  };
}

export const officeHandlers: HandlerGroup<'office.get' | 'office.save'> = {
  'office.get': (_input, ctx) => readOfficeProfile(ctx),
  'office.save': (input, ctx) => {
    if (input.emblemHash && !ctx.blobs.has(input.emblemHash)) {
      throw new WartaError('not_found', 'Gambar lambang belum tersimpan; unggah ulang gambarnya.', { field: 'emblemHash' });
    }
    ctx.mutator.write('office_profile', OFFICE_PROFILE_ID, {
      institution: input.institution,
      unit: input.unit,
      institution_code: input.institutionCode,
      unit_code: input.unitCode,
      city: input.city,
      province: input.province,
      time_zone: input.timeZone,
      address: input.address,
      phone: input.phone,
      email: input.email,
      website: input.website,
      emblem_hash: input.emblemHash,
      number_pattern: input.numberPattern,
      script_line: input.scriptLine,
      dateline_form: input.datelineForm,
      end_mark: input.endMark,
    });
    const saved = readOfficeProfile(ctx);
    if (!saved) throw new WartaError('internal', 'Profil kantor tidak terbaca setelah disimpan.');
    return saved;
  },
};
