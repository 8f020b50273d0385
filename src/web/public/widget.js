/*
 * swipedesk chat widget. One tag embeds it:
 *   <script src="https://HOST/widget.js" data-locale="auto"></script>   (auto | zh-CN | en)
 * It adds a launcher and a chat panel inside a Shadow DOM (so the host page's CSS stays out),
 * styled by HOST/widget.css through a <link> (allowed by a strict style-src 'self' CSP).
 * It speaks the Botkit web protocol over ws(s)://HOST/ws and falls back to POST HOST/api/messages.
 * Only the conversation id (and UI preferences) are kept in localStorage — never message text.
 */
(function () {
  'use strict';

  if (window.__swipedeskWidget) return; // the tag was included twice
  window.__swipedeskWidget = true;

  var script =
    document.currentScript || document.querySelector('script[src$="/widget.js"], script[src*="/widget.js?"]');
  var scriptUrl = new URL(script && script.src ? script.src : '/widget.js', location.href);
  var ORIGIN = scriptUrl.origin;
  var WS_URL = (scriptUrl.protocol === 'https:' ? 'wss://' : 'ws://') + scriptUrl.host + '/ws';
  var API_URL = ORIGIN + '/api/messages';

  var KEY_CONVERSATION = 'swipedesk.conversation';
  var KEY_LOCALE = 'swipedesk.locale';
  var KEY_OPEN = 'swipedesk.open';
  var KEY_CASE = 'swipedesk.case';
  var USER_ID = /^[A-Za-z0-9_-]{16,128}$/;

  var TYPING_TIMEOUT_MS = 10000;
  var POLL_MS = 3000;
  var BACKOFF_MIN_MS = 500;
  var BACKOFF_MAX_MS = 10000;
  var WS_FAILURES_BEFORE_HTTP = 3;

  // ---- UI strings (the bot's own words come from the server, already localised) ----------
  var STRINGS = {
    'zh-CN': {
      launcher: '刷卡遇到问题？',
      // The accessible name contains the visible text (WCAG 2.5.3); open/closed is aria-expanded.
      launcherLabel: '刷卡遇到问题？在线客服',
      unread: '条新消息',
      dialog: '刷卡问题在线客服',
      title: '刷卡问题客服',
      subtitle: '刷错金额 · 重复扣款 · 退款未到账',
      close: '关闭对话',
      langGroup: '界面语言',
      log: '对话记录',
      messages: '消息',
      privacy: '隐私提示：请勿输入完整卡号、密码、CVV 安全码或短信验证码，卡号只需后四位。对话内容最多保存 30 天。',
      earlier: '之前的对话',
      you: '您说：',
      bot: '助手说：',
      agent: '客服',
      quick: '快捷回复',
      typing: '助手正在输入',
      inputLabel: '输入您的消息',
      send: '发送',
      ph_text: '输入消息…',
      ph_money: '金额，例如：88元 或 $45',
      ph_digits4: '卡号后四位，例如：1024',
      ph_datetime: '例如：昨天晚上7点',
      ph_yesno: '是 / 否…',
      ph_choice: '点选选项，或直接输入…',
      hint_digits4: '只需 4 位数字，请勿输入完整卡号。',
      connecting: '正在连接…',
      offline: '网络已断开，正在重新连接。您输入的消息会在连接恢复后发出。',
      caseWaiting: ['案件 ', '：正在等待客服接入'],
      caseAssigned: ['案件 ', '：客服已接入'],
      caseResolved: ['案件 ', '：已处理完毕'],
    },
    en: {
      launcher: 'Card payment problem?',
      launcherLabel: 'Card payment problem? Chat with us',
      unread: 'new messages',
      dialog: 'Card payment help chat',
      title: 'Card payment help',
      subtitle: 'Wrong amount · double charge · missing refund',
      close: 'Close chat',
      langGroup: 'Interface language',
      log: 'Conversation',
      messages: 'Messages',
      privacy:
        'Privacy: never type your full card number, PIN, CVV or SMS codes — the last 4 digits are enough. Conversations are kept for up to 30 days.',
      earlier: 'Earlier in this conversation',
      you: 'You said:',
      bot: 'Assistant said:',
      agent: 'Agent',
      quick: 'Suggested replies',
      typing: 'The assistant is typing',
      inputLabel: 'Type your message',
      send: 'Send',
      ph_text: 'Type a message…',
      ph_money: 'Amount, e.g. 88 or $45',
      ph_digits4: 'Last 4 digits, e.g. 1024',
      ph_datetime: 'e.g. yesterday 7pm',
      ph_yesno: 'Yes / no…',
      ph_choice: 'Choose an option or type…',
      hint_digits4: 'Just 4 digits — never the full card number.',
      connecting: 'Connecting…',
      offline: 'Connection lost, reconnecting. Messages you type will be sent when it is back.',
      caseWaiting: ['Case ', ' — waiting for an agent'],
      caseAssigned: ['Case ', ' — an agent is with you'],
      caseResolved: ['Case ', ' — resolved'],
    },
  };

  // ---- storage (ids and preferences only; any failure just means "not remembered") --------
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      /* storage disabled: keep going in memory */
    }
  }
  function recall(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function newConversationId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    // randomUUID needs a secure context; getRandomValues does not.
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b + 256).toString(16).slice(1);
      })
      .join('');
  }

  function pickLocale(wanted) {
    if (wanted === 'zh-CN' || wanted === 'en') return wanted;
    var nav = (navigator.language || '').toLowerCase();
    return nav.indexOf('zh') === 0 ? 'zh-CN' : 'en';
  }

  // ---- state ----------------------------------------------------------------------------
  var stored = recall(KEY_CONVERSATION);
  var conversationId = stored && USER_ID.test(stored) ? stored : null;
  var returning = Boolean(conversationId);
  var storedLocale = recall(KEY_LOCALE);
  var locale = pickLocale(
    storedLocale === 'zh-CN' || storedLocale === 'en' ? storedLocale : script && script.getAttribute('data-locale'),
  );
  var caseId = recall(KEY_CASE);
  var caseStatus = caseId ? 'waiting' : null;
  var isOpen = false;
  var started = false; // hello / welcome_back sent
  var unread = 0;
  var expecting = null;

  var ws = null;
  var wsEverOpened = false;
  var wsFailures = 0;
  var backoff = BACKOFF_MIN_MS;
  var reconnectTimer = null;
  var mode = 'ws'; // 'ws' | 'http'
  var queue = []; // frames not yet handed to a transport (kept in memory only)
  var httpBusy = false;
  var pollTimer = null;
  var typingTimer = null;
  var lastSentAt = 0;

  function t(key) {
    return STRINGS[locale][key];
  }

  // ---- DOM --------------------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  var host = document.createElement('swipedesk-widget');
  host.style.display = 'none'; // until widget.css has loaded (no flash of unstyled widget)
  var root = host.attachShadow({ mode: 'open' });
  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = ORIGIN + '/widget.css';
  link.addEventListener('load', function () {
    host.style.display = '';
  });
  link.addEventListener('error', function () {
    host.style.display = '';
  });
  root.appendChild(link);

  var wrap = el('div', 'sd');
  wrap.lang = locale;
  root.appendChild(wrap);

  var launcher = el('button', 'sd-launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'sd-panel');
  launcher.appendChild(chatIcon());
  var launcherText = el('span', 'sd-launcher-text');
  launcher.appendChild(launcherText);
  var badge = el('span', 'sd-badge');
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  launcher.appendChild(badge);
  wrap.appendChild(launcher);

  var panel = el('div', 'sd-panel');
  panel.id = 'sd-panel';
  panel.setAttribute('role', 'dialog');
  panel.hidden = true;
  wrap.appendChild(panel);

  var header = el('div', 'sd-header');
  var titles = el('div', 'sd-titles');
  var title = el('h2', 'sd-title');
  title.id = 'sd-title';
  var subtitle = el('p', 'sd-subtitle');
  titles.appendChild(title);
  titles.appendChild(subtitle);
  header.appendChild(titles);

  var langGroup = el('div', 'sd-lang');
  langGroup.setAttribute('role', 'group');
  var langZh = el('button', 'sd-lang-btn', '中文');
  langZh.type = 'button';
  langZh.lang = 'zh-CN';
  langZh.setAttribute('data-locale', 'zh-CN');
  var langEn = el('button', 'sd-lang-btn', 'English');
  langEn.type = 'button';
  langEn.lang = 'en';
  langEn.setAttribute('data-locale', 'en');
  langGroup.appendChild(langZh);
  langGroup.appendChild(langEn);
  header.appendChild(langGroup);

  var closeBtn = el('button', 'sd-close');
  closeBtn.type = 'button';
  closeBtn.appendChild(closeIcon());
  header.appendChild(closeBtn);
  panel.appendChild(header);

  var banner = el('div', 'sd-banner');
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  panel.appendChild(banner);

  var status = el('p', 'sd-status');
  status.setAttribute('role', 'status');
  panel.appendChild(status);

  var scroller = el('div', 'sd-scroller');
  // Focusable so that keyboard users can scroll back through the conversation.
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  panel.appendChild(scroller);
  var privacy = el('p', 'sd-privacy');
  privacy.appendChild(shieldIcon());
  var privacyText = el('span');
  privacy.appendChild(privacyText);
  scroller.appendChild(privacy);

  var log = el('div', 'sd-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-relevant', 'additions');
  scroller.appendChild(log);

  var quick = el('div', 'sd-quick');
  quick.setAttribute('role', 'group');
  quick.hidden = true;
  scroller.appendChild(quick);

  var typing = el('div', 'sd-typing');
  typing.hidden = true;
  var typingLabel = el('span', 'sd-vh');
  typing.appendChild(typingLabel);
  for (var d = 0; d < 3; d++) {
    var dot = el('span', 'sd-dot');
    dot.setAttribute('aria-hidden', 'true');
    typing.appendChild(dot);
  }
  scroller.appendChild(typing);

  var form = el('form', 'sd-composer');
  form.noValidate = true;
  var inputLabel = el('label', 'sd-vh');
  inputLabel.htmlFor = 'sd-input';
  var input = el('input', 'sd-input');
  input.id = 'sd-input';
  input.type = 'text';
  input.autocomplete = 'off';
  input.setAttribute('enterkeyhint', 'send');
  input.setAttribute('aria-describedby', 'sd-hint');
  var sendBtn = el('button', 'sd-send');
  sendBtn.type = 'submit';
  sendBtn.appendChild(sendIcon());
  var sendLabel = el('span', 'sd-vh');
  sendBtn.appendChild(sendLabel);
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendBtn);
  panel.appendChild(form);
  var hint = el('p', 'sd-hint');
  hint.id = 'sd-hint';
  panel.appendChild(hint);

  function svg(paths, viewBox) {
    var ns = 'http://www.w3.org/2000/svg';
    var s = document.createElementNS(ns, 'svg');
    s.setAttribute('viewBox', viewBox || '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('focusable', 'false');
    s.setAttribute('class', 'sd-icon');
    paths.forEach(function (dAttr) {
      var p = document.createElementNS(ns, 'path');
      p.setAttribute('d', dAttr);
      s.appendChild(p);
    });
    return s;
  }
  function chatIcon() {
    return svg(['M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z']);
  }
  function closeIcon() {
    return svg(['M6 6l12 12M18 6L6 18']);
  }
  function sendIcon() {
    return svg(['M3 11l18-8-8 18-2-8-8-2z']);
  }
  function shieldIcon() {
    return svg(['M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5l8-3z']);
  }

  // ---- UI language ------------------------------------------------------------------------
  function applyStrings() {
    wrap.lang = locale;
    launcherText.textContent = t('launcher');
    updateLauncherLabel();
    panel.setAttribute('aria-label', t('dialog'));
    title.textContent = t('title');
    subtitle.textContent = t('subtitle');
    langGroup.setAttribute('aria-label', t('langGroup'));
    langZh.setAttribute('aria-pressed', String(locale === 'zh-CN'));
    langEn.setAttribute('aria-pressed', String(locale === 'en'));
    closeBtn.setAttribute('aria-label', t('close'));
    privacyText.textContent = t('privacy');
    scroller.setAttribute('aria-label', t('log'));
    log.setAttribute('aria-label', t('messages'));
    quick.setAttribute('aria-label', t('quick'));
    typingLabel.textContent = t('typing');
    inputLabel.textContent = t('inputLabel');
    sendLabel.textContent = t('send');
    applyExpecting();
    renderBanner();
    renderStatus();
    var labels = log.querySelectorAll('[data-label]');
    for (var i = 0; i < labels.length; i++) labels[i].textContent = t(labels[i].getAttribute('data-label'));
  }

  function updateLauncherLabel() {
    var label = t('launcherLabel');
    if (unread > 0 && !isOpen) label += ' (' + unread + ' ' + t('unread') + ')';
    launcher.setAttribute('aria-label', label);
    badge.textContent = unread > 9 ? '9+' : String(unread);
    badge.hidden = unread === 0 || isOpen;
  }

  function setLocale(next, fromUser) {
    if (next !== 'zh-CN' && next !== 'en') return;
    var changed = next !== locale;
    locale = next;
    store(KEY_LOCALE, next);
    if (changed) applyStrings();
    if (fromUser) {
      // The server's language-switch detector understands these payloads; not shown as a bubble.
      ensureStarted();
      transmit({ type: 'message', user: conversationId, text: next === 'en' ? 'lang:en' : 'lang:zh-CN', locale: next });
      showTyping();
    }
  }

  // ---- input shaped by what the bot is asking --------------------------------------------
  function applyExpecting() {
    var kind = expecting && expecting.kind;
    input.removeAttribute('inputmode');
    input.removeAttribute('maxlength');
    input.removeAttribute('data-expecting');
    input.removeAttribute('data-kind');
    var ph = t('ph_text');
    var hintText = '';
    if (kind === 'money') {
      input.setAttribute('inputmode', 'decimal');
      ph = t('ph_money');
    } else if (kind === 'digits4') {
      input.setAttribute('inputmode', 'numeric');
      input.setAttribute('maxlength', '24'); // room for "后四位是1234", not for a pasted essay
      ph = t('ph_digits4');
      hintText = t('hint_digits4');
    } else if (kind === 'datetime') {
      ph = t('ph_datetime');
    } else if (kind === 'yesno') {
      ph = t('ph_yesno');
    } else if (kind === 'choice') {
      ph = t('ph_choice');
    }
    if (expecting) {
      input.setAttribute('data-expecting', expecting.slot);
      input.setAttribute('data-kind', kind);
    }
    input.placeholder = ph;
    hint.textContent = hintText;
    hint.hidden = !hintText;
  }

  // ---- messages ---------------------------------------------------------------------------
  function scrollToEnd() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  function addBubble(from, text, opts) {
    opts = opts || {};
    var row = el('div', 'sd-msg sd-msg--' + from);
    row.setAttribute('data-from', from);
    if (opts.history) row.classList.add('sd-msg--history');
    var who;
    if (from === 'agent') {
      who = el('span', 'sd-who', t('agent'));
    } else {
      who = el('span', 'sd-vh', t(from === 'user' ? 'you' : 'bot'));
    }
    who.setAttribute('data-label', from === 'agent' ? 'agent' : from === 'user' ? 'you' : 'bot');
    row.appendChild(who);
    var bubble = el('p', 'sd-bubble', text);
    row.appendChild(bubble);
    if (opts.expecting) {
      row.setAttribute('data-expecting', opts.expecting.slot);
      row.setAttribute('data-kind', opts.expecting.kind);
    }
    if (opts.handoff) row.classList.add('sd-msg--handoff');
    log.appendChild(row);
    scrollToEnd();
    return row;
  }

  function clearQuickReplies() {
    while (quick.firstChild) quick.removeChild(quick.firstChild);
    quick.hidden = true;
  }

  function showQuickReplies(items) {
    clearQuickReplies();
    items.forEach(function (item) {
      if (!item || typeof item.payload !== 'string') return;
      var b = el('button', 'sd-qr', typeof item.title === 'string' ? item.title : item.payload);
      b.type = 'button';
      b.setAttribute('data-payload', item.payload);
      b.addEventListener('click', function () {
        sendText(item.payload, b.textContent);
        input.focus();
      });
      quick.appendChild(b);
    });
    quick.hidden = quick.childNodes.length === 0;
    scrollToEnd();
  }

  function showTyping() {
    typing.hidden = false;
    scrollToEnd();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_TIMEOUT_MS);
  }
  function hideTyping() {
    typing.hidden = true;
    clearTimeout(typingTimer);
  }

  function renderBanner() {
    while (banner.firstChild) banner.removeChild(banner.firstChild);
    if (!caseId) {
      banner.hidden = true;
      return;
    }
    var parts = t(caseStatus === 'assigned' ? 'caseAssigned' : caseStatus === 'resolved' ? 'caseResolved' : 'caseWaiting');
    banner.appendChild(document.createTextNode(parts[0]));
    var strong = el('strong', 'sd-case', caseId);
    banner.appendChild(strong);
    banner.appendChild(document.createTextNode(parts[1]));
    banner.setAttribute('data-case', caseId);
    banner.setAttribute('data-status', caseStatus || 'waiting');
    banner.hidden = false;
  }

  function setCase(id, statusValue) {
    if (typeof id !== 'string' || !id) return;
    caseId = id;
    caseStatus = statusValue === 'assigned' || statusValue === 'resolved' ? statusValue : 'waiting';
    store(KEY_CASE, id);
    renderBanner();
    startPolling();
  }

  function renderHistory(history) {
    // The history is the whole transcript: it replaces what is on screen (no duplicates).
    while (log.firstChild) log.removeChild(log.firstChild);
    if (history.length > 0) {
      var sep = el('p', 'sd-sep');
      sep.setAttribute('data-label', 'earlier');
      sep.textContent = t('earlier');
      log.appendChild(sep);
    }
    history.forEach(function (entry) {
      if (!entry || typeof entry.text !== 'string') return;
      var from = entry.from === 'user' || entry.from === 'agent' ? entry.from : 'bot';
      addBubble(from, entry.text, { history: true });
    });
  }

  function receive(m) {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'error') {
      if (console && console.warn) console.warn('swipedesk:', m.error);
      hideTyping();
      return;
    }
    if (m.type !== 'message') return;
    hideTyping();
    if (m.locale === 'zh-CN' || m.locale === 'en') setLocale(m.locale, false);
    if (Array.isArray(m.history)) renderHistory(m.history);
    var from = m.from === 'agent' ? 'agent' : 'bot';
    if (from === 'agent' && caseId && caseStatus === 'waiting') {
      caseStatus = 'assigned';
      renderBanner();
    }
    var exp = m.expecting && typeof m.expecting.slot === 'string' ? m.expecting : null;
    if (exp && caseId && !m.handoff) {
      // Nothing is asked after a handoff: a new question means a new conversation has begun.
      caseId = null;
      caseStatus = null;
      store(KEY_CASE, null);
      renderBanner();
    }
    if (typeof m.text === 'string' && m.text !== '') {
      addBubble(from, m.text, { expecting: exp, handoff: Boolean(m.handoff) });
      // Only news counts as unread: an agent writing, or the bot speaking unprompted.
      if (!isOpen && (from === 'agent' || Date.now() - lastSentAt > TYPING_TIMEOUT_MS)) {
        unread += 1;
        updateLauncherLabel();
      }
    }
    if (m.handoff && typeof m.handoff.caseId === 'string') setCase(m.handoff.caseId, m.handoff.status);
    if (Array.isArray(m.quick_replies) && m.quick_replies.length > 0) showQuickReplies(m.quick_replies);
    else if (exp || m.handoff) clearQuickReplies();
    if (exp || m.handoff) {
      expecting = exp;
      applyExpecting();
    }
    scrollToEnd(); // the banner or quick replies may have changed the height
  }

  // ---- transport ----------------------------------------------------------------------------
  function renderStatus() {
    var text = '';
    if (started && mode === 'ws' && (!ws || ws.readyState !== WebSocket.OPEN)) {
      text = wsEverOpened ? t('offline') : t('connecting');
    }
    status.textContent = text;
    status.hidden = !text;
  }

  function transmit(frame) {
    if (frame.type !== 'poll') lastSentAt = Date.now();
    queue.push(frame);
    flush();
  }

  function flush() {
    if (mode === 'http') {
      flushHttp();
      return;
    }
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      connect();
      return;
    }
    while (queue.length > 0) {
      var frame = queue[0];
      try {
        ws.send(JSON.stringify(frame));
      } catch {
        return; // stays queued; the close handler reconnects
      }
      queue.shift();
    }
  }

  function connect() {
    if (mode !== 'ws' || reconnectTimer || (ws && ws.readyState === WebSocket.CONNECTING)) return;
    var socket;
    try {
      socket = new WebSocket(WS_URL);
    } catch {
      onSocketFailed();
      return;
    }
    ws = socket;
    renderStatus();
    socket.addEventListener('open', function () {
      var reconnect = wsEverOpened;
      wsEverOpened = true;
      wsFailures = 0;
      backoff = BACKOFF_MIN_MS;
      if (reconnect && queue.length === 0) {
        // Binds this new socket to the conversation so agent messages are pushed again, and
        // collects any that arrived while offline.
        queue.push({ type: 'poll', user: conversationId });
      }
      renderStatus();
      flush();
    });
    socket.addEventListener('message', function (event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (Array.isArray(data)) data.forEach(receive);
      else receive(data);
    });
    socket.addEventListener('close', function () {
      if (ws !== socket) return;
      ws = null;
      onSocketFailed();
    });
  }

  function onSocketFailed() {
    if (!wsEverOpened) wsFailures += 1;
    if (!wsEverOpened && wsFailures >= WS_FAILURES_BEFORE_HTTP) {
      mode = 'http';
      renderStatus();
      if (caseId) startPolling();
      flush();
      return;
    }
    renderStatus();
    var delay = Math.min(backoff, BACKOFF_MAX_MS);
    delay = delay / 2 + Math.random() * (delay / 2); // jitter: many widgets never reconnect in step
    backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
    reconnectTimer = setTimeout(function () {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  // Back online: reconnect now instead of waiting out the backoff.
  window.addEventListener('online', function () {
    if (mode !== 'ws' || !reconnectTimer) return;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    backoff = BACKOFF_MIN_MS;
    connect();
  });

  function postFrame(frame) {
    return fetch(API_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(frame),
      credentials: 'omit',
    }).then(function (res) {
      if (res.status >= 500 || res.status === 429) throw new Error('HTTP ' + res.status);
      return res.json().then(
        function (body) {
          return { ok: res.ok, body: body };
        },
        function () {
          return { ok: res.ok, body: null };
        },
      );
    });
  }

  function flushHttp() {
    if (httpBusy || queue.length === 0) return;
    httpBusy = true;
    var frame = queue[0];
    postFrame(frame).then(
      function (result) {
        queue.shift();
        httpBusy = false;
        if (result.ok && Array.isArray(result.body)) result.body.forEach(receive);
        else hideTyping();
        backoff = BACKOFF_MIN_MS;
        flushHttp();
      },
      function () {
        // Offline or server trouble: keep the frame and retry later.
        httpBusy = false;
        var delay = backoff / 2 + Math.random() * (backoff / 2);
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
        setTimeout(flushHttp, delay);
      },
    );
  }

  function startPolling() {
    if (mode !== 'http' || pollTimer || !caseId) return;
    pollTimer = setTimeout(function tick() {
      pollTimer = null;
      if (mode !== 'http' || !caseId) return;
      if (isOpen && queue.length === 0 && !httpBusy) transmit({ type: 'poll', user: conversationId });
      pollTimer = setTimeout(tick, POLL_MS);
    }, POLL_MS);
  }

  function ensureStarted() {
    if (started) return;
    started = true;
    if (!conversationId) {
      conversationId = newConversationId();
      store(KEY_CONVERSATION, conversationId);
      returning = false;
    }
    transmit({ type: returning ? 'welcome_back' : 'hello', user: conversationId, locale: locale });
    showTyping();
    renderStatus();
  }

  function sendText(text, shownAs) {
    var clean = String(text).trim();
    if (!clean) return;
    ensureStarted();
    addBubble('user', shownAs || clean);
    clearQuickReplies();
    transmit({ type: 'message', user: conversationId, text: clean.slice(0, 4000) });
    showTyping();
  }

  // ---- open / close -----------------------------------------------------------------------
  function open(moveFocus) {
    if (isOpen) return;
    isOpen = true;
    panel.hidden = false;
    wrap.classList.add('sd--open');
    launcher.setAttribute('aria-expanded', 'true');
    unread = 0;
    updateLauncherLabel();
    store(KEY_OPEN, '1');
    ensureStarted();
    scrollToEnd();
    if (moveFocus) input.focus();
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    panel.hidden = true;
    wrap.classList.remove('sd--open');
    launcher.setAttribute('aria-expanded', 'false');
    updateLauncherLabel();
    store(KEY_OPEN, null);
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (isOpen) close();
    else open(true);
  });
  closeBtn.addEventListener('click', close);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  langZh.addEventListener('click', function () {
    if (locale !== 'zh-CN') setLocale('zh-CN', true);
  });
  langEn.addEventListener('click', function () {
    if (locale !== 'en') setLocale('en', true);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) return;
    input.value = '';
    sendText(text);
  });

  function mount() {
    document.body.appendChild(host);
    applyStrings();
    if (returning) {
      // A returning visitor: reconnect now so the history (and any agent reply) is there.
      ensureStarted();
      if (recall(KEY_OPEN) === '1') open(false);
    }
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
