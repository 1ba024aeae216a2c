import type { Language } from '../../../shared/contract/methods';

/** The shell's own words (dialogs); the renderer has its own translations. */
export function shellMessages(lang: Language) {
  return lang === 'en' ? EN : ID;
}

const ID = {
  startupErrorTitle: 'Warta tidak dapat dibuka',
  startupErrorDetail: (dataDir: string) =>
    `Berkas data tidak diubah. Folder data: ${dataDir}\nHubungi admin TI kantor Anda bila masalah ini berlanjut.`,
  openExternalTitle: 'Buka tautan di luar Warta?',
  openExternalMessage: 'Tautan ini akan dibuka di program lain (peramban atau surel):',
  openExternalYes: 'Buka',
  openExternalNo: 'Batal',
  aboutTitle: 'Tentang Warta',
  aboutDetail: (version: string, dataDir: string) => `Versi ${version}\nRuang redaksi untuk Humas pemerintah daerah.\nFolder data: ${dataDir}`,
  ok: 'OK',
};

const EN: typeof ID = {
  startupErrorTitle: 'Warta cannot open',
  startupErrorDetail: (dataDir: string) =>
    `The data file was not changed. Data folder: ${dataDir}\nContact your office IT administrator if this continues.`,
  openExternalTitle: 'Open link outside Warta?',
  openExternalMessage: 'This link will open in another program (browser or e-mail):',
  openExternalYes: 'Open',
  openExternalNo: 'Cancel',
  aboutTitle: 'About Warta',
  aboutDetail: (version: string, dataDir: string) => `Version ${version}\nNewsroom for regional government public relations.\nData folder: ${dataDir}`,
  ok: 'OK',
};
