// One operation's console: the server, the token, its parameters and body, Send, the response,
// the copy buttons and, against the sandbox, its clock. Every text comes from the page's labels;
// every control is a native one with a <label>, reachable with Tab and worked with Enter or Space.
import { cliLine, curlLine } from './commands.js';
import { append, h, replace } from './dom.js';
import { describeProblems, fill } from './messages.js';
import { conformance, documentedResponse, readRequest, send } from './request.js';

let consoles = 0;

/**
 * @param {{ op: any, root: any, labels: Record<string, string>, meanings: Record<string, string>, summary?: string,
 *   shared: { servers: { url: string, label: string, sandbox: boolean }[], get: () => { server: string, token: string },
 *             set: (change: object) => void, subscribe: (fn: () => void) => void }, cliBaseUrl: string }} options
 * @returns {{ button: HTMLElement, panel: HTMLElement }}
 */
export function createConsole({ op, root, labels: L, meanings, summary, shared, cliBaseUrl }) {
  const id = `vpsorg-try-it-${++consoles}`;
  const idOf = (part) => `${id}-${part}`;

  // --- the controls ---
  const serverSelect = h(
    'select',
    { id: idOf('server'), 'data-testid': 'try-it-server', 'aria-describedby': idOf('server-url'), onchange: () => shared.set({ server: serverSelect.value }) },
    shared.servers.map((s) => h('option', { value: s.url }, s.label)),
  );
  const serverUrl = h('code', { id: idOf('server-url'), class: 'vpsorg-try-it__hint' });
  const tokenInput = h('input', {
    id: idOf('token'),
    type: 'password',
    'data-testid': 'try-it-token',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': idOf('token-hint'),
    oninput: () => shared.set({ token: tokenInput.value }),
  });

  const paramInputs = new Map();
  const paramRows = op.params.map((param) => {
    const inputId = idOf(`param-${param.name}`);
    const enumValues = enumOf(param.schema, root);
    const control = enumValues
      ? h('select', { id: inputId, 'data-testid': `try-it-param-${param.name}` }, [
          h('option', { value: '' }, L.unset),
          enumValues.map((v) => h('option', { value: String(v) }, String(v))),
        ])
      : h('input', {
          id: inputId,
          type: 'text',
          'data-testid': `try-it-param-${param.name}`,
          spellcheck: 'false',
          autocomplete: 'off',
          value: param.in === 'path' && param.example !== undefined ? String(param.example) : '',
        });
    paramInputs.set(param.name, control);
    const where = [L[`in.${param.in}`] ?? param.in, param.required ? L.required : null].filter(Boolean).join(' · ');
    return h('div', { class: 'vpsorg-try-it__row' }, h('label', { for: inputId }, h('code', {}, param.name), ' ', h('span', { class: 'vpsorg-try-it__hint' }, where)), control);
  });

  const exampleBody = op.body?.example !== undefined ? JSON.stringify(op.body.example, null, 2) : '';
  const bodyInput = op.body
    ? h('textarea', { id: idOf('body'), 'data-testid': 'try-it-body', rows: Math.min(16, exampleBody.split('\n').length + 1), spellcheck: 'false', value: exampleBody })
    : null;

  const sendButton = h('button', { type: 'button', class: 'vpsorg-try-it__primary', 'data-testid': 'try-it-send', onclick: () => run() }, L.send);
  const curlButton = h('button', { type: 'button', 'data-testid': 'try-it-copy-curl', onclick: () => copy('curl') }, L.copyCurl);
  const cliButton = h('button', { type: 'button', 'data-testid': 'try-it-copy-cli', onclick: () => copy('cli') }, L.copyCli);

  const problemsBox = h('div', { id: idOf('problems'), class: 'vpsorg-try-it__problems', role: 'alert', hidden: true });
  const copiedBox = h('div', { class: 'vpsorg-try-it__copied', role: 'status' });
  const statusLine = h('p', { class: 'vpsorg-try-it__status', 'data-testid': 'try-it-status' });
  const facts = h('dl', { class: 'vpsorg-try-it__facts' });
  const responseBody = h('div', { 'data-testid': 'try-it-response' });
  const conformanceBox = h('div', { class: 'vpsorg-try-it__conformance' });
  const responseSection = h(
    'section',
    { class: 'vpsorg-try-it__response', 'aria-labelledby': idOf('response-title'), 'aria-live': 'polite', hidden: true },
    h('h4', { id: idOf('response-title') }, L.response),
    statusLine,
    facts,
    responseBody,
    conformanceBox,
  );

  // The sandbox's clock: shown only when the chosen server is the local sandbox.
  const secondsInput = h('input', { id: idOf('seconds'), type: 'number', min: '0', step: '1', value: '300', inputmode: 'numeric' });
  const clockStatus = h('span', { class: 'vpsorg-try-it__hint', role: 'status' });
  const clockRow = h(
    'div',
    { class: 'vpsorg-try-it__row vpsorg-try-it__clock', hidden: true },
    h('label', { for: idOf('seconds') }, L.advanceBy),
    h('div', { class: 'vpsorg-try-it__inline' }, secondsInput, h('button', { type: 'button', onclick: () => advance() }, L.advance), clockStatus),
  );

  const title = h('h3', { id: idOf('title') }, L.title);
  const panel = h(
    'section',
    { id, class: 'vpsorg-try-it__console', 'data-testid': 'try-it-console', 'data-operation-id': op.id, 'aria-labelledby': idOf('title'), hidden: true },
    h(
      'div',
      { class: 'vpsorg-try-it__head' },
      title,
      h('code', { class: 'vpsorg-try-it__endpoint' }, `${op.method} ${op.path}`),
      summary ? h('span', { class: 'vpsorg-try-it__hint' }, summary) : null,
      h('button', { type: 'button', class: 'vpsorg-try-it__close', onclick: () => toggle(false) }, L.close),
    ),
    h('div', { class: 'vpsorg-try-it__row' }, h('label', { for: idOf('server') }, L.server), serverSelect, serverUrl),
    clockRow,
    h(
      'div',
      { class: 'vpsorg-try-it__row' },
      h('label', { for: idOf('token') }, L.token),
      tokenInput,
      h('p', { id: idOf('token-hint'), class: 'vpsorg-try-it__hint' }, L.tokenHint),
    ),
    paramRows.length ? h('fieldset', { class: 'vpsorg-try-it__params' }, h('legend', {}, L.parameters), paramRows) : null,
    bodyInput
      ? h(
          'div',
          { class: 'vpsorg-try-it__row' },
          h('label', { for: idOf('body') }, L.body),
          bodyInput,
          h('div', { class: 'vpsorg-try-it__inline' }, h('button', { type: 'button', onclick: () => ((bodyInput.value = exampleBody), bodyInput.focus()) }, L.resetBody)),
        )
      : null,
    h('div', { class: 'vpsorg-try-it__actions' }, sendButton, curlButton, cliButton),
    problemsBox,
    copiedBox,
    responseSection,
  );

  const button = h(
    'button',
    {
      type: 'button',
      class: 'vpsorg-try-it__open',
      'data-testid': 'try-it-open',
      'data-operation-id': op.id,
      'aria-expanded': 'false',
      'aria-controls': id,
      onclick: () => toggle(panel.hidden),
    },
    L.open,
  );

  // Ctrl+Enter (⌘+Enter) sends from anywhere in the console; Escape closes it.
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      toggle(false);
    }
  });

  function toggle(open) {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) serverSelect.focus();
    else button.focus();
  }

  // --- the shared server and token ---
  function sync() {
    const { server, token } = shared.get();
    if (serverSelect.value !== server) serverSelect.value = server;
    serverUrl.textContent = server;
    if (tokenInput.value !== token) tokenInput.value = token;
    clockRow.hidden = !shared.servers.find((s) => s.url === server)?.sandbox;
  }
  shared.subscribe(sync);
  sync();

  // --- checking, sending, showing ---
  const inputs = () => ({ params: Object.fromEntries([...paramInputs].map(([name, input]) => [name, input.value])), bodyText: bodyInput?.value ?? '' });
  let sending = false;

  function showProblems(problems) {
    for (const input of [...paramInputs.values(), bodyInput]) input?.removeAttribute('aria-invalid');
    if (!problems.length) {
      problemsBox.hidden = true;
      replace(problemsBox);
      return;
    }
    const items = problems.map((p) => {
      const input = p.on === 'body' ? bodyInput : paramInputs.get(p.name);
      input?.setAttribute('aria-invalid', 'true');
      input?.setAttribute('aria-describedby', idOf('problems'));
      const error = p.on === 'param' ? { ...p.error, path: [p.name, ...p.error.path] } : p.error;
      return h('li', {}, describeProblems([error], L, L['field.body'])[0].text);
    });
    replace(problemsBox, h('p', {}, L.notSent), h('ul', {}, items));
    problemsBox.hidden = false;
    const first = problems[0];
    (first.on === 'body' ? bodyInput : paramInputs.get(first.name))?.focus();
  }

  async function run() {
    if (sending) return;
    const { request, problems } = readRequest(op, root, inputs());
    showProblems(problems);
    if (problems.length) {
      responseSection.hidden = true; // an earlier answer is not this request's
      return;
    }
    const { server, token } = shared.get();
    sending = true;
    panel.setAttribute('aria-busy', 'true');
    replace(statusLine, L.sending);
    responseSection.hidden = false;
    try {
      showAnswer(await send(server, request, token));
    } finally {
      sending = false;
      panel.removeAttribute('aria-busy');
    }
  }

  function showAnswer(answer) {
    replace(facts);
    replace(conformanceBox);
    if (answer.failed) {
      replace(statusLine, L.networkError);
      replace(responseBody);
      return;
    }
    const documented = documentedResponse(op, answer.status);
    const meaning = documented ? meanings[documented.status] : undefined;
    replace(statusLine, h('strong', {}, String(answer.status)), ' ', meaning ?? L.undocumented);
    const fact = (term, ...value) => append(facts, [h('dt', {}, term), h('dd', {}, ...value)]);
    fact(L.time, fill(L.ms, Math.round(answer.ms)));
    if (answer.requestId) fact(L.requestId, h('code', {}, answer.requestId));
    if (answer.retryAfter) fact(L.retryAfter, /^\d+$/.test(answer.retryAfter) ? fill(L.seconds, answer.retryAfter) : answer.retryAfter);
    replace(
      responseBody,
      answer.text === ''
        ? h('p', { class: 'vpsorg-try-it__hint' }, L.noBody)
        : h('pre', { class: 'vpsorg-try-it__body', tabindex: '0', 'aria-label': L.responseBody }, answer.isJson ? JSON.stringify(answer.json, null, 2) : answer.text),
    );
    const mismatches = conformance(op, root, answer);
    if (!mismatches.length) {
      replace(conformanceBox, h('p', { class: 'vpsorg-try-it__ok' }, L.conforms));
    } else {
      const lines = describeProblems(mismatches, L, L['field.response']).map((line) => h('li', {}, line.text));
      replace(conformanceBox, h('p', { class: 'vpsorg-try-it__bad' }, L.mismatch), h('ul', {}, lines));
    }
  }

  async function copy(kind) {
    const { request } = readRequest(op, root, inputs());
    const { server } = shared.get();
    const text = kind === 'curl' ? curlLine(op, server, request) : cliLine(op, server, request, cliBaseUrl);
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    const shown = h('textarea', { readonly: true, rows: Math.max(2, text.split('\n').length), spellcheck: 'false', 'aria-label': copied ? L.copied : L.copyFailed, value: text });
    replace(copiedBox, h('p', {}, copied ? L.copied : L.copyFailed), shown);
    if (!copied) {
      shown.focus();
      shown.select();
    }
  }

  async function advance() {
    const { server, token } = shared.get();
    const seconds = Number(secondsInput.value);
    if (!Number.isInteger(seconds) || seconds < 0) {
      secondsInput.setAttribute('aria-invalid', 'true');
      replace(clockStatus, fill(L['error.at'], L.advanceBy, fill(L['error.minimum'], 0)));
      return;
    }
    secondsInput.removeAttribute('aria-invalid');
    const answer = await send(server, { method: 'POST', path: '/__sandbox/advance', query: [], headers: [['Content-Type', 'application/json'], ['Accept', 'application/json']], body: { seconds } }, token);
    if (answer.failed) replace(clockStatus, L.networkError);
    else if (answer.status === 200 && answer.isJson) replace(clockStatus, fill(L.clockNow, answer.json.clock));
    else replace(clockStatus, h('strong', {}, String(answer.status)), ' ', answer.isJson && typeof answer.json.message === 'string' ? answer.json.message : '');
  }

  return { button, panel };
}

/** The allowed values of a parameter whose schema is an enum (through a $ref), else undefined. */
function enumOf(schema, root) {
  let node = schema;
  for (let depth = 0; node && depth < 10; depth++) {
    if (Array.isArray(node.enum)) return node.enum;
    if (!node.$ref) return undefined;
    node = node.$ref.slice(2).split('/').reduce((n, k) => n?.[k], root);
  }
  return undefined;
}
