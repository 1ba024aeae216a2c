/** Captions per platform: X counts as X does (URLs 23, emoji 2), a caption that exactly fits stays whole, an over-long one is cut at a word. */
import { describe, expect, it } from 'vitest';
import { captionLength, composeCaption, hasMarkup } from '../../../shared/campaigns/caption';

const link = 'https://humas.sukamaju.example.go.id/rilis/2026/12/peluncuran-bus-listrik-trans-sukamaju-untuk-warga';

describe('captions per platform', () => {
  it("X weighs a URL as 23 and an emoji as 2; Instagram counts characters", () => {
    expect(captionLength(link, 'x')).toBe(23);
    expect(captionLength('🚌', 'x')).toBe(2);
    expect(captionLength('🚌', 'instagram')).toBe(1);
    expect(captionLength(`Bus ${link}`, 'instagram')).toBe(4 + link.length);
  });

  it('a caption that exactly fits X is kept whole; one character more is cut at a word, link and hashtags kept', () => {
    const tail = `${link}\n@pemkotsukamaju\n#BusListrik`;
    const tailLength = 23 + 1 + 15 + 1 + 11;
    const room = 280 - tailLength - 2; // the blank line between body and tail
    const body = `${'a'.repeat(room - 3)} 🚌`; // the emoji weighs 2
    const exact = composeCaption({ body, link, mentions: ['@pemkotsukamaju'], hashtags: ['#BusListrik'] }, 'x');
    expect(exact).toMatchObject({ length: 280, cut: false });
    expect(exact.text).toBe(`${body}\n\n${tail}`);

    const over = composeCaption({ body: `${body}x`, link, mentions: ['@pemkotsukamaju'], hashtags: ['#BusListrik'] }, 'x');
    expect(over.cut).toBe(true);
    expect(over.length).toBeLessThanOrEqual(280);
    expect(over.text.endsWith(tail)).toBe(true);
    expect(over.text.startsWith(`${'a'.repeat(room - 3)}…\n\n`)).toBe(true);
  });

  it('a long release is cut at a word with an ellipsis for X and kept whole on Facebook', () => {
    const body = 'Pemerintah Kota Sukamaju meluncurkan sepuluh bus listrik. '.repeat(20).trim();
    const x = composeCaption({ body, link, mentions: [], hashtags: ['#BusListrik', '#SukamajuHijau'] }, 'x');
    expect(x.length).toBeLessThanOrEqual(280);
    expect(x.text).toMatch(/\S…\n\nhttps:/);
    const fb = composeCaption({ body, link, mentions: [], hashtags: [] }, 'facebook');
    expect(fb.cut).toBe(false);
    expect(fb.text.startsWith(body)).toBe(true);
  });

  it('HTML in a caption is recognised', () => {
    expect(hasMarkup('Halo <b>warga</b>')).toBe(true);
    expect(hasMarkup('Suhu < 30 derajat & > 20')).toBe(false);
  });
});
