// Entry point: choose the transport, then mount the app. A missing token is shown as a page, not a blank screen.
// The shared styles come first, so each component's own stylesheet (imported beside it) comes after them.
import './styles/global.css';
import './styles/panels.css';
import './styles/controls.css';
import './styles/tables.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { selectTransport } from './api/selectTransport';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  try {
    const transport = selectTransport();
    root.render(
      <StrictMode>
        <App transport={transport} />
      </StrictMode>,
    );
  } catch (e) {
    root.render(<StartupError message={e instanceof Error ? e.message : String(e)} />);
  }
}
