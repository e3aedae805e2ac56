// JVC Live dashboard. Everything shown comes from forum users, so this file never builds HTML from
// data: elements are created with the DOM API and filled with textContent; URLs are checked against an
// allow-list before they become an <img src> or a link, on top of the same checks on the server.
'use strict';

(function () {
  const IMAGE_HOSTS = ['image.noelshack.com', 'image.jeuxvideo.com'];
  const FEED_KEEP = 200;
  const MAX_FEED_STICKERS = 6;

  let forumOrigin = 'https://www.jeuxvideo.com';
  // The offline demo only: the origin serving the sticker pictures (UrlPolicy.java), null = the real hosts.
  let pictureMirror = null;
  let lastBatchTime = null;
  let healthData = null;
  const posts = []; // newest first

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // https only, exact host match, no credentials, default port: the same rule as UrlPolicy.java.
  function safeImageUrl(raw) {
    if (typeof raw !== 'string' || raw.length > 2048) return null;
    let u;
    try { u = new URL(raw); } catch (e) { return null; }
    if (u.protocol !== 'https:' || u.username || u.password || u.port) return null;
    if (!IMAGE_HOSTS.includes(u.hostname)) return null;
    return u.href;
  }

  // Where an allowed sticker's pixels come from: its host, or the demo's mirror copy (UrlPolicy.imageSource).
  function imageSource(raw) {
    const safe = safeImageUrl(raw);
    if (!safe || !pictureMirror) return safe;
    const u = new URL(safe);
    return pictureMirror + '/pictures/' + u.hostname + u.pathname;
  }

  function formatScore(s) {
    return typeof s === 'number' ? 'rise ' + s.toFixed(2) : null;
  }

  function safeForumUrl(raw) {
    if (typeof raw !== 'string') return null;
    let u;
    try { u = new URL(raw); } catch (e) { return null; }
    if (u.origin !== forumOrigin || u.username || u.password) return null;
    return u.href;
  }

  function stickerLabel(url, label) {
    if (typeof label === 'string' && label) return label;
    try {
      const path = new URL(url).pathname;
      let name = decodeURIComponent(path.substring(path.lastIndexOf('/') + 1));
      name = name.replace(/\.[a-z0-9]+$/i, '').replace(/^\d+-/, '');
      return name || 'sticker';
    } catch (e) {
      return 'sticker';
    }
  }

  function hostOf(url) {
    try { return new URL(url).hostname; } catch (e) { return 'invalid URL'; }
  }

  function formatCount(n) {
    return typeof n === 'number' ? n.toLocaleString('en-US') : '—';
  }

  function formatTime(iso) {
    const d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function stickerImage(url, alt) {
    const img = el('img', 'sticker-img');
    img.loading = 'lazy';
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
    img.alt = alt;
    img.title = alt;
    // A sticker that cannot load (offline, deleted) becomes a labelled box instead of a broken icon.
    img.addEventListener('error', () => img.closest('.sticker, .mini-sticker')?.classList.add('broken'));
    img.src = url;
    return img;
  }

  // ---- rankings -------------------------------------------------------------------------------------

  function renderStickers(list, rows) {
    const items = rows.map((row, i) => {
      const li = el('li', 'sticker');
      li.dataset.key = row.key;
      const label = stickerLabel(row.key, row.label);
      const frame = el('div', 'frame');
      const url = row.image === false ? null : imageSource(row.key);
      if (url) {
        frame.appendChild(stickerImage(url, label));
      } else {
        li.classList.add('blocked');
        frame.appendChild(el('span', 'blocked-host', hostOf(row.key)));
      }
      frame.appendChild(el('span', 'fallback', label));
      li.appendChild(frame);
      li.appendChild(el('span', 'rank', i + 1));
      li.appendChild(el('span', 'count', '×' + formatCount(row.count)));
      const score = formatScore(row.score);
      if (score) li.appendChild(el('span', 'score', score));
      return li;
    });
    list.replaceChildren(...items);
  }

  function renderBars(list, rows, linkTopics) {
    // A trending list is ranked by its rise, so its bars show the rise; an all-time list's show the count.
    const value = (r) => (typeof r.score === 'number' ? r.score : r.count);
    const max = rows.reduce((m, r) => Math.max(m, value(r)), 0) || 1;
    const items = rows.slice(0, 15).map((row) => {
      const li = el('li', 'bar-row');
      const name = linkTopics ? (row.label || ('topic ' + row.key)) : row.key;
      let labelEl;
      const href = linkTopics ? safeForumUrl(row.url) : null;
      if (href) {
        labelEl = el('a', 'bar-label', name);
        labelEl.href = href;
        labelEl.target = '_blank';
        labelEl.rel = 'noopener noreferrer';
      } else {
        labelEl = el('span', 'bar-label', name);
      }
      labelEl.title = name;
      const bar = el('span', 'bar');
      // CSSOM, not a style attribute: allowed under style-src 'self'.
      bar.style.width = Math.max(2, Math.round(value(row) / max * 100)) + '%';
      li.appendChild(bar);
      li.appendChild(labelEl);
      li.appendChild(el('span', 'bar-count', formatCount(row.count)));
      const score = formatScore(row.score);
      if (score) li.appendChild(el('span', 'bar-score', score));
      return li;
    });
    list.replaceChildren(...items);
  }

  function renderResult(result) {
    if (!result || typeof result.job !== 'string' || !Array.isArray(result.top)) return;
    const job = result.job;
    document.querySelectorAll('[data-job]').forEach((list) => {
      if (list.dataset.job !== job) return;
      const rows = result.top.filter((r) => r && typeof r.key === 'string' && typeof r.count === 'number');
      if (list.dataset.kind === 'stickers') renderStickers(list, rows);
      else renderBars(list, rows, list.dataset.kind === 'topics');
    });
    document.querySelectorAll('[data-empty-for]').forEach((p) => {
      if (p.dataset.emptyFor === job) p.hidden = result.top.length > 0;
    });
    document.querySelectorAll('[data-show-for]').forEach((h) => {
      if (h.dataset.showFor === job) h.classList.add('shown');
    });
    document.querySelectorAll('[data-batch-for]').forEach((p) => {
      if (p.dataset.batchFor === job) {
        p.textContent = 'batch ' + formatTime(result.batchTime) + ' · ' + formatCount(result.posts) + ' posts'
          + (typeof result.totalPosts === 'number' ? ' · ' + formatCount(result.totalPosts) + ' counted' : '');
      }
    });
    if (typeof result.batchTime === 'string' && (!lastBatchTime || result.batchTime > lastBatchTime)) {
      lastBatchTime = result.batchTime;
      renderClock();
    }
  }

  // ---- live feed ------------------------------------------------------------------------------------

  function filterTerms() {
    return $('pseudo-filter').value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s);
  }

  function matches(author, terms) {
    if (terms.length === 0) return true;
    const a = String(author).toLowerCase();
    return terms.some((t) => a.includes(t));
  }

  function postItem(p) {
    const li = el('li', 'post');
    li.dataset.author = String(p.author).toLowerCase();
    const meta = el('div', 'meta');
    meta.appendChild(el('span', 'author', p.author));
    const href = safeForumUrl(p.url);
    const topic = href ? el('a', 'topic', p.topic || ('topic ' + p.topicId)) : el('span', 'topic', p.topic);
    if (href) {
      topic.href = href;
      topic.target = '_blank';
      topic.rel = 'noopener noreferrer';
    }
    meta.appendChild(topic);
    const time = el('time', 'when', formatTime(p.postedAt));
    time.dateTime = String(p.postedAt);
    meta.appendChild(time);
    li.appendChild(meta);
    if (p.text) li.appendChild(el('p', 'text', p.text));
    const stickers = (Array.isArray(p.stickers) ? p.stickers : []).filter((u) => safeImageUrl(u));
    if (stickers.length) {
      const row = el('div', 'post-stickers');
      stickers.slice(0, MAX_FEED_STICKERS).forEach((u) => {
        const box = el('span', 'mini-sticker');
        const label = stickerLabel(u);
        box.appendChild(stickerImage(imageSource(u), label));
        box.appendChild(el('span', 'fallback', label));
        row.appendChild(box);
      });
      li.appendChild(row);
    }
    return li;
  }

  function applyFilter() {
    const terms = filterTerms();
    let shown = 0;
    $('feed').querySelectorAll('li.post').forEach((li) => {
      const ok = matches(li.dataset.author, terms);
      li.hidden = !ok;
      if (ok) shown++;
    });
    $('filter-info').textContent = terms.length
      ? shown + ' of ' + posts.length + ' recent posts match' : '';
  }

  function addPost(p, atTop) {
    if (!p || typeof p.author !== 'string') return;
    const li = postItem(p);
    const feed = $('feed');
    if (atTop) {
      posts.unshift(p);
      feed.insertBefore(li, feed.firstChild);
    } else {
      posts.push(p);
      feed.appendChild(li);
    }
    while (posts.length > FEED_KEEP) {
      posts.pop();
      feed.removeChild(feed.lastChild);
    }
    li.hidden = !matches(li.dataset.author, filterTerms());
    $('feed-empty').hidden = true;
  }

  // ---- health ---------------------------------------------------------------------------------------

  function num(v, digits) {
    return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: digits }) : '—';
  }

  function renderHealth(h) {
    healthData = h || healthData;
    if (!healthData) return;
    const s = healthData.scraper || {};
    $('h-posts-min').textContent = num(s.postsPerMin, 0);
    $('h-pages-sec').textContent = num(s.pagesPerSec, 1);
    const errors = ['parseErrors', 'fetchFailures'].reduce(
      (sum, k) => (typeof s[k] === 'number' ? (sum || 0) + s[k] : sum), null);
    $('h-errors').textContent = num(errors, 0);
    $('h-errors').classList.toggle('bad', typeof errors === 'number' && errors > 0);
    $('h-clients').textContent = num(s.streamClients, 0);
    const scraper = $('h-scraper');
    scraper.textContent = s.up ? 'up' : 'down';
    scraper.classList.toggle('bad', !s.up);
    scraper.classList.toggle('good', !!s.up);
    const rb = healthData.results || {};
    if (typeof rb.lastBatchTime === 'string' && (!lastBatchTime || rb.lastBatchTime > lastBatchTime)) {
      lastBatchTime = rb.lastBatchTime;
    }
    renderClock();
  }

  function renderClock() {
    const node = $('h-last-batch');
    if (!lastBatchTime) { node.textContent = '—'; return; }
    const ago = Math.max(0, Math.round((Date.now() - new Date(lastBatchTime).getTime()) / 1000));
    node.textContent = ago < 120 ? ago + ' s ago' : formatTime(lastBatchTime);
    node.title = lastBatchTime;
  }

  // ---- wiring ---------------------------------------------------------------------------------------

  function renderState(state) {
    if (typeof state.forumOrigin === 'string') forumOrigin = state.forumOrigin;
    pictureMirror = typeof state.pictureMirror === 'string' ? state.pictureMirror : null;
    if (pictureMirror) $('picture-source').textContent = pictureMirror + ' (the offline demo\'s copies)';
    const results = state.results || {};
    Object.keys(results).forEach((job) => renderResult(results[job]));
    posts.length = 0;
    $('feed').replaceChildren();
    // The server sends newest first.
    (Array.isArray(state.posts) ? state.posts : []).forEach((p) => addPost(p, false));
    $('feed-empty').hidden = posts.length > 0;
    renderHealth(state.health);
    applyFilter();
  }

  function setConn(text, cls) {
    const c = $('conn');
    c.textContent = text;
    c.className = 'conn ' + cls;
  }

  function parse(ev) {
    try { return JSON.parse(ev.data); } catch (e) { return null; }
  }

  function connect() {
    const es = new EventSource('/api/events');
    es.addEventListener('open', () => setConn('live', 'conn-live'));
    es.addEventListener('error', () => setConn('reconnecting…', 'conn-wait'));
    es.addEventListener('state', (ev) => { const s = parse(ev); if (s) renderState(s); });
    es.addEventListener('results', (ev) => renderResult(parse(ev)));
    es.addEventListener('post', (ev) => addPost(parse(ev), true));
    es.addEventListener('health', (ev) => renderHealth(parse(ev)));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('pseudo-filter').addEventListener('input', applyFilter);
    setInterval(renderClock, 1000);
    connect();
  });
})();
