import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/wall.css';
import './alerts/alerts.css';
import { App } from './app/App.js';
import { exposePlayerDiagnostics } from './player/player-diagnostics.js';

exposePlayerDiagnostics(window as { pantauDiagnostics?: unknown });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
