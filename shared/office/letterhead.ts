/**
 * The words of the letterhead (*kop*), the same for every paper Warta makes (releases, day
 * sheets, reports) and for the text exports. The contact lines follow the *tata naskah dinas*
 * form (Permendagri 1/2023 on official documents of regional governments): words written out,
 * not abbreviated — "Jalan … Nomor …, Telepon …" then "Laman …, Pos-el …".
 */
export interface LetterheadFields {
  institution: string;
  unit: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  /** An optional line in a regional script (Aksara Bali, Jawa, Sunda), printed above the institution. */
  scriptLine?: string;
}

export interface LetterheadText {
  scriptLine: string;
  institution: string;
  unit: string;
  contact: string[];
}

/** "Jl. Merdeka No. 1" → "Jalan Merdeka Nomor 1": the official form writes words out. */
export function fullAddress(address: string): string {
  return address
    .trim()
    .replace(/(^|[\s,(])Jln?\.?\s+(?=\S)/gi, (_m, pre: string) => `${pre}Jalan `)
    .replace(/(^|[\s,(])No\.?\s*(?=\d)/g, (_m, pre: string) => `${pre}Nomor `)
    .replace(/(^|[\s,(])Kel\.\s+/g, (_m, pre: string) => `${pre}Kelurahan `)
    .replace(/(^|[\s,(])Kec\.\s+/g, (_m, pre: string) => `${pre}Kecamatan `);
}

/** "https://sukamaju.go.id/" → "sukamaju.go.id" (a letterhead prints the address, not the scheme). */
export function websiteLabel(url: string): string {
  return url.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

export function contactLinesOf(f: Pick<LetterheadFields, 'address' | 'phone' | 'email' | 'website'>): string[] {
  const first = [f.address.trim() ? fullAddress(f.address) : '', f.phone.trim() ? `Telepon ${f.phone.trim()}` : ''].filter(Boolean).join(', ');
  const second = [f.website.trim() ? `Laman ${websiteLabel(f.website)}` : '', f.email.trim() ? `Pos-el ${f.email.trim()}` : ''].filter(Boolean).join(', ');
  return [first, second].filter(Boolean);
}

export function letterheadText(f: LetterheadFields): LetterheadText {
  return {
    scriptLine: (f.scriptLine ?? '').trim(),
    institution: f.institution.trim().toUpperCase(),
    unit: f.unit.trim().toUpperCase(),
    contact: contactLinesOf(f),
  };
}

/** Every line, top to bottom, for plain text and HTML. */
export function letterheadLines(f: LetterheadFields): string[] {
  const t = letterheadText(f);
  return [t.scriptLine, t.institution, t.unit, ...t.contact].filter((s) => s !== '');
}
