import { expect, type Locator, type Page } from '@playwright/test';

/** Media › the directory, its import wizard and the contracts tab. */
export class MediaDirectory {
  readonly root: Locator;
  readonly outletTable: Locator;
  readonly importRegion: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('main');
    this.outletTable = page.getByTestId('outlet-table');
    this.importRegion = page.getByRole('region', { name: 'Impor daftar media atau wartawan' });
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  outletRow(name: string): Locator {
    return this.outletTable.getByRole('row', { name, exact: true });
  }

  async importFile(file: string, kind: 'Daftar media (satu baris per media)' | 'Daftar wartawan (satu baris per orang)'): Promise<void> {
    await this.page.getByRole('button', { name: 'Impor Excel/CSV' }).click();
    await this.importRegion.getByRole('radio', { name: kind }).check();
    await this.importRegion.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
    await expect(this.importRegion.getByTestId('import-rows')).toBeVisible();
  }

  importRow(line: number): Locator {
    return this.importRegion.getByTestId('import-rows').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: String(line), exact: true }) });
  }

  count(label: string): Locator {
    return this.importRegion.locator('.import__counts div').filter({ hasText: label }).locator('dd');
  }
}
