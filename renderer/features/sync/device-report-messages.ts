import { featureMessages } from '../../i18n/feature-messages';

/** The device sync report's words, in the settings chunk (renderer/i18n/feature-messages.ts). */
const id = {
  'devices.title': 'Sinkronisasi perangkat kantor',
  'devices.intro': 'Apa yang dilihat server kantor dari setiap perangkat: kapan terakhir terhubung dan mengirim, perubahan yang ditolak, dan berapa perubahan yang belum diambilnya.',
  'devices.load': 'Muat laporan perangkat',
  'devices.reload': 'Muat ulang',
  'devices.loading': 'Memuat…',
  'devices.asOf': 'Keadaan server pukul {time}; posisi data server #{head}.',
  'devices.name': 'Perangkat',
  'devices.role': 'Peran',
  'devices.lastSeen': 'Terakhir terhubung',
  'devices.lastPush': 'Kiriman terakhir',
  'devices.pushOutcome': '{accepted} diterima, {refused} ditolak',
  'devices.refusedTotal': 'Ditolak (total)',
  'devices.behind': 'Belum diambil',
  'devices.never': 'belum pernah',
  'devices.revoked': 'dicabut',
  'devices.none': 'Belum ada perangkat terdaftar.',
  'devices.thisDevice': 'perangkat ini',
};
const en: Record<keyof typeof id, string> = {
  'devices.title': "The office's devices' sync",
  'devices.intro': 'What the office server sees of each device: when it last connected and sent, refused changes, and how many changes it has yet to fetch.',
  'devices.load': 'Load the device report',
  'devices.reload': 'Reload',
  'devices.loading': 'Loading…',
  'devices.asOf': 'Server state at {time}; server data position #{head}.',
  'devices.name': 'Device',
  'devices.role': 'Role',
  'devices.lastSeen': 'Last connected',
  'devices.lastPush': 'Last send',
  'devices.pushOutcome': '{accepted} accepted, {refused} refused',
  'devices.refusedTotal': 'Refused (total)',
  'devices.behind': 'Yet to fetch',
  'devices.never': 'never',
  'devices.revoked': 'revoked',
  'devices.none': 'No device enrolled yet.',
  'devices.thisDevice': 'this device',
};

export const { useFeatureT: useDevicesT } = featureMessages(id, en);
