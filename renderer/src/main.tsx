// Entry point: choose the transport, then mount the app. A missing token is shown as a page, not a blank screen.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { selectTransport } from './api/selectTransport';
import './styles/app.css';

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
