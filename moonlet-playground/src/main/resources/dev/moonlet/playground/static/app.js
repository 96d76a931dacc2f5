// Moonlet playground page. Plain JavaScript, no build step, no dependencies.
// The page talks to the server with form-encoded POSTs and hears back through one stream of
// Server-Sent Events per session. Every event names its console and run; a console shows
// only its latest run, so output of an abandoned evaluation can never leak into a newer one.
'use strict';

const DEBOUNCE_MS = 150;
/** The most characters a console keeps; older output scrolls away. */
const MAX_OUTPUT_CHARS = 20000;

const EXAMPLES = {
  lua: [
    ['hello', 'print("hello from Moonlet")\nreturn _VERSION, 6 * 7'],
    ['fib', 'local function fib(n)\n  if n < 2 then return n end\n  return fib(n - 1) + fib(n - 2)\nend\nreturn fib(25)'],
    ['infinite loop', 'while true do end'],
    ['print flood', 'local i = 0\nwhile true do i = i + 1 print(i) end'],
    ['memory bomb', 'local t = {}\nwhile true do t[#t + 1] = {} end'],
    ['error', 'local function f(x) return x.field end\nreturn f(nil)'],
    ['tasks', '-- green threads: three sleepers report to the main task\nlocal main = task.self()\n'
      + 'for i = 1, 3 do\n  task.spawn(function()\n    task.sleep(0.2 * (4 - i))\n    print("task " .. i .. " woke")\n'
      + '    task.send(main, i)\n  end)\nend\nlocal order = {}\nfor _ = 1, 3 do order[#order + 1] = task.recv() end\n'
      + 'return "woke in order: " .. table.concat(order, " ")'],
  ],
  bags: [
    ['product', '0 1 | ^ *'],
    ['memory bomb', '01|^*^*^*^*^*^*^*^*^*^*^*'],
  ],
};

const $ = (id) => document.getElementById(id);

/** A console on the page: shows the events of its latest run. */
class Console {
  constructor(name, output, status) {
    this.name = name;
    this.output = output;
    this.status = status;
    this.run = 0;        // the latest run asked for
    this.shown = -1;     // the run whose events are shown
    this.text = null;    // the text node of the current output
    this.pending = [];   // output not shown yet
    this.pendingChars = 0;
    this.frame = 0;      // the animation frame that will show it
  }

  /** A new run is asked for: later events of older runs are ignored. */
  next() {
    this.run += 1;
    return this.run;
  }

  handle(ev) {
    if (ev.run < this.run) return;
    if (ev.run !== this.shown) this.clear(ev.run);
    switch (ev.type) {
      case 'start': this.setStatus('running', 'running'); break;
      case 'output': this.append(ev.text); break;
      case 'result':
        if (ev.values.length > 0) this.line(ev.values.join('\t'), 'result');
        this.setStatus('', 'done · ' + fuel(ev.fuel));
        break;
      case 'error':
        this.line(ev.message, 'error');
        if (ev.traceback) this.line(ev.traceback, 'traceback');
        this.setStatus('', 'error · ' + fuel(ev.fuel));
        break;
      case 'limit':
        this.line(ev.message, 'limit');
        this.setStatus('', ev.message + ' · ' + fuel(ev.fuel));
        break;
      case 'stopped':
        this.line('interrupted', 'note');
        this.setStatus('', 'interrupted · ' + fuel(ev.fuel));
        break;
    }
  }

  clear(run) {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.pendingChars = 0;
    this.shown = run;
    this.output.textContent = '';
    this.text = null;
  }

  /** Queues output; the page shows it at the next frame, in one update however many events came. */
  append(s) {
    this.pending.push(s);
    this.pendingChars += s.length;
    if (this.pendingChars > 4 * MAX_OUTPUT_CHARS) {
      this.pending = [trimOutput(this.pending.join(''))];
      this.pendingChars = this.pending[0].length;
    }
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Shows the queued output. */
  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pending.length === 0) return;
    if (!this.text) {
      this.text = document.createTextNode('');
      this.output.appendChild(this.text);
    }
    const follow = this.atBottom();
    this.text.data = trimOutput(this.text.data + this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    if (follow) this.output.scrollTop = this.output.scrollHeight;
  }

  line(s, kind) {
    this.flush();
    const span = document.createElement('span');
    span.className = kind;
    const before = this.output.textContent;
    span.textContent = (before && !before.endsWith('\n') ? '\n' : '') + s + '\n';
    this.output.appendChild(span);
    this.text = null;
    this.output.scrollTop = this.output.scrollHeight;
  }

  atBottom() {
    const o = this.output;
    return o.scrollHeight - o.scrollTop - o.clientHeight < 40;
  }

  setStatus(kind, text) {
    this.status.className = 'status ' + kind;
    this.status.textContent = text;
  }
}

/** The last MAX_OUTPUT_CHARS characters of s, from the start of a line. */
function trimOutput(s) {
  if (s.length <= MAX_OUTPUT_CHARS) return s;
  const tail = s.slice(s.length - MAX_OUTPUT_CHARS);
  return tail.slice(tail.indexOf('\n') + 1);
}

function fuel(n) {
  return Number(n).toLocaleString('en-US') + ' fuel';
}

const consoles = {
  live: new Console('live', $('output'), $('status')),
  left: new Console('left', $('left-output'), $('left-status')),
  right: new Console('right', $('right-output'), $('right-status')),
};

