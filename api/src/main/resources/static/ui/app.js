// Marquee's search page: plain ES modules, no build step. Everything it shows comes from the public API
// (/v1/movies, /v1/suggest, /v1/movies/{id}, /v1/movies/{id}/history), so the page is also a worked example of it.

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 200;
const SUGGEST_DELAY_MS = 120;

const $ = (id) => document.getElementById(id);
const state = { q: '', sort: 'relevance', yearFrom: '', yearTo: '', genres: new Set(), page: 1 };
let searchSeq = 0;
let searchAbort = null;
let suggestSeq = 0;
let suggestions = [];
let active = -1;

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child);
  }
  return node;
}

// The API marks matches with <mark> in otherwise HTML-escaped text: rebuild that as DOM nodes, never as HTML.
const decoder = document.createElement('textarea');
function marked(html) {
  const fragment = document.createDocumentFragment();
  let inside = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { inside = true; continue; }
    if (part === '</mark>') { inside = false; continue; }
    decoder.innerHTML = part;
    const text = document.createTextNode(decoder.value);
    fragment.append(inside ? el('mark', {}, text) : text);
  }
  return fragment;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.q = params.get('q') || '';
  state.sort = params.get('sort') || 'relevance';
  state.yearFrom = params.get('yearFrom') || '';
  state.yearTo = params.get('yearTo') || '';
  state.genres = new Set(params.getAll('genre'));
  state.page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
}

function query(extra = {}) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const genre of state.genres) params.append('genre', genre);
  if (state.yearFrom) params.set('yearFrom', state.yearFrom);
  if (state.yearTo) params.set('yearTo', state.yearTo);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params;
}

function filtered() {
  return state.genres.size > 0 || state.yearFrom || state.yearTo;
}

async function search({ focusResults = false, retried = false } = {}) {
  const seq = ++searchSeq;
  if (searchAbort) searchAbort.abort();
  searchAbort = new AbortController();
  const shown = query().toString();
  history.replaceState(null, '', shown ? `${location.pathname}?${shown}` : location.pathname);
  const params = query({ size: String(PAGE_SIZE), facets: 'genres,decade', highlight: 'true' });
  $('results').setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(`/v1/movies?${params}`, { signal: searchAbort.signal, headers: { Accept: 'application/json' } });
    if (seq !== searchSeq) return;
    if (!response.ok) {
      // One quiet retry for a passing failure (a node restarting, a timeout), then the error and a way to retry.
      if (response.status >= 500 && !retried) {
        setTimeout(() => { if (seq === searchSeq) search({ focusResults, retried: true }); }, 1000);
        return;
      }
      showError(response.status, await problem(response), response.headers.get('Retry-After'));
      return;
    }
    const body = await response.json();
    render(body, response.headers.get('X-Cache') === 'stale');
    if (focusResults) $('results').focus();
  } catch (error) {
    if (error.name === 'AbortError' || seq !== searchSeq) return;
    if (!retried) {
      setTimeout(() => { if (seq === searchSeq) search({ focusResults, retried: true }); }, 1000);
      return;
    }
    showError(0, null, null);
  } finally {
    if (seq === searchSeq) $('results').removeAttribute('aria-busy');
  }
}

