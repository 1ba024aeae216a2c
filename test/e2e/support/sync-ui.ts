/** Settings › Sinkronisasi driven through the UI, as a person does it (sync specs). */
import type { Page } from '@playwright/test';
import type { Role } from '../../../shared/contract/permissions';
import type { SyncServer } from '../../../server/app';
import { AppFrame } from '../pages/app-frame';
import { expect } from './fixtures';

export async function enrolViaUi(page: Page, server: SyncServer, workspace: string, name: string, role: Role = 'administrator', opdId: string | null = null): Promise<void> {
  await new AppFrame(page).open('Pengaturan');
  const section = page.getByTestId('sync-section');
  await expect(section.getByTestId('sync-state')).toContainText('Sinkronisasi belum diatur');
  const code = await server.admin.issueCode(workspace, role, undefined, null, opdId);
  await section.getByLabel('Alamat server').fill(server.url);
  await section.getByLabel('Kode ruang kerja').fill(workspace);
  await section.getByLabel('Kode pendaftaran').fill(code);
  await section.getByLabel('Nama komputer ini').fill(name);
  await section.getByRole('button', { name: 'Daftarkan komputer ini' }).click();
  await expect(section.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeVisible();
}

export async function syncNow(page: Page): Promise<void> {
  const section = page.getByTestId('sync-section');
  const state = section.getByTestId('sync-state');
  // The state may still say "Mutakhir" from the round before the click: wait for a round that
  // ended after it (the time of the last round, to the millisecond, changes).
  const before = (await state.count()) ? await state.getAttribute('data-last-sync') : null;
  await section.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
  if (before) await expect(state).not.toHaveAttribute('data-last-sync', before, { timeout: 20_000 });
  await expect(state).toContainText('Mutakhir', { timeout: 20_000 });
}
