import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Built by the releases issue; until then the page says what it will hold. */
export function ReleasesPage() {
  return <PlaceholderPage titleKey="releases.title" summaryKey="releases.summary" itemKeys={['releases.item1', 'releases.item2', 'releases.item3']} />;
}
