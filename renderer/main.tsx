import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApiClient } from './api/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/frame.css';
import './styles/forms.css';
import './styles/pages.css';

// The transport is chosen before the first render so that every store call has a bridge.
startApiClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
