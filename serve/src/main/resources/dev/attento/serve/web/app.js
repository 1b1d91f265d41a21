// Attento's page: translate as you type, and show each translation's attention as a heatmap.
// Plain JavaScript and SVG, no libraries, nothing loaded from anywhere but this server.
'use strict';

const DEBOUNCE_MS = 250;
const SVG = 'http://www.w3.org/2000/svg';
const $ = id => document.getElementById(id);

const state = { models: [], limits: null, sequence: 0, controller: null };

function option(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  select.appendChild(o);
}

function fillNumbers(select, max, chosen) {
  select.textContent = '';
  for (let i = 1; i <= max; i++) option(select, String(i), String(i));
  select.value = String(Math.min(chosen, max));
}

function showStatus(message, isError) {
  const s = $('status');
  s.textContent = message;
  s.classList.toggle('error', !!isError);
  s.setAttribute('role', isError ? 'alert' : 'status');
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message + ' (HTTP ' + response.status + ')';
  } catch (e) { /* not JSON: fall through */ }
  return 'the server answered HTTP ' + response.status;
}

async function loadModels() {
  const response = await fetch('/v1/models');
  if (!response.ok) throw new Error(await errorMessage(response));
  const body = await response.json();
  state.models = body.models;
  state.limits = body.limits;
  const model = $('model');
  for (const m of body.models) {
    option(model, m.name, m.name + ' (' + m.cell + ', ' + (m.attention === 'none' ? 'fixed context' : m.attention + ' attention') + ')');
  }
  fillNumbers($('beam'), Math.min(body.limits.maxBeam, 12), 4);
  fillNumbers($('nbest'), Math.min(Number($('beam').value), body.limits.maxNbest), 1);
  $('compare-label').hidden = body.models.length < 2;
}

// Figures from the server (e.g. the compare run's quality-by-length chart), shown below the translations.
async function loadFigures() {
  const response = await fetch('/v1/figures');
  if (!response.ok) return; // figures are extras: the page works without them
  const body = await response.json();
  const section = $('figures');
  for (const f of body.figures) {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.src = f.url;
    img.alt = f.title;
    const caption = document.createElement('figcaption');
    caption.textContent = f.title;
    figure.append(img, caption);
    section.append(figure);
  }
  section.hidden = body.figures.length === 0;
}

function chosenModels() {
  return $('compare').checked ? state.models.map(m => m.name) : [$('model').value];
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(translate, DEBOUNCE_MS);
}

async function translate() {
  const text = $('source').value.trim();
  const sequence = ++state.sequence;
  if (state.controller) state.controller.abort();
  if (!text) {
    $('panels').textContent = '';
    showStatus('', false);
    return;
  }
  state.controller = new AbortController();
  const signal = state.controller.signal;
  showStatus('translating…', false);
  const request = model => fetch('/v1/translate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, text, beam: Number($('beam').value), nbest: Number($('nbest').value), attention: true }),
    signal,
  }).then(async r => r.ok ? r.json() : Promise.reject(new Error(await errorMessage(r))));
  try {
    const answers = await Promise.all(chosenModels().map(request));
    if (sequence !== state.sequence) return; // a newer keystroke's answer is on its way
    const panels = $('panels');
    panels.textContent = '';
    for (const answer of answers) panels.appendChild(panel(answer));
    showStatus('', false);
  } catch (e) {
    if (e.name === 'AbortError' || sequence !== state.sequence) return;
    showStatus('Could not translate: ' + e.message, true);
  }
}

function panel(answer) {
  const result = answer.results[0];
  const div = document.createElement('section');
  div.className = 'panel';
  div.dataset.model = answer.model;
  const h = document.createElement('h2');
  h.textContent = answer.model + ' · ' + answer.elapsedMs.toFixed(1) + ' ms';
  div.appendChild(h);
  const list = document.createElement('ol');
  list.className = 'hyps';
  const sourceLine = document.createElement('div');
  sourceLine.className = 'source-tokens';
  sourceLine.setAttribute('aria-label', 'source tokens');
  result.sourceTokens.forEach((t, i) => {
    const span = document.createElement('span');
    span.textContent = t;
    span.dataset.index = i;
    sourceLine.appendChild(span);
  });
  const readout = document.createElement('div');
  readout.className = 'readout';
  readout.setAttribute('aria-live', 'polite');
  const map = document.createElement('div');
  const select = (i) => {
    list.querySelectorAll('button').forEach((b, j) => b.setAttribute('aria-pressed', String(i === j)));
    map.textContent = '';
    readout.textContent = '';
    map.appendChild(heatmap(result.sourceTokens, result.translations[i], sourceLine, readout));
  };
  result.translations.forEach((hyp, i) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = hyp.text;
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = hyp.score === null ? '' : 'score ' + hyp.score.toFixed(3);
    b.append(text, score);
    b.addEventListener('click', () => select(i));
    li.appendChild(b);
    list.appendChild(li);
  });
  div.append(list, sourceLine, map, readout);
  select(0);
  return div;
}

