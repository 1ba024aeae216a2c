/**
 * Demo press releases in the style of the seed articles: dateline opening, the event, a
 * quote from an official, context, closing block. Every name is invented (no real person's
 * personal data); places are fictional kelurahan of the invented city of Sukamaju.
 * 40 releases per unit of `size` (the benchmark workspace uses size 500: 20,000 releases).
 */
import * as Y from 'yjs';
import { docFromJson } from '../../shared/releases/body-merge';
import { catchUp } from '../../electron/core/features/releases/body-store';
import type { PmNode } from '../../shared/releases/body-text';
import { pick, seeded } from './random';
import type { DemoSection } from './section';
import { runAsSync } from '../../electron/core/data/actor-scope';

const PER_SIZE = 40;

const OFFICIALS = [
  ['Wali Kota Sukamaju', 'Hendra Wicaksono'],
  ['Wakil Wali Kota Sukamaju', 'Laras Pramesti'],
  ['Sekretaris Daerah Kota Sukamaju', 'Bambang Sasongko'],
  ['Kepala Dinas Pendidikan', 'Sri Rahayuningsih'],
  ['Kepala Dinas Kesehatan', 'dr. Yusuf Hadiprana'],
  ['Kepala Dinas Pekerjaan Umum', 'Teguh Santosa'],
  ['Kepala Dinas Komunikasi dan Informatika', 'Anindita Kusumastuti'],
  ['Kepala BPBD', 'Agus Wiranata'],
] as const;
const WRITERS = ['Rina Wulandari', 'Dimas Prasetya', 'Nur Aisyah', 'Yoga Pratama', 'Fitri Handayani', 'Galih Saputra'];
const PHOTOGRAPHERS = ['Agus Setiawan', 'Bayu Nugroho', 'Sekar Ayuningtyas'];
const EDITORS = ['Dewi Anggraini', 'Joko Susilo'];
const PLACES = ['Kelurahan Kalisari', 'Kelurahan Sumberejo', 'Kecamatan Tirtomulyo', 'Pasar Gede Sukamaju', 'Balai Kota Sukamaju', 'Taman Sriwedari Baru', 'Kelurahan Mojosongo Lor', 'GOR Manahan Sukamaju'];
const TOPICS = [
  { tag: 'infrastruktur', title: (p: string) => `Jembatan Gantung di ${p} Resmi Dibuka`, what: 'jembatan gantung sepanjang 80 meter', who: 5 },
  { tag: 'kesehatan', title: (p: string) => `Posyandu Lansia Serentak Digelar di ${p}`, what: 'pemeriksaan kesehatan gratis bagi 1.200 warga lanjut usia', who: 4 },
  { tag: 'pendidikan', title: (p: string) => `Pemkot Salurkan Beasiswa Prestasi bagi Pelajar ${p}`, what: 'beasiswa bagi 350 pelajar berprestasi', who: 3 },
  { tag: 'bencana', title: (p: string) => `BPBD Gelar Simulasi Tanggap Banjir di ${p}`, what: 'simulasi evakuasi banjir bersama relawan dan warga', who: 7 },
  { tag: 'ekonomi', title: (p: string) => `Bazar UMKM Ramaikan ${p} Akhir Pekan Ini`, what: 'bazar 150 pelaku usaha mikro, kecil, dan menengah', who: 1 },
  { tag: 'pelayanan publik', title: (p: string) => `Mal Pelayanan Publik Buka Gerai Keliling di ${p}`, what: 'layanan administrasi kependudukan keliling', who: 2 },
  { tag: 'kehumasan', title: (p: string) => `Pranata Humas Daerah Studi Banding ke ${p}`, what: 'kunjungan kerja pranata humas dari provinsi tetangga', who: 6 },
  { tag: 'lingkungan', title: (p: string) => `Gerakan Sukamaju Bersih Sasar Bantaran Sungai ${p}`, what: 'kerja bakti membersihkan bantaran sungai', who: 0 },
] as const;
const STATUSES = ['published', 'published', 'published', 'published', 'published', 'published', 'approved', 'in_review', 'draft', 'draft', 'withdrawn'] as const;
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

function text(t: string, bold = false): PmNode {
  return bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t };
}
function para(...content: PmNode[]): PmNode {
  return { type: 'paragraph', content };
}

export const releasesSection: DemoSection = {
  name: 'releases',
  // An invented office's history, written as if it had arrived by sync: releases already in
  // review, approved, numbered or published, which the workflow rules would refuse to create in
  // one write (shared/rules/tables/releases.ts). Not judged here, like any synced change.
  run: (options) => runAsSync(() => writeReleases(options)),
};

