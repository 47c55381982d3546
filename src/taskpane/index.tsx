import { createRoot } from 'react-dom/client';
import { detectingWorkspace, detectWorkspace } from '../app/workspace';
import { App } from './App';
import { loadOfficeJs } from './office-loader';

/* The page comes up at once, whatever office.js does: it is loaded after the first paint
 * (office-loader.ts), and detectWorkspace() always settles, falling back to a standalone page when
 * office.js is missing (no internet), hangs, or never reports ready (opened outside Office).
 * The workspace (Excel or standalone) is chosen here; the steps only get its operations. */
const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<App workspace={detectingWorkspace()} />);
  const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'vi');
  const detect = () =>
    detectWorkspace({ lang }).then((workspace) => root.render(<App workspace={workspace} />));
  void loadOfficeJs({ onLate: () => void detect() }).then(() => detect());
}
