import { DEFAULT_NUMBER_PATTERN } from '../../../shared/office/number-pattern';
import type { EndMark, OfficeProfile, OfficeProfileInput } from '../../../shared/office/profile';
import { DEFAULT_DATELINE_FORM, type DatelineForm } from '../../../shared/releases/dateline';
import { ZONE_LABELS, type ZoneLabel } from '../../../shared/office/time-zones';

/** What the form edits: every field of the profile input, as the inputs hold it. */
export interface OfficeFormValues {
  institution: string;
  unit: string;
  institutionCode: string;
  unitCode: string;
  city: string;
  province: string;
  timeZone: ZoneLabel;
  address: string;
  phone: string;
  email: string;
  website: string;
  emblemHash: string | null;
  numberPattern: string;
  scriptLine: string;
  datelineForm: DatelineForm;
  endMark: EndMark;
}

export type OfficeTextField = Exclude<keyof OfficeFormValues, 'timeZone' | 'emblemHash' | 'datelineForm' | 'endMark'>;

export function asZone(value: string): ZoneLabel {
  return (ZONE_LABELS as readonly string[]).includes(value) ? (value as ZoneLabel) : 'WIB';
}

export function formValuesOf(profile: OfficeProfile | null): OfficeFormValues {
  return {
    institution: profile?.institution ?? '',
    unit: profile?.unit ?? '',
    institutionCode: profile?.institutionCode ?? '',
    unitCode: profile?.unitCode ?? '',
    city: profile?.city ?? '',
    province: profile?.province ?? '',
    // Most regional governments are in WIB; the first-run form says which zone it assumed.
    timeZone: asZone(profile?.timeZone ?? 'WIB'),
    address: profile?.address ?? '',
    phone: profile?.phone ?? '',
    email: profile?.email ?? '',
    website: profile?.website ?? '',
    emblemHash: profile?.emblemHash ?? null,
    numberPattern: profile?.numberPattern ?? DEFAULT_NUMBER_PATTERN,
    scriptLine: profile?.scriptLine ?? '',
    datelineForm: profile?.datelineForm ?? DEFAULT_DATELINE_FORM,
    endMark: profile?.endMark ?? '-selesai-',
  };
}

/** The form values as the contract's input; validation and trimming happen in the core. */
export function toProfileInput(v: OfficeFormValues): OfficeProfileInput {
  return { ...v };
}
