import { expect, type Locator, type Page } from '@playwright/test';

export interface ContactInput {
  name: string;
  position: string;
  phone: string;
  email?: string;
}

/** The Narahubung part of the release editor: one group per contact, in order. */
export class ReleaseContacts {
  readonly addButton: Locator;

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('button', { name: 'Tambah narahubung' });
  }

  /** The n-th contact (from 1), named by its legend. */
  contact(n: number): Locator {
    return this.page.getByRole('group', { name: `Narahubung ${n}`, exact: true });
  }

  all(): Locator {
    return this.page.getByRole('group', { name: /^Narahubung \d+$/ });
  }

  field(n: number, label: 'Nama' | 'Jabatan' | 'Telepon/WhatsApp' | 'Email'): Locator {
    return this.contact(n).getByRole('textbox', { name: label, exact: true });
  }

  async fill(n: number, c: ContactInput): Promise<void> {
    await this.field(n, 'Nama').fill(c.name);
    await this.field(n, 'Jabatan').fill(c.position);
    await this.field(n, 'Telepon/WhatsApp').fill(c.phone);
    if (c.email !== undefined) await this.field(n, 'Email').fill(c.email);
  }

  async add(c: ContactInput): Promise<void> {
    const before = await this.all().count();
    await this.addButton.click();
    await expect(this.all()).toHaveCount(before + 1);
    // The new contact's name field takes the focus, so the officer can type at once.
    await expect(this.field(before + 1, 'Nama')).toBeFocused();
    await this.fill(before + 1, c);
  }

  button(n: number, action: 'Naik' | 'Turun' | 'Hapus'): Locator {
    const name = action === 'Hapus' ? `Hapus narahubung ${n}` : `${action}, narahubung ${n}`;
    return this.contact(n).getByRole('button', { name, exact: true });
  }

  async expectNames(names: string[]): Promise<void> {
    await expect(this.all()).toHaveCount(names.length);
    for (const [i, name] of names.entries()) await expect(this.field(i + 1, 'Nama')).toHaveValue(name);
  }
}
