/*
 * swipedesk agent console (/agent): sign in with the agent token (kept in sessionStorage only),
 * watch the queue, open a case, claim it, chat with the customer live and resolve it.
 * Everything a customer wrote is put on the page with textContent, never parsed as HTML.
 */
(function () {
  'use strict';

  var KEY_TOKEN = 'swipedesk.agent.token';
  var KEY_NAME = 'swipedesk.agent.name';
  var KEY_LANG = 'swipedesk.agent.lang';
  var LIST_MS = 3000;
  var CASE_MS = 2000;

  var STRINGS = {
    en: {
      console: 'Agent console',
      language: 'Language',
      logout: 'Sign out',
      loginTitle: 'Sign in',
      loginIntro: 'Enter your name and the agent token. The token is kept only in this browser tab.',
      name: 'Your name',
      token: 'Agent token',
      signIn: 'Sign in',
      needName: 'Please enter your name.',
      needToken: 'Please enter the agent token.',
      badToken: 'The token was not accepted. Please sign in again.',
      network: 'Cannot reach the server. Retrying…',
      signedInAs: 'Signed in as',
      cases: 'Cases',
      statusFilter: 'Case status',
      waiting: 'Waiting',
      assigned: 'Assigned',
      resolved: 'Resolved',
      noCases: 'No cases here.',
      loading: 'Loading…',
      updated: 'Updated',
      pickCase: 'Select a case from the list.',
      case: 'Case',
      claim: 'Claim',
      resolve: 'Resolve',
      summary: 'Summary',
      details: 'Details',
      conversation: 'Conversation',
      replyLabel: 'Message to the customer',
      send: 'Send',
      claimed: 'You have claimed this case. The bot is quiet now; the customer sees your messages live.',
      claimedByOther: 'This case was already claimed by someone else',
      claimFirst: 'Claim the case to write to the customer.',
      caseResolved: 'This case is resolved.',
      resolvedDone: 'Case resolved. The customer has been told.',
      sendFailed: 'The message was not sent',
      notFound: 'This case no longer exists.',
      urgent: 'Urgent',
      normal: 'Normal',
      customer: 'Customer',
      bot: 'Bot',
      agent: 'Agent',
      yes: 'yes',
      no: 'no',
      unknown: '—',
      none: 'none',
      justNow: 'just now',
      min: 'min',
      h: 'h',
      d: 'd',
      ago: 'Age:',
      assignedTo: 'Assigned to',
      you: 'you',
      f_role: 'Role',
      f_category: 'Category',
      f_locale: 'Customer language',
      f_created: 'Created',
      f_assignedTo: 'Assigned to',
      f_when: 'Transaction date/time',
      f_amountCharged: 'Amount charged (one charge)',
      f_amountExpected: 'Amount expected',
      f_chargeCount: 'Number of charges',
      f_merchantName: 'Merchant',
      f_cardLast4: 'Card last 4',
      f_cardType: 'Card type',
      f_issuer: 'Issuer',
      f_referenceNumber: 'Reference number',
      f_hasReceipt: 'Has receipt',
      f_merchantContacted: 'Merchant contacted',
      f_merchantResponse: "Merchant's response",
      f_cardInPossession: 'Card in possession',
      f_reasonCodes: 'Reason codes',
      f_disputeDeadline: 'Dispute deadline',
      f_missing: 'Missing',
      f_guidance: 'Guidance given',
      f_details: 'Other details',
      role_cardholder: 'Cardholder',
      role_merchant: 'Merchant',
      card_credit: 'Credit',
      card_debit: 'Debit',
      card_prepaid: 'Prepaid',
      lang_zh: 'Chinese (zh-CN)',
      lang_en: 'English',
      cat_wrong_amount: 'Wrong amount',
      cat_duplicate_charge: 'Duplicate charge',
      cat_charged_but_failed: 'Charged but failed',
      cat_wrong_card: 'Wrong card',
      cat_paid_by_other_means: 'Paid by other means',
      cat_refund_not_received: 'Refund not received',
      cat_preauth_hold: 'Pre-auth hold',
      cat_currency_conversion: 'Currency conversion',
      cat_late_presentment: 'Late presentment',
      cat_unrecognized_charge: 'Unrecognised charge',
      cat_other: 'Other',
      slot_role: 'role',
      slot_category: 'category',
      slot_when: 'date/time',
      slot_amountCharged: 'amount charged',
      slot_amountExpected: 'amount expected',
      slot_chargeCount: 'number of charges',
      slot_merchantName: 'merchant',
      slot_cardLast4: 'card last 4',
      slot_cardType: 'card type',
      slot_issuer: 'issuer',
      slot_referenceNumber: 'reference number',
      slot_hasReceipt: 'receipt',
      slot_merchantContacted: 'merchant contacted',
      slot_cardInPossession: 'card in possession',
      slot_batchSettled: 'batch settled',
    },
    'zh-CN': {
      console: '客服工作台',
      language: '语言',
      logout: '退出',
      loginTitle: '登录',
      loginIntro: '请输入您的名字和客服令牌。令牌只保存在当前浏览器标签页中。',
      name: '您的名字',
      token: '客服令牌',
      signIn: '登录',
      needName: '请输入您的名字。',
      needToken: '请输入客服令牌。',
      badToken: '令牌无效或已失效，请重新登录。',
      network: '无法连接服务器，正在重试…',
      signedInAs: '当前客服',
      cases: '案件',
      statusFilter: '案件状态',
      waiting: '等待中',
      assigned: '处理中',
      resolved: '已解决',
      noCases: '暂无案件。',
      loading: '加载中…',
      updated: '更新于',
      pickCase: '请从左侧列表选择一个案件。',
      case: '案件',
      claim: '认领',
      resolve: '标记已解决',
      summary: '摘要',
      details: '详细信息',
      conversation: '对话记录',
      replyLabel: '发给客户的消息',
      send: '发送',
      claimed: '您已认领此案件。机器人已停止回复，客户会实时看到您的消息。',
      claimedByOther: '此案件已被其他客服认领',
      claimFirst: '请先认领案件，再给客户发消息。',
      caseResolved: '此案件已解决。',
      resolvedDone: '案件已标记为解决，已通知客户。',
      sendFailed: '消息没有发出',
      notFound: '案件已不存在。',
      urgent: '紧急',
      normal: '普通',
      customer: '客户',
      bot: '机器人',
      agent: '客服',
      yes: '是',
      no: '否',
      unknown: '—',
      none: '无',
      justNow: '刚刚',
      min: '分钟',
      h: '小时',
      d: '天',
      ago: '时长：',
      assignedTo: '处理人',
      you: '您',
      f_role: '身份',
      f_category: '问题类型',
      f_locale: '客户语言',
      f_created: '创建时间',
      f_assignedTo: '处理人',
      f_when: '交易日期/时间',
      f_amountCharged: '扣款金额（单笔）',
      f_amountExpected: '应付金额',
      f_chargeCount: '扣款笔数',
      f_merchantName: '商户名称',
      f_cardLast4: '卡号后四位',
      f_cardType: '卡片类型',
      f_issuer: '发卡行',
      f_referenceNumber: '参考号',
      f_hasReceipt: '有小票',
      f_merchantContacted: '已联系商户',
      f_merchantResponse: '商户的答复',
      f_cardInPossession: '卡在身边',
      f_reasonCodes: '争议原因码',
      f_disputeDeadline: '争议截止日',
      f_missing: '缺少的信息',
      f_guidance: '已给出的指引',
      f_details: '其他信息',
      role_cardholder: '持卡人',
      role_merchant: '商户',
      card_credit: '信用卡',
      card_debit: '借记卡',
      card_prepaid: '预付卡',
      lang_zh: '中文',
      lang_en: '英文',
      cat_wrong_amount: '金额刷错',
      cat_duplicate_charge: '重复扣款',
      cat_charged_but_failed: '显示失败但扣款',
      cat_wrong_card: '刷错卡',
      cat_paid_by_other_means: '已用其他方式支付',
      cat_refund_not_received: '退款未到账',
      cat_preauth_hold: '预授权未解冻',
      cat_currency_conversion: '币种转换',
      cat_late_presentment: '延迟请款',
      cat_unrecognized_charge: '不认识的扣款',
      cat_other: '其他',
      slot_role: '身份',
      slot_category: '问题类型',
      slot_when: '交易时间',
      slot_amountCharged: '扣款金额',
      slot_amountExpected: '应付金额',
      slot_chargeCount: '扣款笔数',
      slot_merchantName: '商户名称',
      slot_cardLast4: '卡号后四位',
      slot_cardType: '卡片类型',
      slot_issuer: '发卡行',
      slot_referenceNumber: '参考号',
      slot_hasReceipt: '小票',
      slot_merchantContacted: '是否联系商户',
      slot_cardInPossession: '卡是否在身边',
      slot_batchSettled: '是否已结算',
    },
  };

  function $(id) {
    return document.getElementById(id);
  }

  function session(key, value) {
    try {
      if (value === undefined) return sessionStorage.getItem(key);
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      /* storage disabled: the agent signs in again after a reload */
    }
    return null;
  }

  function savedLang() {
    try {
      var v = localStorage.getItem(KEY_LANG);
      if (v === 'zh-CN' || v === 'en') return v;
    } catch {
      /* ignore */
    }
    return (navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en';
  }

  var lang = savedLang();
  var token = session(KEY_TOKEN);
  var agentName = session(KEY_NAME) || '';
  var statusFilter = 'waiting';
  var cases = [];
  var current = null; // the open case (full JSON)
  var currentId = null;
  var transcriptKey = '';
  var listTimer = null;
  var caseTimer = null;
  var caseMsgTimer = null;

  function t(key) {
    var v = STRINGS[lang][key];
    return v === undefined ? key : v;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // ---- formatting -------------------------------------------------------------------------
  function formatMoney(m) {
    if (!m || typeof m.minor !== 'number' || typeof m.currency !== 'string') return t('unknown');
    try {
      var fmt = new Intl.NumberFormat(lang, { style: 'currency', currency: m.currency });
      var digits = fmt.resolvedOptions().maximumFractionDigits;
      return fmt.format(m.minor / Math.pow(10, digits));
    } catch {
      return (m.minor / 100).toFixed(2) + ' ' + m.currency;
    }
  }

  function formatDateTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }

  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(d);
  }

  function age(iso) {
    var ms = Date.now() - new Date(iso).getTime();
    if (!(ms >= 0)) return t('justNow');
    var min = Math.floor(ms / 60000);
    var sep = lang === 'en' ? ' ' : '';
    if (min < 1) return t('justNow');
    if (min < 60) return min + sep + t('min');
    var h = Math.floor(min / 60);
    if (h < 48) return h + sep + t('h') + (min % 60 ? ' ' + (min % 60) + sep + t('min') : '');
    return Math.floor(h / 24) + sep + t('d');
  }

  function yesNo(v) {
    return v === true ? t('yes') : v === false ? t('no') : t('unknown');
  }

  function orUnknown(v) {
    return v === null || v === undefined || v === '' ? t('unknown') : String(v);
  }

  function categoryLabel(c) {
    return c ? t('cat_' + c) : t('unknown');
  }

  // ---- API --------------------------------------------------------------------------------
  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function api(method, path, body) {
    var headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res
        .json()
        .catch(function () {
          return null;
        })
        .then(function (data) {
          if (res.status === 401) {
            signOut(t('badToken'));
            throw new ApiError(401, 'unauthorized');
          }
          if (!res.ok) throw new ApiError(res.status, data && data.error ? String(data.error) : 'HTTP ' + res.status);
          return data;
        });
    });
  }

  // ---- UI language ------------------------------------------------------------------------
  function applyLang() {
    document.documentElement.lang = lang;
    document.title = 'swipedesk · ' + t('console');
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    var labelled = document.querySelectorAll('[data-i18n-label]');
    for (var j = 0; j < labelled.length; j++) labelled[j].setAttribute('aria-label', t(labelled[j].getAttribute('data-i18n-label')));
    var langBtns = document.querySelectorAll('[data-lang]');
    for (var k = 0; k < langBtns.length; k++) {
      langBtns[k].setAttribute('aria-pressed', String(langBtns[k].getAttribute('data-lang') === lang));
    }
    renderWho();
    renderList();
    if (current) renderCase(current, true);
  }

  function setLang(next) {
    lang = next;
    try {
      localStorage.setItem(KEY_LANG, next);
    } catch {
      /* ignore */
    }
    applyLang();
  }

  function renderWho() {
    var who = $('whoami');
    if (token && agentName) {
      who.textContent = t('signedInAs') + ': ' + agentName;
      who.hidden = false;
    } else {
      who.hidden = true;
    }
  }

  // ---- sign in / out ----------------------------------------------------------------------
  function showLogin(message) {
    $('console').hidden = true;
    $('login').hidden = false;
    $('logout').hidden = true;
    $('login-error').textContent = message || '';
    $('agent-name').value = agentName;
    renderWho();
    ($('agent-name').value ? $('agent-token') : $('agent-name')).focus();
  }

  function showConsole() {
    $('login').hidden = true;
    $('console').hidden = false;
    $('logout').hidden = false;
    renderWho();
    refreshList();
  }

  function signOut(message) {
    token = null;
    session(KEY_TOKEN, null);
    stopTimers();
    current = null;
    currentId = null;
    cases = [];
    clear($('case-list'));
    $('case-body').hidden = true;
    $('case-empty').hidden = false;
    showLogin(message);
  }

  function stopTimers() {
    clearTimeout(listTimer);
    clearTimeout(caseTimer);
    listTimer = null;
    caseTimer = null;
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = $('agent-name').value.trim();
    var given = $('agent-token').value.trim();
    if (!name) {
      $('login-error').textContent = t('needName');
      $('agent-name').focus();
      return;
    }
    if (!given) {
      $('login-error').textContent = t('needToken');
      $('agent-token').focus();
      return;
    }
    agentName = name.slice(0, 80);
    token = given;
    session(KEY_NAME, agentName);
    $('login-error').textContent = '';
    // Check the token before keeping it.
    api('GET', '/api/cases?status=waiting').then(
      function () {
        session(KEY_TOKEN, token);
        $('agent-token').value = '';
        showConsole();
      },
      function (err) {
        if (err && err.status !== 401) $('login-error').textContent = t('network');
      },
    );
  });

  $('logout').addEventListener('click', function () {
    signOut('');
  });

  var langButtons = document.querySelectorAll('[data-lang]');
  for (var lb = 0; lb < langButtons.length; lb++) {
    langButtons[lb].addEventListener('click', function (event) {
      setLang(event.currentTarget.getAttribute('data-lang'));
    });
  }

  // ---- the queue --------------------------------------------------------------------------
  var tabButtons = document.querySelectorAll('[data-status]');
  for (var tb = 0; tb < tabButtons.length; tb++) {
    tabButtons[tb].addEventListener('click', function (event) {
      statusFilter = event.currentTarget.getAttribute('data-status');
      for (var i = 0; i < tabButtons.length; i++) {
        tabButtons[i].setAttribute('aria-pressed', String(tabButtons[i].getAttribute('data-status') === statusFilter));
      }
      cases = [];
      renderList();
      $('list-status').textContent = t('loading');
      refreshList();
    });
  }

  function refreshList() {
    clearTimeout(listTimer);
    listTimer = null;
    if (!token) return;
    var wanted = statusFilter;
    api('GET', '/api/cases?status=' + encodeURIComponent(wanted)).then(
      function (data) {
        if (wanted !== statusFilter) return;
        cases = data && Array.isArray(data.cases) ? data.cases : [];
        $('list-status').textContent = '';
        renderList();
        schedule();
      },
      function (err) {
        if (err && err.status === 401) return;
        $('list-status').textContent = t('network');
        schedule();
      },
    );
    function schedule() {
      if (token) listTimer = setTimeout(refreshList, LIST_MS);
    }
  }

  function renderList() {
    var list = $('case-list');
    var focusedId = document.activeElement && document.activeElement.getAttribute('data-case-id');
    clear(list);
    if (statusFilter === 'waiting') {
      document.title = (cases.length ? '(' + cases.length + ') ' : '') + 'swipedesk · ' + t('console');
    }
    if (cases.length === 0) {
      list.appendChild(el('li', 'case-none', t('noCases')));
      return;
    }
    cases.forEach(function (c) {
      var li = el('li');
      var b = el('button', 'case-item');
      b.type = 'button';
      b.setAttribute('data-case-id', c.caseId);
      if (c.priority === 'urgent') b.classList.add('case-item--urgent');
      if (c.caseId === currentId) {
        b.classList.add('case-item--current');
        b.setAttribute('aria-current', 'true');
      }
      var top = el('span', 'case-item-top');
      top.appendChild(el('span', 'pill ' + (c.priority === 'urgent' ? 'pill-urgent' : 'pill-normal'), t(c.priority === 'urgent' ? 'urgent' : 'normal')));
      top.appendChild(el('span', 'mono case-item-id', c.caseId));
      b.appendChild(top);
      b.appendChild(el('span', 'case-item-cat', categoryLabel(c.category) + (c.role ? ' · ' + t('role_' + c.role) : '')));
      var meta = el('span', 'case-item-meta');
      meta.appendChild(el('span', 'case-age', t('ago') + (lang === 'en' ? ' ' : '') + age(c.createdAt)));
      meta.appendChild(el('span', null, c.locale === 'zh-CN' ? '中文' : 'EN'));
      if (c.assignedTo) meta.appendChild(el('span', null, t('assignedTo') + ': ' + c.assignedTo));
      b.appendChild(meta);
      b.addEventListener('click', function () {
        openCase(c.caseId);
      });
      li.appendChild(b);
      list.appendChild(li);
      if (focusedId === c.caseId) b.focus();
    });
  }

  // ---- one case ---------------------------------------------------------------------------
  function openCase(id) {
    if (currentId !== id) {
      current = null;
      transcriptKey = '';
      $('case-msg').textContent = '';
      $('reply').value = '';
    }
    currentId = id;
    renderList();
    refreshCase(true);
  }

  function refreshCase(focusHeading) {
    clearTimeout(caseTimer);
    caseTimer = null;
    if (!token || !currentId) return;
    var id = currentId;
    api('GET', '/api/cases/' + encodeURIComponent(id)).then(
      function (kase) {
        if (id !== currentId) return;
        current = kase;
        renderCase(kase, false);
        if (focusHeading) $('case-title').focus();
        schedule();
      },
      function (err) {
        if (id !== currentId || (err && err.status === 401)) return;
        if (err && err.status === 404) {
          flash(t('notFound'));
          return;
        }
        schedule();
      },
    );
    function schedule() {
      if (token && currentId === id) caseTimer = setTimeout(refreshCase, CASE_MS);
    }
  }

  function flash(message, isError) {
    var p = $('case-msg');
    p.textContent = message;
    p.classList.toggle('case-msg--error', Boolean(isError));
    clearTimeout(caseMsgTimer);
    caseMsgTimer = setTimeout(function () {
      p.textContent = '';
    }, 8000);
  }

  function addField(dl, key, value) {
    var row = el('div', 'field');
    row.setAttribute('data-field', key);
    row.appendChild(el('dt', null, t('f_' + key)));
    var dd = el('dd');
    if (value instanceof HTMLElement) dd.appendChild(value);
    else dd.textContent = value;
    row.appendChild(dd);
    dl.appendChild(row);
  }

  function renderCase(kase, force) {
    $('case-empty').hidden = true;
    $('case-body').hidden = false;
    $('case-id').textContent = kase.caseId;
    $('case-title').tabIndex = -1;
    var pri = $('case-priority');
    pri.textContent = t(kase.priority === 'urgent' ? 'urgent' : 'normal');
    pri.className = 'pill ' + (kase.priority === 'urgent' ? 'pill-urgent' : 'pill-normal');
    var st = $('case-status');
    st.textContent = t(kase.status);
    st.setAttribute('data-status', kase.status);

    var mine = kase.status === 'assigned' && kase.assignedTo === agentName;
    $('claim').hidden = kase.status !== 'waiting';
    $('resolve').disabled = kase.status === 'resolved';
    var canWrite = mine;
    $('reply').disabled = !canWrite;
    $('reply-send').disabled = !canWrite;
    $('reply-hint').textContent =
      kase.status === 'resolved'
        ? t('caseResolved')
        : canWrite
          ? ''
          : kase.status === 'assigned'
            ? t('claimedByOther') + ' (' + orUnknown(kase.assignedTo) + ').'
            : t('claimFirst');

    var summary = kase.summary && typeof kase.summary === 'object' ? kase.summary[lang] || kase.summary.en : '';
    $('summary').textContent = summary || '';

    var tx = kase.transaction || {};
    var dl = $('fields');
    clear(dl);
    addField(dl, 'category', categoryLabel(kase.category));
    addField(dl, 'role', kase.role ? t('role_' + kase.role) : t('unknown'));
    addField(dl, 'locale', kase.locale === 'zh-CN' ? t('lang_zh') : t('lang_en'));
    addField(dl, 'created', formatDateTime(kase.createdAt) + ' (' + age(kase.createdAt) + ')');
    if (kase.assignedTo) addField(dl, 'assignedTo', kase.assignedTo === agentName ? kase.assignedTo + ' (' + t('you') + ')' : kase.assignedTo);
    addField(dl, 'when', tx.date ? tx.date + (tx.time ? ' ' + tx.time : '') : t('unknown'));
    addField(dl, 'amountCharged', formatMoney(tx.amountCharged));
    addField(dl, 'amountExpected', formatMoney(tx.amountExpected));
    addField(dl, 'chargeCount', orUnknown(tx.chargeCount));
    addField(dl, 'merchantName', orUnknown(tx.merchantName));
    addField(dl, 'cardLast4', orUnknown(tx.cardLast4));
    addField(dl, 'cardType', tx.cardType ? t('card_' + tx.cardType) : t('unknown'));
    addField(dl, 'issuer', orUnknown(tx.issuer));
    addField(dl, 'referenceNumber', orUnknown(tx.referenceNumber));
    addField(dl, 'hasReceipt', yesNo(tx.hasReceipt));
    addField(dl, 'merchantContacted', yesNo(kase.merchantContacted));
    if (kase.merchantResponse) addField(dl, 'merchantResponse', kase.merchantResponse);
    if (kase.cardInPossession !== null && kase.cardInPossession !== undefined) {
      addField(dl, 'cardInPossession', yesNo(kase.cardInPossession));
    }
    var rc = kase.reasonCodes || {};
    var codes = el('span', 'codes');
    [
      ['Visa', rc.visa],
      ['Mastercard', rc.mastercard],
      ['UnionPay', rc.unionpay],
    ].forEach(function (pair) {
      var c = el('span', 'code');
      c.appendChild(el('span', 'code-net', pair[0]));
      c.appendChild(el('span', 'mono', pair[1] || t('unknown')));
      codes.appendChild(c);
    });
    addField(dl, 'reasonCodes', codes);
    addField(dl, 'disputeDeadline', orUnknown(kase.disputeDeadline));
    var missing = Array.isArray(kase.missing) ? kase.missing : [];
    addField(
      dl,
      'missing',
      missing.length
        ? missing
            .map(function (s) {
              var label = STRINGS[lang]['slot_' + s];
              return label || s;
            })
            .join(lang === 'en' ? ', ' : '、')
        : t('none'),
    );
    var guidance = Array.isArray(kase.guidance) ? kase.guidance : [];
    var gl = el('span', 'tags');
    guidance.forEach(function (g) {
      gl.appendChild(el('span', 'tag mono', g));
    });
    addField(dl, 'guidance', guidance.length ? gl : t('none'));
    var details = kase.details && typeof kase.details === 'object' ? Object.keys(kase.details) : [];
    if (details.length) {
      addField(
        dl,
        'details',
        details
          .map(function (k) {
            return k + ': ' + String(kase.details[k]);
          })
          .join('; '),
      );
    }

    renderTranscript(Array.isArray(kase.transcript) ? kase.transcript : [], force);
  }

  function renderTranscript(entries, force) {
    var last = entries[entries.length - 1];
    var key = entries.length + '|' + (last ? last.at + last.text.length : '');
    if (!force && key === transcriptKey) return;
    transcriptKey = key;
    var box = $('transcript');
    var nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    clear(box);
    entries.forEach(function (e) {
      var from = e.from === 'user' || e.from === 'agent' ? e.from : 'bot';
      var row = el('div', 'line line--' + from);
      row.setAttribute('data-from', from);
      var meta = el('span', 'line-meta');
      meta.appendChild(el('span', 'line-who', t(from === 'user' ? 'customer' : from)));
      meta.appendChild(el('span', 'line-time', formatTime(e.at)));
      row.appendChild(meta);
      row.appendChild(el('p', 'line-text', e.text));
      box.appendChild(row);
    });
    if (nearBottom || force) box.scrollTop = box.scrollHeight;
  }

  $('claim').addEventListener('click', function () {
    if (!currentId) return;
    var btn = $('claim');
    btn.disabled = true;
    api('POST', '/api/cases/' + encodeURIComponent(currentId) + '/claim', { agent: agentName }).then(
      function (kase) {
        btn.disabled = false;
        current = kase;
        flash(t('claimed'));
        renderCase(kase, false);
        refreshList();
        refreshCase(false);
        $('reply').focus();
      },
      function (err) {
        btn.disabled = false;
        if (err && err.status === 409) flash(t('claimedByOther') + '.', true);
        else if (err && err.status !== 401) flash(err.message || t('network'), true);
        refreshCase(false);
      },
    );
  });

  $('resolve').addEventListener('click', function () {
    if (!currentId) return;
    var btn = $('resolve');
    btn.disabled = true;
    api('POST', '/api/cases/' + encodeURIComponent(currentId) + '/resolve').then(
      function (kase) {
        current = kase;
        flash(t('resolvedDone'));
        renderCase(kase, false);
        refreshList();
        refreshCase(false);
      },
      function (err) {
        btn.disabled = false;
        if (err && err.status !== 401) flash(err.message || t('network'), true);
      },
    );
  });

  $('reply-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var box = $('reply');
    var text = box.value.trim();
    if (!text || !currentId) return;
    $('reply-send').disabled = true;
    api('POST', '/api/cases/' + encodeURIComponent(currentId) + '/messages', { text: text }).then(
      function () {
        box.value = '';
        $('reply-send').disabled = false;
        box.focus();
        refreshCase(false);
      },
      function (err) {
        $('reply-send').disabled = false;
        if (err && err.status !== 401) flash(t('sendFailed') + ': ' + (err.message || ''), true);
      },
    );
  });

  $('reply').addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter makes a new line (as in most chat tools).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('reply-form').requestSubmit();
    }
  });

  // ---- start ------------------------------------------------------------------------------
  applyLang();
  if (token) showConsole();
  else showLogin('');
})();
