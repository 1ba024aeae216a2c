import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Built by the press-room issue; until then the page says what it will hold. */
export function PressRoomPage() {
  return <PlaceholderPage titleKey="pressroom.title" summaryKey="pressroom.summary" itemKeys={['pressroom.item1', 'pressroom.item2', 'pressroom.item3']} />;
}