// ------------------------------------------------------------------ the session

let session = null;
let sessionReady = null;

/** The session, creating it (and its event stream) when there is none. */
function getSession() {
  if (!sessionReady) sessionReady = openSession();
  return sessionReady;
}

async function openSession() {
  const r = await fetch('/api/session', { method: 'POST' });
  if (!r.ok) throw new Error(await r.text());
  session = await r.text();
  const events = new EventSource('/api/events?session=' + encodeURIComponent(session));
  events.onopen = () => setConnection(true);
  events.onmessage = (m) => {
    const ev = JSON.parse(m.data);
    const c = consoles[ev.console];
    if (c) c.handle(ev);
  };
  events.onerror = () => {
    setConnection(false);
    if (events.readyState === EventSource.CLOSED) {
      // The server forgot the session (it was idle, or the server restarted): start anew.
      sessionReady = null;
      setTimeout(() => { getSession().then(evaluateLive); }, 1000);
    }
  };
  return session;
}

function setConnection(up) {
  const c = $('connection');
  c.className = 'connection ' + (up ? 'up' : 'down');
  c.textContent = up ? 'connected' : 'reconnecting…';
}

async function post(path, fields) {
  const id = await getSession();
  const body = new URLSearchParams({ session: id, ...fields });
  const r = await fetch(path, { method: 'POST', body });
  if (r.status === 404) {
    sessionReady = null;
    return post(path, fields);
  }
  if (!r.ok) throw new Error(await r.text());
}

// ------------------------------------------------------------------ the live REPL

const code = $('code');
const language = $('language');
const memory = $('memory');
const fuelInput = $('fuel');
const drafts = { lua: EXAMPLES.lua[0][1], bags: EXAMPLES.bags[0][1] };
let currentLanguage = language.value;
let debounce = 0;

function validNumber(input) {
  const n = Number(input.value);
  return input.value !== '' && Number.isInteger(n) && n >= Number(input.min) && n <= Number(input.max);
}

function scheduleLive() {
  clearTimeout(debounce);
  debounce = setTimeout(evaluateLive, DEBOUNCE_MS);
}

function evaluateLive() {
  showMemory();
  if (!validNumber(memory) || !validNumber(fuelInput)) return;
  const run = consoles.live.next();
  post('/api/eval', {
    console: 'live', run, code: code.value, language: language.value,
    memory: memory.value, fuel: fuelInput.value,
  }).catch(showFailure(consoles.live, run));
}

function showFailure(console, run) {
  return (e) => console.handle({ console: console.name, run, type: 'error', message: String(e.message || e), fuel: 0 });
}

function showMemory() {
  const hint = $('memory-hint');
  if (!validNumber(memory)) { hint.textContent = ''; return; }
  const bytes = 2 ** Number(memory.value);
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let u = 0;
  let v = bytes;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u += 1; }
  hint.textContent = '= ' + v + ' ' + units[u];
}

function showExamples() {
  const box = $('examples');
  box.replaceChildren(document.createTextNode('Examples:'));
  for (const [name, text] of EXAMPLES[language.value]) {
    const a = document.createElement('a');
    a.textContent = name;
    a.href = '#';
    a.addEventListener('click', (e) => {
      e.preventDefault();
      code.value = text;
      scheduleLive();
    });
    box.appendChild(a);
  }
}

code.addEventListener('input', scheduleLive);
memory.addEventListener('input', scheduleLive);
fuelInput.addEventListener('input', scheduleLive);
language.addEventListener('change', () => {
  drafts[currentLanguage] = code.value;
  currentLanguage = language.value;
  code.value = drafts[currentLanguage];
  showExamples();
  scheduleLive();
});

// Tab indents instead of leaving the code box.
for (const box of document.querySelectorAll('textarea')) {
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    box.setRangeText('  ', box.selectionStart, box.selectionEnd, 'end');
    box.dispatchEvent(new Event('input'));
  });
}

// "Am I broken?": counts on the page itself, whatever the server is running.
let brokenCount = 0;
$('broken').addEventListener('click', () => {
  brokenCount += 1;
  $('broken-count').textContent = String(brokenCount);
});

// ------------------------------------------------------------------ the paired REPLs

for (const side of ['left', 'right']) {
  $(side + '-run').addEventListener('click', () => {
    const c = consoles[side];
    const run = c.next();
    const fuelExp = validNumber(fuelInput) ? fuelInput.value : '9';
    const memExp = validNumber(memory) ? memory.value : '24';
    post('/api/eval', {
      console: side, run, code: $(side + '-code').value, language: 'lua', memory: memExp, fuel: fuelExp,
    }).catch(showFailure(c, run));
  });
  $(side + '-stop').addEventListener('click', () => {
    post('/api/stop', { console: side }).catch(showFailure(consoles[side], consoles[side].run));
  });
}

$('reset').addEventListener('click', () => {
  post('/api/reset', {}).then(() => {
    for (const side of ['left', 'right']) {
      const c = consoles[side];
      c.clear(c.next());
      c.line('fresh instance', 'note');
      c.setStatus('', '');
    }
  });
});

code.value = drafts.lua;
showExamples();
showMemory();
getSession().then(evaluateLive, (e) => showFailure(consoles.live, 0)(e));
