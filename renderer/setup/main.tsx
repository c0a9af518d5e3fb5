import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './setup.css';
import { currentSetupBridge } from '../bridge/setup-bridge.js';
import { SetupPage } from './SetupPage.js';

const root = document.getElementById('root');
if (!root) throw new Error('setup/index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SetupPage bridge={currentSetupBridge()} />
  </StrictMode>,
);
