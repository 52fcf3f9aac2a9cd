import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';

// Radix dialogs lock scrolling with a <style> element (react-remove-scroll), which the gateway's
// CSP blocks without the page's nonce; get-nonce, which it asks, reads __webpack_nonce__.
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
