import type { FieldValue } from '../../shared/sync/replicated-tables';
import { PRODUCTS, type OutletKind } from '../../shared/media/vocabulary';
import { pick, seeded } from './random';
import type { DemoSection } from './section';

/**
 * Invented partner media and journalists: made-up outlet names, first-name + family-name
 * combinations, `example` domains and phone numbers in the 0812-0000-xxxx range that cannot
 * belong to anyone. Size 1: 25 outlets, 500 journalists, 20 contracts, 5,000 publications;
 * the benchmark workspace is size 10 (250 / 5,000 / 200 / 50,000).
 */
const PLACES = ['Sukamaju', 'Lembah Hijau', 'Kali Jernih', 'Tanjung Elok', 'Bukit Asri', 'Mekarsari', 'Sumber Rejeki', 'Talang Batu', 'Pesisir Indah', 'Gunung Sari', 'Teluk Damai', 'Rawa Kencana', 'Sungai Emas'];
const PRINT = ['Harian', 'Pos', 'Radar', 'Warta', 'Tribun Rakyat'];
const ONLINE = ['Kabar', 'Lintas', 'Info', 'Berita', 'Detak'];
const REGIONS = ['Kota Sukamaju', 'Kabupaten Lembah Hijau', 'Kabupaten Kali Jernih', 'Kota Tanjung Elok', 'Kabupaten Bukit Asri', 'Kabupaten Mekarsari'];
const FIRST = ['Agus', 'Rina', 'Budi', 'Sri', 'Dewi', 'Joko', 'Wahyu', 'Lestari', 'Hendra', 'Fitri', 'Yusuf', 'Ratna', 'Bayu', 'Intan', 'Fajar', 'Nurul', 'Rizki', 'Maya', 'Andi', 'Siti', 'Taufik', 'Ayu', 'Dimas', 'Putri'];
const LAST = ['Contohwati', 'Misalnya', 'Andaian', 'Rekaan', 'Karangan', 'Perumpamaan', 'Samaran', 'Ilustrasi', 'Cerita', 'Khayalan', 'Fiktifa', 'Permisalan'];
const BEATS = ['Pemerintahan', 'Ekonomi', 'Politik', 'Hukum dan Kriminal', 'Olahraga', 'Pendidikan', 'Kesehatan', 'Budaya', 'Lingkungan', 'Foto'];
const KINDS: OutletKind[] = ['online', 'online', 'online', 'print', 'print', 'tv', 'radio', 'social'];
const PRESS = ['factual', 'factual', 'administrative', 'administrative', 'registered', 'none'] as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface DemoOutlet {
  name: string;
  kind: OutletKind;
}

export function outletName(i: number, kind: OutletKind, rand: () => number): string {
  const place = PLACES[i % PLACES.length] as string;
  const series = Math.floor(i / PLACES.length);
  const base =
    kind === 'print' ? `${pick(rand, PRINT)} ${place}`
    : kind === 'tv' ? `${place} TV`
    : kind === 'radio' ? `Radio Suara ${place} FM`
    : kind === 'social' ? `Info ${place} (akun media sosial)`
    : `${pick(rand, ONLINE)} ${place}`;
  return series ? `${base} ${series + 1}` : base;
}

