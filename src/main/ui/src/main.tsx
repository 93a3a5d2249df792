import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
loadConfig()
  .then((config) => root.render(<App config={config} />))
  .catch(() => {
    const p = document.createElement('p');
    p.className = 'boot-error';
    p.textContent = 'Zhusan Vault is not reachable. / Zhusan Vault қолжетімсіз. / Zhusan Vault недоступен.';
    document.getElementById('root')!.replaceChildren(p);
  });