// The attention matrix: one row per target token, one column per source token.
function heatmap(sourceTokens, hyp, sourceLine, readout) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('heatmap');
  const rows = hyp.attention || [];
  if (!rows.length) {
    readout.textContent = 'no attention matrix for this model';
    return svg;
  }
  const cell = 34;
  const left = 8 + 8 * Math.max(...hyp.tokens.map(t => t.length), 1);
  const top = 8 + 7 * Math.max(...sourceTokens.map(t => t.length), 1);
  const width = left + cell * sourceTokens.length + 4;
  const height = top + cell * rows.length + 4;
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'attention heatmap: arrow keys move between cells');
  const columnLabels = sourceTokens.map((t, s) => {
    const x = left + s * cell + cell / 2;
    const label = text(t, x, top - 6, 'start');
    label.setAttribute('transform', 'rotate(-60 ' + x + ' ' + (top - 6) + ')');
    svg.appendChild(label);
    return label;
  });
  const rowLabels = hyp.tokens.map((t, r) => {
    const label = text(t, left - 6, top + r * cell + cell / 2 + 4, 'end');
    svg.appendChild(label);
    return label;
  });
  const cells = [];
  let active = null;
  const activate = (r, s) => {
    if (active) active.classList.remove('active');
    columnLabels.forEach((l, i) => l.classList.toggle('aligned', i === s));
    rowLabels.forEach((l, i) => l.classList.toggle('aligned', i === r));
    sourceLine.querySelectorAll('span').forEach((e, i) => e.classList.toggle('aligned', i === s));
    active = cells[r][s];
    active.classList.add('active');
    const w = rows[r][s];
    readout.textContent = '“' + hyp.tokens[r] + '” ← “' + sourceTokens[s] + '”: weight ' + (w === null ? '–' : w.toFixed(3));
    svg.dataset.row = r;
    svg.dataset.column = s;
  };
  rows.forEach((row, r) => {
    cells.push(row.map((w, s) => {
      const rect = document.createElementNS(SVG, 'rect');
      rect.classList.add('cell');
      rect.setAttribute('x', left + s * cell);
      rect.setAttribute('y', top + r * cell);
      rect.setAttribute('width', cell);
      rect.setAttribute('height', cell);
      rect.setAttribute('fill', 'rgba(33, 102, 172, ' + (w === null ? 0 : Math.max(0.03, w)).toFixed(3) + ')');
      rect.dataset.weight = w === null ? '' : String(w);
      rect.dataset.row = r;
      rect.dataset.column = s;
      const title = document.createElementNS(SVG, 'title');
      title.textContent = hyp.tokens[r] + ' ← ' + sourceTokens[s] + ': ' + (w === null ? '–' : w.toFixed(3));
      rect.appendChild(title);
      rect.addEventListener('mouseenter', () => activate(r, s));
      rect.addEventListener('click', () => activate(r, s));
      svg.appendChild(rect);
      return rect;
    }));
  });
  svg.addEventListener('focus', () => { if (!active) activate(0, argmax(rows[0])); });
  svg.addEventListener('keydown', e => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (!moves[e.key]) return;
    e.preventDefault();
    const r = Math.min(rows.length - 1, Math.max(0, Number(svg.dataset.row || 0) + moves[e.key][0]));
    const s = Math.min(sourceTokens.length - 1, Math.max(0, Number(svg.dataset.column || 0) + moves[e.key][1]));
    activate(r, s);
  });
  return svg;
}

function argmax(values) {
  let best = 0;
  values.forEach((v, i) => { if (v !== null && v > values[best]) best = i; });
  return best;
}

function text(content, x, y, anchor) {
  const t = document.createElementNS(SVG, 'text');
  t.setAttribute('x', x);
  t.setAttribute('y', y);
  t.setAttribute('text-anchor', anchor);
  t.textContent = content;
  return t;
}

document.addEventListener('DOMContentLoaded', async () => {
  try {
    await loadModels();
  } catch (e) {
    showStatus('Could not load the models: ' + e.message, true);
    return;
  }
  loadFigures().catch(() => { /* extras only */ });
  // A link can carry the text and the side-by-side choice: /?text=...&compare=1
  const params = new URLSearchParams(location.search);
  if (params.get('text')) $('source').value = params.get('text');
  if (params.get('compare') === '1' && state.models.length > 1) $('compare').checked = true;
  $('source').addEventListener('input', schedule);
  $('model').addEventListener('change', translate);
  $('compare').addEventListener('change', translate);
  $('beam').addEventListener('change', () => {
    fillNumbers($('nbest'), Math.min(Number($('beam').value), state.limits.maxNbest), Number($('nbest').value));
    translate();
  });
  $('nbest').addEventListener('change', translate);
  if ($('source').value.trim()) translate();
});
