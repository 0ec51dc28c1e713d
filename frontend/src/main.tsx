import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './lib/i18n';
import { createQueryClient } from './lib/queryClient';
import { startServiceWorker } from './offline/pwa';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

const queryClient = createQueryClient();
startServiceWorker();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
