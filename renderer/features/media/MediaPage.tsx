import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Built by the media issue; until then the page says what it will hold. */
export function MediaPage() {
  return <PlaceholderPage titleKey="media.title" summaryKey="media.summary" itemKeys={['media.item1', 'media.item2', 'media.item3']} />;
}
