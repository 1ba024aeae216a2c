import { expect, type Locator, type Page } from '@playwright/test';

export interface OpdData {
  name: string;
  abbreviation: string;
  phone: string;
  email: string;
}

/** Settings › Daftar OPD. */
export class OpdSection {
  readonly root: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Daftar OPD' });
    this.table = this.root.getByTestId('opd-table');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async add(data: OpdData): Promise<void> {
    await this.root.getByRole('button', { name: 'Tambah OPD' }).click();
    const form = this.root.getByRole('form', { name: 'OPD baru' });
    await form.getByLabel('Nama OPD').fill(data.name);
    await form.getByLabel('Singkatan').fill(data.abbreviation);
    await form.getByLabel('Telepon').fill(data.phone);
    await form.getByLabel('Email').fill(data.email);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(form).toBeHidden();
    await expect(this.row(data.name)).toBeVisible();
  }

  async delete(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `Hapus ${name}` }).click();
  }
}
