import { expect, type Locator, type Page } from '@playwright/test';
import type { StaffCredentials } from '../support/people-fixture-data';

/** First run, step 2: "Buat akun administrator". */
export class AdminSetupPage {
  readonly heading: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Buat akun administrator' });
    this.form = page.getByRole('form', { name: 'Buat akun administrator' });
  }

  async fill(admin: StaffCredentials, again = admin.password): Promise<void> {
    await this.form.getByLabel('Nama lengkap').fill(admin.name);
    await this.form.getByLabel('Nama pengguna').fill(admin.login);
    await this.form.getByLabel('Kata sandi', { exact: false }).first().fill(admin.password);
    await this.form.getByLabel('Ulangi kata sandi').fill(again);
  }

  async create(admin: StaffCredentials): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.fill(admin);
    await this.form.getByRole('button', { name: 'Buat akun dan masuk' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
  }
}

/** The staff sign-in screen. */
export class SignInPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Masuk ke Warta' });
    this.form = page.getByRole('form', { name: 'Masuk ke Warta' });
    this.login = this.form.getByLabel('Nama pengguna');
    this.password = this.form.getByLabel('Kata sandi');
    this.submit = this.form.getByRole('button', { name: 'Masuk', exact: true });
  }

  async signIn(who: { login: string; password: string }): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.login.fill(who.login);
    await this.password.fill(who.password);
    await this.submit.click();
    await expect(this.page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
  }
}

/** The user menu in the sidebar footer. */
export class UserMenu {
  readonly button: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: /^(Menu pengguna|User menu): / });
  }

  async choose(item: 'Kunci layar' | 'Ganti pengguna' | 'Keluar' | 'Ganti kata sandi'): Promise<void> {
    await this.button.click();
    await this.page.getByRole('list', { name: 'Menu pengguna' }).getByRole('button', { name: item, exact: true }).click();
  }
}
