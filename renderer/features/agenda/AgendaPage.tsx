import { PlaceholderPage } from '../../components/PlaceholderPage';

/** Built by the agenda issue; until then the page says what it will hold. */
export function AgendaPage() {
  return <PlaceholderPage titleKey="agenda.title" summaryKey="agenda.summary" itemKeys={['agenda.item1', 'agenda.item2', 'agenda.item3']} />;
}