async function writeReleases({ core, size, seed, progress }: Parameters<DemoSection['run']>[0]): Promise<Record<string, number>> {
  {
    const rand = seeded(seed + 4);
    const db = core.context.db;
    const m = core.context.mutator;
    const opds = (db.prepare('SELECT id FROM opd WHERE deleted_at IS NULL ORDER BY name').all() as { id: string }[]).map((r) => r.id);
    const total = PER_SIZE * size;
    const end = Date.UTC(2026, 10, 20, 3, 0);
    const span = 730 * 86_400_000; // two years back
    const seq = new Map<number, number>();
    const chunk = 500;
    let made = 0;
    for (let i = 0; i < total; i += chunk) {
      m.transaction(() => {
        for (let j = i; j < Math.min(total, i + chunk); j++) {
          const at = end - Math.floor(((total - j) / total) * span) - Math.floor(rand() * 3_600_000);
          const local = new Date(at + 7 * 3_600_000);
          const y = local.getUTCFullYear();
          const date = local.toISOString().slice(0, 10);
          const topic = pick(rand, TOPICS);
          const place = pick(rand, PLACES);
          const [role, name] = OFFICIALS[topic.who] as readonly [string, string];
          const writer = pick(rand, WRITERS);
          const status = pick(rand, STATUSES);
          const numbered = status === 'published' || status === 'approved' || (status === 'withdrawn' && rand() < 0.5);
          let number: Record<string, string | number> = {};
          if (numbered) {
            const s = (seq.get(y) ?? 0) + 1;
            seq.set(y, s);
            const month = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][local.getUTCMonth()];
            number = { number: `${String(s).padStart(3, '0')}/Humas/Pemkot-SKJ/${month}/${y}`, number_year: y, number_seq: s };
          }
          const iso = new Date(at).toISOString();
          const newsDate = `${DAYS[local.getUTCDay()]} (${local.getUTCDate()}/${local.getUTCMonth() + 1}/${y})`;
          const quote = `Kegiatan ini kami siapkan bersama warga. Harapannya manfaatnya langsung terasa, terutama bagi keluarga yang selama ini paling membutuhkan`;
          const id = m.insert('releases', {
            status,
            ...number,
            label: 'SIARAN PERS',
            urgency: 'immediate',
            title: topic.title(place),
            subtitle: '',
            dateline_city: 'Sukamaju',
            release_date: date,
            quotes: [{ text: 'Kami mengajak seluruh warga ikut menjaga hasil kegiatan ini bersama-sama.', speaker: name, role }],
            boilerplate: 'Bagian Hubungan Masyarakat dan Protokol Sekretariat Daerah Kota Sukamaju.',
            source: 'Bagian Humas dan Protokol Setda Kota Sukamaju',
            writer,
            photographer: pick(rand, PHOTOGRAPHERS),
            editor: numbered ? pick(rand, EDITORS) : '',
            contacts: [{ name: 'Sigit Purnomo', position: 'Kepala Subbagian Peliputan', phone: '(0271) 555-0100', email: 'humas@sukamajukota.example.id' }],
            opd_id: opds.length ? pick(rand, opds) : null,
            tags: [topic.tag, place.split(' ').slice(-1)[0]!.toLowerCase()],
            event_id: null,
            event_end_at: null,
            info_category: 'serta_merta',
            ...(numbered ? { approved_at: iso, approved_by: pick(rand, EDITORS) } : {}),
            ...(status === 'published' ? { published_at: new Date(at + 45 * 60_000).toISOString(), published_by: pick(rand, EDITORS) } : {}),
          });
          const body: PmNode = {
            type: 'doc',
            content: [
              para(text('SUKAMAJU', true), text(` – ${role} ${name} membuka ${topic.what} di ${place}, ${newsDate}. Kegiatan ini merupakan bagian dari program prioritas Pemerintah Kota Sukamaju tahun ${y}.`)),
              para(text(`Menurut ${name}, kegiatan serupa akan dilanjutkan di kelurahan lain secara bergiliran. Warga diminta memanfaatkan kesempatan ini dan menyampaikan masukan melalui kanal pengaduan resmi pemerintah kota.`)),
              para(text(`"${quote}," ujar ${name}.`)),
              para(text(`Kegiatan dihadiri camat, lurah, tokoh masyarakat, serta perwakilan organisasi perangkat daerah terkait. Pemerintah kota mencatat ${100 + Math.floor(rand() * 900)} warga ikut serta.`)),
              para(text('Informasi lebih lanjut dapat diperoleh melalui Bagian Humas dan Protokol Setda Kota Sukamaju.')),
            ],
          };
          const ydoc = docFromJson(body);
          m.insert('release_body_updates', { release_id: id, update_b64: Buffer.from(Y.encodeStateAsUpdate(ydoc)).toString('base64') });
          ydoc.destroy();
          m.insert('release_transitions', { release_id: id, from_status: null, to_status: 'draft', actor: writer, at: iso, note: '' });
          if (status !== 'draft') m.insert('release_transitions', { release_id: id, from_status: 'draft', to_status: status === 'withdrawn' ? 'withdrawn' : 'in_review', actor: writer, at: iso, note: '' });
          made += 1;
        }
      });
      progress('Rilis', made, total);
    }
    // Build the body cache and the search index now, not on the first search.
    progress('Indeks pencarian rilis', 0, 1);
    catchUp(db);
    progress('Indeks pencarian rilis', 1, 1);
    return { releases: made };
  }
}
