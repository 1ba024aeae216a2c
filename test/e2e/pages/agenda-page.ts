import { expect, type Locator, type Page } from '@playwright/test';

/** The agenda page and its dialogs, by the labels a person reads (Indonesian). */
export class AgendaPage {
  readonly calendar: Locator;
  readonly detail: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.calendar = page.getByTestId('agenda-calendar');
    this.detail = page.getByTestId('agenda-detail');
    this.dialog = page.getByRole('dialog');
  }

  async view(name: 'Bulan' | 'Minggu' | 'Hari' | 'Daftar'): Promise<void> {
    await this.page.getByRole('group', { name: 'Tampilan kalender' }).getByRole('button', { name, exact: true }).click();
  }

  event(title: string | RegExp): Locator {
    return this.calendar.getByTestId('agenda-event').filter({ hasText: title });
  }

  field(label: string | RegExp): Locator {
    return this.dialog.getByLabel(label, { exact: typeof label === 'string' });
  }

  async newEvent(values: { title: string; date: string; start: string; end: string; leader: string; repeat?: string; place?: string; dress?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Agenda baru' }).click();
    await expect(this.dialog).toBeVisible();
    await this.field('Acara').fill(values.title);
    await this.field('Tanggal').fill(values.date);
    await this.field('Mulai').fill(values.start);
    await this.field('Selesai').fill(values.end);
    if (values.place) await this.field('Tempat').fill(values.place);
    if (values.dress) await this.field('Pakaian').fill(values.dress);
    await this.dialog.getByRole('group', { name: 'Pimpinan yang hadir' }).getByRole('checkbox', { name: values.leader }).check();
    if (values.repeat) await this.field('Pengulangan').selectOption({ label: values.repeat });
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Simpan agenda' }).click();
    await expect(this.dialog).toHaveCount(0);
  }
}