async function problem(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

function showError(status, detail, retryAfter) {
  $('cards').replaceChildren();
  $('results-heading').textContent = '';
  $('prev').hidden = true;
  $('next').hidden = true;
  $('page-label').textContent = '';
  let message;
  if (status === 400) {
    message = `That search cannot be run: ${detail && detail.detail ? detail.detail : 'check the years and filters'}.`;
  } else if (status === 429) {
    message = `Too many searches at once. Try again in ${retryAfter || 'a few'} seconds.`;
  } else {
    message = 'Search is unavailable right now. Check your connection, then try again.';
  }
  $('status').replaceChildren(el('div', { class: 'error', role: 'alert' },
    el('p', {}, message),
    el('button', { type: 'button', onclick: () => search() }, 'Try again')));
}

function render(body, stale) {
  const { total, totalRelation, items, facets = {}, highlights = {}, didYouMean } = body;
  const shown = `${totalRelation === 'gte' ? 'More than ' : ''}${total.toLocaleString('en')} ${total === 1 ? 'movie' : 'movies'}`;
  $('results-heading').textContent = state.q.trim() ? `${shown} for “${state.q.trim()}”` : shown;
  $('status').replaceChildren(stale
    ? el('p', { class: 'notice' }, 'Showing saved results while search catches up.') : '');
  if (items.length === 0) {
    $('status').append(el('div', { class: 'empty' },
      el('p', {}, state.q.trim() ? `No movies match “${state.q.trim()}”${filtered() ? ' with these filters' : ''}.` : 'No movies match these filters.'),
      didYouMean ? el('p', { class: 'did-you-mean' }, 'Did you mean ',
        el('a', { href: `?${new URLSearchParams({ q: didYouMean })}`, onclick: (event) => { event.preventDefault(); searchFor(didYouMean); } },
          didYouMean), '?') : '',
      el('p', {}, 'Check the spelling, search by an actor’s name instead, or remove a filter.'),
      filtered() ? el('button', { type: 'button', onclick: clearFilters }, 'Clear filters') : ''));
  }
  $('cards').replaceChildren(...items.map((movie) => card(movie, highlights[movie.id] || {})));
  renderFacet('genres', facets.genres || [], (value) => state.genres.has(value), toggleGenre);
  renderFacet('decades', facets.decade || [], (value) => decadeOf(value) === selectedDecade(), toggleDecade);
  const pages = Math.max(1, Math.ceil(Math.min(total, 10000) / PAGE_SIZE));
  $('page-label').textContent = items.length ? `Page ${state.page} of ${pages.toLocaleString('en')}` : '';
  $('prev').hidden = state.page <= 1;
  $('next').hidden = state.page >= pages;
}

function card(movie, highlight) {
  const cast = (highlight.cast && highlight.cast.length ? highlight.cast : (movie.cast || []).slice(0, 4)).slice(0, 4);
  const placeholder = () => el('div', { class: 'no-poster', 'aria-hidden': 'true' }, 'No poster');
  // A poster that cannot be fetched gives way to the placeholder rather than a broken image.
  const poster = movie.thumbnail
    ? el('img', { src: movie.thumbnail, alt: '', loading: 'lazy', width: 80, height: 120, onerror: (event) => event.target.replaceWith(placeholder()) })
    : placeholder();
  return el('li', { class: 'card' },
    el('article', { 'aria-labelledby': `title-${movie.id}` },
      poster,
      el('div', { class: 'card-body' },
        el('h3', { id: `title-${movie.id}` },
          el('button', { type: 'button', class: 'title', onclick: () => openDetail(movie.id) },
            highlight.title ? marked(highlight.title) : movie.title)),
        el('p', { class: 'meta' }, movie.year ? String(movie.year) : '', ...(movie.genres || []).map((g) => el('span', { class: 'chip' }, g))),
        cast.length ? el('p', { class: 'cast' }, 'With ', ...cast.flatMap((name, i) => [i ? ', ' : '', highlight.cast ? marked(name) : name])) : '',
        highlight.extract ? el('p', { class: 'extract' }, marked(highlight.extract)) : '')));
}

function renderFacet(id, buckets, isSelected, toggle) {
  $(id).replaceChildren(...buckets.slice(0, 15).map((bucket) => {
    const inputId = `${id}-${bucket.value.replace(/\W+/g, '-')}`;
    return el('li', {},
      el('input', { type: 'checkbox', id: inputId, checked: isSelected(bucket.value), onchange: () => toggle(bucket.value) }),
      el('label', { for: inputId }, bucket.value, el('span', { class: 'count' }, ` ${bucket.count.toLocaleString('en')}`)));
  }));
}

function decadeOf(value) {
  return value.replace(/s$/, '');
}

function selectedDecade() {
  const from = parseInt(state.yearFrom, 10);
  return from % 10 === 0 && parseInt(state.yearTo, 10) === from + 9 ? String(from) : null;
}

function toggleGenre(value) {
  if (state.genres.has(value)) state.genres.delete(value); else state.genres.add(value);
  state.page = 1;
  search();
}

function toggleDecade(value) {
  const start = parseInt(decadeOf(value), 10);
  if (selectedDecade() === String(start)) {
    state.yearFrom = '';
    state.yearTo = '';
  } else {
    state.yearFrom = String(start);
    state.yearTo = String(start + 9);
  }
  $('year-from').value = state.yearFrom;
  $('year-to').value = state.yearTo;
  state.page = 1;
  search();
}

function clearFilters() {
  state.genres.clear();
  state.yearFrom = '';
  state.yearTo = '';
  $('year-from').value = '';
  $('year-to').value = '';
  state.page = 1;
  search();
}

// Typeahead: a combobox with a listbox of suggestions, driven by the keyboard or the pointer.
async function suggest() {
  const text = $('q').value.trim();
  const seq = ++suggestSeq;
  if (text.length < 2) {
    closeSuggestions();
    return;
  }
  try {
    const response = await fetch(`/v1/suggest?${new URLSearchParams({ q: text, size: '8' })}`, { headers: { Accept: 'application/json' } });
    if (seq !== suggestSeq || !response.ok) return;
    const body = await response.json();
    suggestions = Array.isArray(body) ? body : (body.suggestions || []);
    showSuggestions();
  } catch (e) {
    closeSuggestions();
  }
}

function showSuggestions() {
  active = -1;
  const list = $('suggestions');
  list.replaceChildren(...suggestions.map((s, i) => el('li', {
    id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: `suggestion ${s.type}`,
    onmousedown: (event) => { event.preventDefault(); pick(i); },
  }, el('span', { class: 'kind' }, s.type === 'cast' ? 'Cast' : 'Title'), ' ', s.text, s.year ? el('span', { class: 'year' }, ` ${s.year}`) : '')));
  list.hidden = suggestions.length === 0;
  $('q').setAttribute('aria-expanded', String(suggestions.length > 0));
  $('q').removeAttribute('aria-activedescendant');
}

function closeSuggestions() {
  suggestSeq++;
  suggestions = [];
  active = -1;
  $('suggestions').hidden = true;
  $('suggestions').replaceChildren();
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
}

function move(delta) {
  if (suggestions.length === 0) return;
  active = (active + delta + suggestions.length) % suggestions.length;
  [...$('suggestions').children].forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
  $('q').setAttribute('aria-activedescendant', `suggestion-${active}`);
}

function pick(index) {
  const chosen = suggestions[index];
  closeSuggestions();
  searchFor(chosen.text);
  if (chosen.type === 'title' && chosen.id) openDetail(chosen.id);
}

// Searches for a text as if it had been typed: a suggestion picked, or the catalogue's spelling offered.
function searchFor(text) {
  $('q').value = text;
  state.q = text;
  state.page = 1;
  search();
}

// The detail view: the movie, and for a caller holding a write or admin key, its history.
async function openDetail(id) {
  const dialog = $('detail');
  dialog.dataset.id = id;
  $('detail-title').textContent = 'Loading…';
  $('detail-body').replaceChildren();
  $('history-list').replaceChildren();
  if (!dialog.open) dialog.showModal();
  const response = await fetch(`/v1/movies/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } }).catch(() => null);
  if (!response || !response.ok) {
    $('detail-title').textContent = 'This movie cannot be shown right now';
    $('detail-body').replaceChildren(el('p', { class: 'error', role: 'alert' }, response && response.status === 404
      ? 'It is no longer in the catalogue.' : 'Search is unavailable right now; close this and try again.'));
    return;
  }
  const movie = await response.json();
  $('detail-title').textContent = movie.year ? `${movie.title} (${movie.year})` : movie.title;
  $('detail-body').replaceChildren(
    movie.thumbnail ? el('img', { src: movie.thumbnail, alt: `Poster of ${movie.title}`, class: 'poster' }) : '',
    el('p', { class: 'meta' }, ...(movie.genres || []).map((g) => el('span', { class: 'chip' }, g))),
    movie.cast && movie.cast.length ? el('p', {}, el('strong', {}, 'Cast: '), movie.cast.join(', ')) : '',
    movie.extract ? el('p', {}, movie.extract) : '',
    movie.href ? el('p', {}, el('a', { href: `https://en.wikipedia.org/wiki/${movie.href}`, rel: 'noopener' }, 'Read more on Wikipedia')) : '');
  if (sessionStorage.getItem('marquee-key')) loadHistory();
}

async function loadHistory() {
  const id = $('detail').dataset.id;
  const key = sessionStorage.getItem('marquee-key');
  const list = $('history-list');
  const response = await fetch(`/v1/movies/${encodeURIComponent(id)}/history`, { headers: { Accept: 'application/json', 'X-Api-Key': key } })
    .catch(() => null);
  if (!response || !response.ok) {
    const why = response && (response.status === 401 || response.status === 403)
      ? 'That key may not read history: it needs the write or admin scope.' : 'History is unavailable right now.';
    list.replaceChildren(el('li', { class: 'error', role: 'alert' }, why));
    return;
  }
  const body = await response.json();
  list.replaceChildren(...body.changes.map((change) => el('li', {},
    el('strong', {}, change.action), ` ${new Date(change.at).toLocaleString('en')} by ${change.provider}`,
    change.changedFields && change.changedFields.length ? ` (${change.changedFields.join(', ')})` : '')));
  if (body.changes.length === 0) list.replaceChildren(el('li', {}, 'No recorded changes.'));
}

function wire() {
  readUrl();
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('year-from').value = state.yearFrom;
  $('year-to').value = state.yearTo;

  const searchSoon = debounce(() => search(), SEARCH_DELAY_MS);
  const suggestSoon = debounce(suggest, SUGGEST_DELAY_MS);
  $('q').addEventListener('input', () => {
    state.q = $('q').value;
    state.page = 1;
    searchSoon();
    suggestSoon();
  });
  $('q').addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); move(1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); move(-1); }
    else if (event.key === 'Escape') closeSuggestions();
    else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); pick(active); }
  });
  $('q').addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    closeSuggestions();
    state.q = $('q').value;
    state.page = 1;
    search({ focusResults: true });
  });
  $('sort').addEventListener('change', () => { state.sort = $('sort').value; state.page = 1; search(); });
  for (const [id, field] of [['year-from', 'yearFrom'], ['year-to', 'yearTo']]) {
    $(id).addEventListener('change', () => { state[field] = $(id).value; state.page = 1; search(); });
  }
  $('clear-filters').addEventListener('click', clearFilters);
  $('prev').addEventListener('click', () => { state.page -= 1; search({ focusResults: true }); });
  $('next').addEventListener('click', () => { state.page += 1; search({ focusResults: true }); });
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('marquee-key', $('api-key').value);
    loadHistory();
  });
  search();
}

wire();
