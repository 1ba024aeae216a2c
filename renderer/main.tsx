import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApiClient } from './api/client';
import { App } from './app/App';
import { startRoute } from './app/route';
import './styles/base.css';
import './styles/frame.css';
import './styles/forms.css';
import './styles/pages.css';

// The transport is chosen before the first render so that every store call has a bridge.
startApiClient();
// The place in the URL (a reload keeps it); a new person at the machine starts at Beranda.
startRoute();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
