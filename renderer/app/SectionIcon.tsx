import type { Section } from './navigation-store';

// Simple line icons drawn inline: nothing is fetched, and they follow the text colour.
const PATHS: Record<Section, string> = {
  home: 'M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z',
  releases: 'M5 3h10l4 4v14H5zM14 3v5h5M8 12h8M8 16h8M8 8h4',
  agenda: 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4',
  campaigns: 'M3 11v4l11 4V7L3 11zM14 8.5l5-2.5v14l-5-2.5M6 15l1 5h3l-1-4.5',
  requests: 'M4 4h16v12H8l-4 4zM8 8h8M8 12h5',
  network: 'M12 5a2 2 0 1 0 0 .1M5 17a2 2 0 1 0 0 .1M19 17a2 2 0 1 0 0 .1M12 7v4M12 11l-6 5M12 11l6 5',
  publicdesk: 'M4 5h16v10H13l-4 4v-4H4zM12 8v3M12 13v.01',
  media: 'M3 6h18v12H3zM7 10h6M7 14h10M16 9h2',
  outbox: 'M3 13h5l1.5 3h5L16 13h5M5 13l2-8h10l2 8v7H5zM12 3v7M9.5 7.5 12 10l2.5-2.5',
  reports: 'M4 20h16M6 16v-5M10 16V8M14 16v-7M18 16V5',
  pressroom: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3M8 21h8',
  settings: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
};

export function SectionIcon({ section }: { section: Section }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[section]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
