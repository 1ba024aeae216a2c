import { expect, type Locator, type Page } from '@playwright/test';
import type { OfficeData } from '../support/office-fixture-data';
import { ADMIN, type StaffCredentials } from '../support/people-fixture-data';
import { OfficeForm } from './office-form';
import { AdminSetupPage } from './people';

export class FirstRunPage {
  readonly form: OfficeForm;
  readonly heading: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.form = new OfficeForm(page);
    this.heading = page.getByRole('heading', { level: 1, name: 'Selamat datang di Warta' });
    this.saveButton = page.getByRole('button', { name: 'Simpan dan mulai' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading).toBeVisible();
  }

  /** First run through the UI (office profile, then the administrator account), ending when the app frame shows. */
  async complete(data: OfficeData, admin: StaffCredentials = ADMIN): Promise<void> {
    await this.form.fill(data);
    await this.saveButton.click();
    await new AdminSetupPage(this.page).create(admin);
  }
}