export const mediaSection: DemoSection = {
  name: 'media',
  async run({ core, size, seed, progress }) {
    const rand = seeded(seed + 6);
    const m = core.context.mutator;
    const outlets = 25 * size;
    const perOutlet = 20;
    const contracts = 20 * size;
    const pubsPerContract = 250;
    const outletIds: string[] = [];
    const hosts: string[] = [];
    m.transaction(() => {
      for (let i = 0; i < outlets; i++) {
        const kind = KINDS[i % KINDS.length] as OutletKind;
        const name = outletName(i, kind, rand);
        const host = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
        hosts.push(host);
        const press = pick(rand, PRESS);
        outletIds.push(
          m.insert('media_outlet', {
            name,
            kind,
            legal_entity: `PT ${name.replace(/ \(.*\)$/, '')} Media`,
            region: pick(rand, REGIONS),
            address: `Jl. Contoh No. ${1 + (i % 120)}`,
            website: `https://${host}`,
            phone: `+62812000${pad(10000 + i, 5).slice(-5)}`.slice(0, 15),
            email: `redaksi@${host}`,
            editor_in_chief: `${pick(rand, FIRST)} ${pick(rand, LAST)}`,
            press_council_status: press,
            press_council_cert_no: press === 'factual' || press === 'administrative' ? `${pad(100 + i, 4)}/DP-Verifikasi/K/${2020 + (i % 6)}` : null,
            circulation: kind === 'print' ? 5000 + Math.floor(rand() * 40000) : null,
            monthly_traffic: kind === 'online' ? 20000 + Math.floor(rand() * 900000) : null,
          }),
        );
      }
    });
    progress('Media', outlets, outlets);

    const people = outlets * perOutlet;
    for (let start = 0; start < people; start += 1000) {
      m.transaction(() => {
        for (let i = start; i < Math.min(people, start + 1000); i++) {
          const outlet = Math.floor(i / perOutlet);
          const level = rand();
          const until = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 4 * 365) * 86400000);
          const values: Record<string, FieldValue> = {
            outlet_id: outletIds[outlet] as string,
            name: `${pick(rand, FIRST)} ${pick(rand, LAST)}`,
            beat: pick(rand, BEATS),
            role: i % perOutlet === 0 ? 'Redaktur' : 'Reporter',
            phone: `+62812000${pad(i % 100000, 5)}`,
            whatsapp: `+62812000${pad(i % 100000, 5)}`,
            email: `wartawan${i}@${hosts[outlet]}`,
            ukw_level: level < 0.5 ? 'muda' : level < 0.8 ? 'madya' : level < 0.9 ? 'utama' : null,
            ukw_number: level < 0.9 ? `UKW-${pad(i, 6)}` : null,
            ukw_valid_until: level < 0.9 ? iso(until) : null,
            press_card_no: `KP-${pad(i, 6)}`,
            data_source: 'Formulir akreditasi liputan (data demo)',
            consent: rand() < 0.9 ? 'given' : 'unknown',
          };
          m.insert('media_journalist', values);
        }
      });
      progress('Wartawan', Math.min(people, start + 1000), people);
    }

    const contractRows: { id: string; outlet: number; year: number }[] = [];
    m.transaction(() => {
      for (let i = 0; i < contracts; i++) {
        const outlet = (i * 7) % outlets;
        const year = 2025 + (i % 2);
        const id = m.insert('media_contract', {
          outlet_id: outletIds[outlet] as string,
          number: `${pad(i + 1, 3)}/KS-MEDIA/Humas/${year}`,
          title: `Kerja sama publikasi kegiatan pemerintah daerah ${year}`,
          period_start: `${year}-01-01`,
          period_end: `${year}-12-31`,
          value: (12 + Math.floor(rand() * 60)) * 1_000_000,
          status: 'active',
        });
        m.insert('media_contract_quota', { contract_id: id, product: 'news', quota: 150 });
        m.insert('media_contract_quota', { contract_id: id, product: 'advertorial', quota: 12 });
        m.insert('media_contract_quota', { contract_id: id, product: 'photo_gallery', quota: 24 });
        contractRows.push({ id, outlet, year });
      }
    });
    progress('Kontrak', contracts, contracts);

    const pubs = contracts * pubsPerContract;
    let made = 0;
    for (const c of contractRows) {
      m.transaction(() => {
        for (let k = 0; k < pubsPerContract; k++) {
          const day = Math.floor(rand() * (c.year === 2026 ? 325 : 365));
          const date = iso(new Date(Date.UTC(c.year, 0, 1) + day * 86400000));
          const product = rand() < 0.8 ? 'news' : (pick(rand, PRODUCTS.slice(1, 3)) as string);
          m.insert('media_publication', {
            outlet_id: outletIds[c.outlet] as string,
            contract_id: c.id,
            product,
            title: `Pemerintah daerah ${pick(rand, ['meresmikan', 'meninjau', 'menggelar', 'mencanangkan'])} ${pick(rand, ['pasar rakyat', 'jembatan desa', 'posyandu', 'festival budaya', 'program beasiswa'])}`,
            url: `https://${hosts[c.outlet]}/${date.replace(/-/g, '/')}/berita-${made}`,
            published_on: date,
          });
          made += 1;
        }
      });
      if (made % 10000 === 0 || made === pubs) progress('Bukti tayang', made, pubs);
    }
    return { media_outlets: outlets, media_journalists: people, media_contracts: contracts, media_publications: pubs };
  },
};
