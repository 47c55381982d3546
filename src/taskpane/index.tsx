import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost } from '../excel/host';

/* The page must come up even when office.js is missing (no internet) or never reports ready
 * (opened outside Office): detectHost() always settles, falling back to standalone mode. */
const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<App host={null} />);
  void detectHost().then((host) => root.render(<App host={host} />));
}
