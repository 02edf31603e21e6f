// GraphiQL page for AssetTrace. Loaded as a separate file so that a
// Content-Security-Policy of `script-src 'self'` is enough.
(function () {
  'use strict';

  // Resolve the API next to the page's parent, so /graphiql/ -> /graphql and
  // the page keeps working behind a path base (/x/graphiql/ -> /x/graphql).
  var base = new URL('..', window.location.href);
  var GRAPHQL_URL = new URL('graphql', base).toString();
  var LOGIN_URL = new URL('auth/login', base).toString();
  var PASSWORD_URL = new URL('auth/password', base).toString();
  var STORAGE_KEY = 'assettrace.graphiql.auth';

  var DEFAULT_QUERY = [
    '# Search across people, companies and assets in any script',
    'query Search {',
    '  search(query: "Akhmetov", first: 10) {',
    '    totalCount',
    '    nodes { id kind name }',
    '  }',
    '}',
    ''
  ].join('\n');

  var el = function (id) { return document.getElementById(id); };
  var root = null;

  // --- auth state (sessionStorage: gone when the tab closes) ----------------

  function loadAuth() {
    try {
      var auth = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
      if (!auth || typeof auth.token !== 'string' || !auth.token) return null;
      if (auth.expiresAt && Date.parse(auth.expiresAt) <= Date.now()) {
        sessionStorage.removeItem(STORAGE_KEY);
        showMessage('Session expired, please sign in again.', true);
        return null;
      }
      return auth;
    } catch (e) {
      sessionStorage.removeItem(STORAGE_KEY);
      return null;
    }
  }

  function saveAuth(auth) {
    if (auth) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
    else sessionStorage.removeItem(STORAGE_KEY);
    renderBar();
    renderGraphiQL(); // a new fetcher makes GraphiQL reload the schema
  }

  // --- top bar ----------------------------------------------------------------

  function showMessage(text, isError) {
    var msg = el('message');
    msg.textContent = text || '';
    msg.className = isError ? 'error' : '';
  }

  function renderBar() {
    var auth = loadAuth();
    el('signed-out').hidden = !!auth;
    el('signed-in').hidden = !auth;
    if (!auth) return;
    var who = auth.username
      ? 'Signed in as ' + auth.username +
        (auth.roles && auth.roles.length ? ' (' + auth.roles.join(', ') + ')' : '')
      : 'Using an API token';
    el('who').textContent = who;
    el('who').title = auth.expiresAt ? 'Expires ' + new Date(auth.expiresAt).toLocaleString() : '';
  }

  async function readJson(response) {
    var text = await response.text();
    try { return text ? JSON.parse(text) : null; } catch (e) { return { detail: text }; }
  }

  // A one-time password (first run, set or reset by an admin) gives no token: it is kept here,
  // in memory only, until the user has chosen their own password.
  var pendingChange = null;

  function signedIn(body, username) {
    el('login-password').value = '';
    showMessage('');
    saveAuth({
      token: body.token,
      expiresAt: body.expiresAt || null,
      username: body.username || username,
      roles: Array.isArray(body.roles) ? body.roles : []
    });
  }

  function showPasswordForm(show) {
    el('password-form').hidden = !show;
    el('login-form').hidden = show;
    if (show) el('new-password').focus();
  }

  el('password-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    if (!pendingChange) return showPasswordForm(false);
    var password = el('new-password').value;
    if (password !== el('new-password-again').value) {
      showMessage('The two passwords differ.', true);
      return;
    }
    var button = event.currentTarget.querySelector('button');
    button.disabled = true;
    try {
      var response = await fetch(PASSWORD_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({
          username: pendingChange.username,
          currentPassword: pendingChange.password,
          newPassword: password
        })
      });
      var body = await readJson(response);
      if (response.ok && body && body.token) {
        var username = pendingChange.username;
        pendingChange = null;
        el('new-password').value = el('new-password-again').value = '';
        showPasswordForm(false);
        signedIn(body, username);
      } else {
        var problem = body || {};
        showMessage(problem.detail || problem.title || ('Password change failed (HTTP ' + response.status + ').'), true);
      }
    } catch (e) {
      showMessage('Password change failed: ' + e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  el('login-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var form = event.currentTarget;
    var button = form.querySelector('button');
    button.disabled = true;
    showMessage('Signing in\u2026');
    try {
      var response = await fetch(LOGIN_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({
          username: el('login-username').value,
          password: el('login-password').value
        })
      });
      var body = await readJson(response);
      if (response.ok && body && body.token) {
        signedIn(body, el('login-username').value);
      } else if (response.status === 403 && body && body.passwordChangeRequired) {
        pendingChange = { username: el('login-username').value, password: el('login-password').value };
        el('login-password').value = '';
        showMessage('This password was set for you and works once: choose your own (12 characters or more).');
        showPasswordForm(true);
      } else {
        var problem = body || {};
        showMessage(problem.detail || problem.title ||
          ('Sign-in failed (HTTP ' + response.status + ').'), true);
      }
    } catch (e) {
      showMessage('Sign-in failed: ' + e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  el('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = el('api-token').value.trim().replace(/^Bearer\s+/i, '');
    el('api-token').value = '';
    if (!token) return;
    showMessage('');
    saveAuth({ token: token, expiresAt: null, username: null, roles: [] });
  });

  el('sign-out').addEventListener('click', function () {
    showMessage('Signed out.');
    saveAuth(null);
  });

  // --- GraphiQL -----------------------------------------------------------------

  function createFetcher() {
    return async function fetcher(graphQLParams, opts) {
      var headers = {
        'Content-Type': 'application/json',
        'Accept': 'application/graphql-response+json, application/json'
      };
      var auth = loadAuth();
      if (!auth && !el('signed-in').hidden) renderBar(); // token just expired
      if (auth) headers.Authorization = 'Bearer ' + auth.token;
      // Headers typed into GraphiQL's "Headers" tab win over ours.
      var extra = opts && opts.headers;
      if (extra) Object.keys(extra).forEach(function (k) { headers[k] = extra[k]; });
      // Nobody signed in and no token typed in the Headers tab: ask for a sign-in rather than
      // send a request the server can only refuse with UNAUTHENTICATED.
      if (!headers.Authorization && !headers.authorization) {
        showMessage('Sign in first: your user name and password in the bar above, or an API token.', false);
        return { errors: [{ message: 'Sign in first (the bar above), then the documentation and your queries load.' }] };
      }

      var response = await fetch(GRAPHQL_URL, {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(graphQLParams)
      });
      if (response.status === 401) {
        showMessage(auth ? 'The server rejected the token (401); sign in again.'
                         : 'Sign in or paste an API token to use the API.', true);
      }
      var text = await response.text();
      try {
        return JSON.parse(text);
      } catch (e) {
        var isHtml = /html/i.test(response.headers.get('Content-Type') || '');
        return { errors: [{ message: 'HTTP ' + response.status + ' ' + response.statusText +
          (text && !isHtml ? ': ' + text.slice(0, 500) : '') }] };
      }
    };
  }

  function renderGraphiQL() {
    if (!root) {
      var container = el('graphiql');
      container.textContent = '';
      root = ReactDOM.createRoot(container);
    }
    root.render(React.createElement(GraphiQL, {
      fetcher: createFetcher(),
      defaultQuery: DEFAULT_QUERY,
      shouldPersistHeaders: false
    }));
  }

  renderBar();
  renderGraphiQL();
})();
