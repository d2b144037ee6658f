// The Try it console of the docs pages: a "Try it" button on every operation Redoc renders, and
// the console it opens (console.js). It reads what the build and the server put in the page:
//   __vpsorgTryItModel   the operations, their schemas and CLI commands (shared by every page)
//   __vpsorgLabels.tryit the page's labels; __vpsorgTryItPage: its server names and status meanings
//   __vpsorgTryItConfig  servers beyond the spec's: the local mock or sandbox, when the serving
//                        script says where it is (try-it-config.js)
// The token lives in sessionStorage (this tab only), never in the URL, localStorage or a log,
// and goes only to the server chosen, in the Authorization header.
import { createConsole } from './console.js';

const TOKEN_KEY = 'vpsorg.tryIt.token';
const SERVER_KEY = 'vpsorg.tryIt.server';

const model = globalThis.__vpsorgTryItModel;
const page = globalThis.__vpsorgTryItPage ?? { servers: [], meanings: {}, summaries: {} };
const labels = globalThis.__vpsorgLabels?.tryit;
const config = globalThis.__vpsorgTryItConfig ?? { servers: [] };

/** sessionStorage, or nothing when the browser refuses it (the token then lasts as long as the page). */
const session = {
  get(key) {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      if (value) sessionStorage.setItem(key, value);
      else sessionStorage.removeItem(key);
    } catch {
      // nothing kept
    }
  },
};

function sharedState() {
  const local = (Array.isArray(config.servers) ? config.servers : [])
    .filter((s) => s && typeof s.url === 'string' && /^https?:\/\//.test(s.url))
    .map((s) => ({ url: s.url.replace(/\/+$/, ''), label: s.sandbox ? labels.serverSandbox : labels.serverMock, sandbox: Boolean(s.sandbox) }));
  const documented = model.servers.map((url, i) => ({ url, label: page.servers[i] || url, sandbox: false }));
  const servers = [...local, ...documented.filter((d) => !local.some((l) => l.url === d.url))];
  const stored = session.get(SERVER_KEY);
  const state = { server: servers.some((s) => s.url === stored) ? stored : servers[0].url, token: session.get(TOKEN_KEY) ?? '' };
  const listeners = new Set();
  return {
    servers,
    get: () => ({ ...state }),
    set(change) {
      Object.assign(state, change);
      if ('token' in change) session.set(TOKEN_KEY, state.token);
      if ('server' in change) session.set(SERVER_KEY, state.server);
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => listeners.add(listener),
  };
}

/**
 * Redoc's operation sections are pre-rendered, then hydrated by React, and re-rendered as tag
 * groups open. Nothing may be added before hydration has committed (React would find a node it
 * did not render): the "API docs by Redocly" logo is rendered on the client only, so its
 * presence says the page is React's. From then on every operation section that appears gets
 * its button and console; a section rendered again gets the same ones back, as they were.
 */
function start() {
  const shared = sharedState();
  const byId = new Map(model.operations.map((op) => [op.id.toLowerCase(), op]));
  const made = new Map();
  const mount = () => {
    for (const section of document.querySelectorAll('#redoc [data-item-kind="httpItem"][id]')) {
      const op = byId.get(section.id.split('/').at(-1));
      const panel = section.querySelector('[data-testid="middle-panel"]');
      if (!op || !panel || panel.querySelector(':scope > .vpsorg-try-it')) continue;
      let parts = made.get(op.id);
      if (!parts) {
        const consoleParts = createConsole({ op, root: model, labels, meanings: page.meanings[op.id] ?? {}, summary: page.summaries?.[op.id], shared, cliBaseUrl: model.cliBaseUrl });
        parts = document.createElement('div');
        parts.className = 'vpsorg-try-it';
        // The page's label rewriter leaves the console alone: its texts are already the page's.
        parts.setAttribute('data-vpsorg-skip', '');
        parts.append(consoleParts.button, consoleParts.panel);
        made.set(op.id, parts);
      }
      panel.append(parts);
    }
  };
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      mount();
    });
  });
  observer.observe(document.getElementById('redoc'), { subtree: true, childList: true });
  mount();
}

function whenHydrated(then) {
  const hydrated = () => document.querySelector('#redoc img[alt="redocly logo"]');
  if (hydrated()) return then();
  const watcher = new MutationObserver(() => {
    if (!hydrated()) return;
    watcher.disconnect();
    then();
  });
  watcher.observe(document.documentElement, { subtree: true, childList: true });
}

if (model && labels && document.getElementById('redoc')) whenHydrated(start);
