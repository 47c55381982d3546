import { createRoot } from 'react-dom/client';
import { detectingWorkspace, detectWorkspace } from '../app/workspace';
import { App } from './App';

/* The page must come up even when office.js is missing (no internet) or never reports ready
 * (opened outside Office): detectWorkspace() always settles, falling back to a standalone page.
 * The workspace (Excel or standalone) is chosen here, once; the steps only get its operations. */
const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<App workspace={detectingWorkspace()} />);
  const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'vi');
  void detectWorkspace({ lang }).then((workspace) => root.render(<App workspace={workspace} />));
}
