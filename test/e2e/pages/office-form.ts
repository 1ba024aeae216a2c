import { expect, type Locator, type Page } from '@playwright/test';
import type { OfficeData } from '../support/office-fixture-data';

/** The office profile form, on the first-run screen or in Settings (same component). */
export class OfficeForm {
  readonly root: Locator;

  constructor(readonly page: Page, formName: RegExp = /^(Profil Kantor|Office Profile)$/) {
    this.root = page.getByRole('form', { name: formName });
  }

  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label);
  }

  get institution() { return this.field('Nama instansi'); }
  get unit() { return this.field('Nama unit kerja'); }
  get institutionCode() { return this.field('Kode instansi'); }
  get unitCode() { return this.field('Kode unit'); }
  get city() { return this.field('Kota dateline'); }
  get province() { return this.field('Provinsi'); }
  get timeZone() { return this.field('Zona waktu'); }
  get address() { return this.field('Alamat'); }
  get phone() { return this.field('Telepon'); }
  get email() { return this.field('Email'); }
  get website() { return this.field('Situs web'); }
  get numberPattern() { return this.field('Pola nomor rilis'); }
  get numberPreview() { return this.root.getByTestId('number-preview'); }
  get emblemInput() { return this.root.locator('input[type="file"]'); }
  get emblemPreview() { return this.root.getByTestId('emblem-preview'); }

  async fill(data: OfficeData): Promise<void> {
    await this.institution.fill(data.institution);
    await this.unit.fill(data.unit);
    await this.institutionCode.fill(data.institutionCode);
    await this.unitCode.fill(data.unitCode);
    await this.city.fill(data.city);
    await this.province.fill(data.province);
    await this.timeZone.selectOption(data.timeZone);
    await this.address.fill(data.address);
    await this.phone.fill(data.phone);
    await this.email.fill(data.email);
    await this.website.fill(data.website);
  }

  async uploadEmblem(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.emblemInput.setInputFiles(file);
  }

  async expectValues(data: OfficeData): Promise<void> {
    await expect(this.institution).toHaveValue(data.institution);
    await expect(this.unit).toHaveValue(data.unit);
    await expect(this.institutionCode).toHaveValue(data.institutionCode);
    await expect(this.unitCode).toHaveValue(data.unitCode);
    await expect(this.city).toHaveValue(data.city);
    await expect(this.province).toHaveValue(data.province);
    await expect(this.timeZone).toHaveValue(data.timeZone);
    await expect(this.address).toHaveValue(data.address);
    await expect(this.phone).toHaveValue(data.phone);
    await expect(this.email).toHaveValue(data.email);
    await expect(this.website).toHaveValue(data.website);
  }
}
