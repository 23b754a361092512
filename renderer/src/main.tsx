/** Entry: pick the transport (Electron preload or the web host), then render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client } from './client/client.ts';
import { pickTransport } from './client/transport.ts';
import { uiDir, uiLang } from './i18n/t.ts';
import { Root } from './root.tsx';
import './styles/base.css';
import './styles/shell.css';
import './styles/library.css';
import './styles/document.css';
import './styles/annotate.css';
import './styles/review.css';
import './styles/review-editors.css';
import './styles/disputes.css';
import './styles/sources.css';
import './styles/packs.css';

document.documentElement.lang = uiLang;
document.documentElement.dir = uiDir;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <Root client={new Client(pickTransport())} />
  </StrictMode>,
);
