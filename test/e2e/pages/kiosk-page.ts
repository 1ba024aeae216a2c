import type { Locator, Page } from '@playwright/test';

/** The press-room kiosk (press-room mode, nobody signed in). */
export class KioskPage {
  readonly heading: Locator;
  readonly guestbook: Locator;
  readonly form: Locator;
  readonly staffSignIn: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Ruang Pers' });
    this.guestbook = page.getByRole('region', { name: 'Buku Tamu' });
    this.form = this.guestbook.getByRole('form', { name: 'Buku Tamu' });
    this.staffSignIn = page.getByRole('button', { name: 'Masuk staf' });
  }

  async fill(visitor: { name: string; outlet: string; purpose: string }): Promise<void> {
    await this.form.getByRole('textbox', { name: /^Nama/ }).fill(visitor.name);
    await this.form.getByRole('textbox', { name: 'Media / asal' }).fill(visitor.outlet);
    await this.form.getByRole('textbox', { name: 'Keperluan' }).fill(visitor.purpose);
  }

  get consent(): Locator {
    return this.form.getByRole('checkbox', { name: /setuju data saya dicatat/ });
  }

  get submit(): Locator {
    return this.form.getByRole('button', { name: 'Isi buku tamu' });
  }
}
