/**
 * Two browser-mode instances synced through a real server on 127.0.0.1: the PR desk (the test's
 * own page, enrolled as the office's administrator, with the agencies listed) and an agency's
 * contributor computer (a second page, set up at first run, enrolled later with a code made for
 * the first agency). Shared by the specs of the desk's traffic with the agencies (Permohonan,
 * Aduan & PPID).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../../../server/app';
import { openSqliteStore } from '../../../server/store-sqlite';
import { AppFrame } from '../pages/app-frame';
import { FirstRunPage } from '../pages/first-run-page';
import { SignInPage } from '../pages/people';
import { startWartaHost, type WartaHost } from './browser-host';
import { callCore } from './core-calls';
import { SURAKARTA } from './office-fixture-data';
import { ADMIN } from './people-fixture-data';
import { TMP_ROOT } from './paths';
import { enrolViaUi, syncNow } from './sync-ui';

export interface DeskAndAgency {
  server: SyncServer;
  workspace: string;
  /** The agency's computer, past first run, not yet enrolled. */
  agency: Page;
  /** The first of the agencies listed: the one the agency's computer belongs to. */
  opdId: string;
  /** Enrols the agency's computer under `computerName`, signs in with the office's account and syncs. */
  enrolAgency(computerName: string): Promise<AppFrame>;
  /** Stops both hosts and the server and removes the server's folder. */
  close(): Promise<void>;
}

export async function startDeskAndAgency(page: Page, browser: Browser, name: string, agencies: [{ name: string; abbreviation: string }, ...{ name: string; abbreviation: string }[]]): Promise<DeskAndAgency> {
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, `${name}-`));
  const store = openSqliteStore(serverDir);
  const server = await startSyncServer({ store });
  const hosts: WartaHost[] = [];
  const close = async () => {
    for (const host of hosts.reverse()) await host.stop();
    await server.close();
    await store.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  };
  try {
    const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
    const deskHost = await startWartaHost(`${name}-desk`);
    hosts.push(deskHost);
    const agencyHost = await startWartaHost(`${name}-opd`);
    hosts.push(agencyHost);
    const agency = await browser.newPage();
    for (const [p, host] of [
      [page, deskHost],
      [agency, agencyHost],
    ] as const) {
      const fr = new FirstRunPage(p);
      await fr.open(host.url);
      await fr.complete(SURAKARTA);
    }
    // The desk: enrolled as the office's administrator, with the agencies listed.
    await enrolViaUi(page, server, workspace, 'Meja Humas');
    let opdId = '';
    for (const opd of agencies) {
      const saved = await callCore<{ id: string }>(page, 'opd.save', opd);
      opdId ||= saved.id;
    }
    await syncNow(page);
    return {
      server,
      workspace,
      agency,
      opdId,
      async enrolAgency(computerName) {
        await enrolViaUi(agency, server, workspace, computerName, 'opd_contributor', opdId);
        // The account made at first run is the office's to make: refused by the office, it leaves
        // this computer, and people sign in with an account the office gave them.
        await new SignInPage(agency).signIn(ADMIN);
        const frame = new AppFrame(agency);
        await frame.open('Pengaturan');
        await syncNow(agency);
        return frame;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
