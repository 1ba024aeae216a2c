import { expect, type Locator, type Page } from '@playwright/test';

/** The sidebar, the page area and the status bar. Labels are passed in, so English works too. */
export class AppFrame {
  readonly statusBar: Locator;

  constructor(readonly page: Page) {
    this.statusBar = page.getByRole('contentinfo');
  }

  nav(name: RegExp | string = /^(Navigasi utama|Main navigation)$/): Locator {
    return this.page.getByRole('navigation', { name });
  }

  navItem(label: string): Locator {
    return this.nav().getByRole('button', { name: label, exact: true });
  }

  async open(label: string): Promise<void> {
    await this.navItem(label).click();
    await expect(this.navItem(label)).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }
}
