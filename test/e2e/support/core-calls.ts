import type { Page } from '@playwright/test';

/**
 * One call of the contract from the test, over a second WebSocket of the page's own origin and
 * token: the core answers it as whoever is signed in at the machine (one session per core).
 * Used to set up data other features own (releases, agenda), not to test them.
 */
export async function callCore<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
      const ws = new WebSocket(`ws://${window.location.host}/api?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve, { once: true });
        ws.addEventListener('error', reject, { once: true });
      });
      const answer = await new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve) => {
        ws.addEventListener('message', function onMessage(event) {
          const msg = JSON.parse(String(event.data)) as { type: string; id?: number; ok: boolean; value?: unknown; error?: { code: string; message: string } };
          if (msg.type !== 'result' || msg.id !== 1) return;
          ws.removeEventListener('message', onMessage);
          resolve(msg);
        });
        ws.send(JSON.stringify({ type: 'call', id: 1, method, input }));
      });
      ws.close();
      return answer;
    },
    { method, input },
  );
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}
