// Caseload UI: charts from data-chart specs, sortable tables, and the Explore page. No framework:
// the server renders pages; this file only adds what needs a browser.
(function () {
  'use strict';

  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { [header.content]: token.content } : {};
  };

  // Values formatted as the model says (the same rules as the server's Format).
  function format(value, fmt) {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'number' || !fmt) return String(value);
    const fixed = (d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
    if (fmt === 'integer') return fixed(0).format(value);
    if (fmt === 'minutes') return fixed(1).format(value) + ' min';
    let m = /^decimal_(\d)$/.exec(fmt);
    if (m) return fixed(+m[1]).format(value);
    m = /^percent_(\d)$/.exec(fmt);
    if (m) return fixed(+m[1]).format(value * 100) + '%';
    m = /^currency_([A-Z]{3})$/.exec(fmt);
    if (m) return new Intl.NumberFormat('en-US', { style: 'currency', currency: m[1] }).format(value);
    return String(value);
  }

  function renderChart(el, spec) {
    if (!window.echarts) return;
    const chart = echarts.getInstanceByDom(el) || echarts.init(el);
    const twoAxes = spec.series.length === 2 && spec.series[0].format !== spec.series[1].format;
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: undefined },
      legend: { top: 0 },
      grid: { left: 60, right: twoAxes ? 70 : 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: spec.x },
      yAxis: twoAxes
        ? spec.series.map((s) => ({ type: 'value', axisLabel: { formatter: (v) => format(v, s.format) } }))
        : [{ type: 'value', axisLabel: { formatter: (v) => format(v, spec.series[0] && spec.series[0].format) } }],
      series: spec.series.map((s, i) => ({
        name: s.name, type: spec.type === 'bar' ? 'bar' : 'line', data: s.data, yAxisIndex: twoAxes ? i : 0,
        showSymbol: spec.x.length < 60,
        markPoint: s.marks ? { data: s.marks.map((mk) => ({ coord: [mk.x, mk.y], value: '!', itemStyle: { color: '#c0392b' } })) } : undefined,
        tooltip: { valueFormatter: (v) => format(v, s.format) },
      })),
    }, true);
    window.addEventListener('resize', () => chart.resize());
  }

  function sortable(table) {
    table.querySelectorAll('thead th').forEach((th, col) => {
      th.addEventListener('click', () => {
        const body = table.tBodies[0];
        const asc = th.dataset.dir !== 'asc';
        table.querySelectorAll('thead th').forEach((h) => delete h.dataset.dir);
        th.dataset.dir = asc ? 'asc' : 'desc';
        const key = (tr) => {
          const td = tr.children[col];
          const raw = td.dataset.value;
          const n = raw === undefined || raw === '' ? NaN : Number(raw);
          return isNaN(n) ? (raw || td.textContent) : n;
        };
        [...body.rows].sort((a, b) => {
          const x = key(a), y = key(b);
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return asc ? c : -c;
        }).forEach((tr) => body.appendChild(tr));
      });
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-chart]').forEach((el) => {
      if (el.dataset.chart) renderChart(el, JSON.parse(el.dataset.chart));
    });
    document.querySelectorAll('table.sortable').forEach(sortable);
    const form = document.getElementById('explore-form');
    if (form) explore(form);
  });

  // --- Explore -------------------------------------------------------------------------------

  function explore(form) {
    const $ = (id) => document.getElementById(id);
    let controller = null;
    let last = null;

    const selected = (sel) => [...sel.selectedOptions].map((o) => o.value);
    const request = () => {
      const filters = $('filter').value.trim() ? $('filter').value.split(';').map((f) => {
        const m = /^\s*([a-z_]+)\s*(!=|=)\s*(.+)$/.exec(f);
        if (!m) throw new Error('filter: write dimension=value[,value] or dimension!=value');
        return { dimension: m[1], op: m[2] === '!=' ? 'not_in' : 'in', values: m[3].split(',').map((v) => v.trim()) };
      }) : [];
      return {
        metrics: selected($('metrics')), dimensions: selected($('dimensions')),
        grain: $('grain').value || null, from: $('from').value || null, to: $('to').value || null,
        filters, compare: $('compare').value || null,
      };
    };
    const csvUrl = (r) => {
      const p = new URLSearchParams();
      p.set('metrics', r.metrics.join(','));
      if (r.dimensions.length) p.set('dimensions', r.dimensions.join(','));
      ['grain', 'from', 'to', 'compare'].forEach((k) => { if (r[k]) p.set(k, r[k]); });
      r.filters.forEach((f) => p.append('filter', f.dimension + (f.op === 'not_in' ? '!=' : '=') + f.values.join(',')));
      return '/api/query.csv?' + p.toString();
    };

    const show = (id, on) => { $(id).hidden = !on; };

    async function run() {
      let body;
      try { body = request(); } catch (e) { return fail({ error: e.message }); }
      if (!body.metrics.length) return fail({ error: 'Pick at least one metric.', hint: 'Metrics are listed on the left; hold Ctrl or Cmd for several.' });
      controller = new AbortController();
      const started = performance.now();
      show('progress', true); show('cancel', true); show('error', false); show('empty', false);
      const timer = setInterval(() => { $('elapsed').textContent = ((performance.now() - started) / 1000).toFixed(1); }, 100);
      try {
        const res = await fetch('/api/query', {
          method: 'POST', signal: controller.signal,
          headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrf()),
          body: JSON.stringify(body),
        });
        const json = await res.json();
        if (!res.ok) return fail(json);
        last = { request: body, reply: json };
        render(json, body);
      } catch (e) {
        if (e.name === 'AbortError') fail({ error: 'Cancelled.', hint: 'Run again, perhaps with a shorter date range.' });
        else fail({ error: 'The server could not be reached.', hint: String(e) });
      } finally {
        clearInterval(timer);
        show('progress', false); show('cancel', false);
      }
    }

    function fail(err) {
      show('result', false);
      const box = $('error');
      box.textContent = '';
      const h = document.createElement('strong');
      h.textContent = err.error || 'Something went wrong.';
      box.appendChild(h);
      if (err.field) box.appendChild(document.createTextNode(' (' + err.field + ')'));
      if (err.hint) { const p = document.createElement('p'); p.textContent = err.hint; box.appendChild(p); }
      show('error', true);
    }

    function render(reply, body) {
      const cols = reply.columns;
      if (!reply.rows.length) { show('result', false); show('empty', true); return; }
      show('result', true);
      $('summary').textContent = reply.rows.length + ' rows in ' + reply.durationMs + ' ms';
      $('csv').href = csvUrl(body);
      $('sql').textContent = reply.sql;
      // Table: labels rather than keys for dimensions that have both.
      const labelled = new Set(cols.filter((c) => c.type === 'dimension_label').map((c) => c.name.replace(/_label$/, '')));
      const visible = cols.map((c, i) => ({ c, i })).filter(({ c }) => !(c.type === 'dimension_key' && labelled.has(c.name)));
      const table = document.createElement('table');
      table.className = 'data sortable';
      table.id = 'result-table';
      const head = table.createTHead().insertRow();
      visible.forEach(({ c }) => { const th = document.createElement('th'); th.textContent = c.label; if (c.format) th.className = 'num'; head.appendChild(th); });
      const tb = table.createTBody();
      const marks = new Map((reply.outliers || []).map((m) => [m.row + ':' + m.column, m]));
      reply.rows.forEach((row, r) => {
        const tr = tb.insertRow();
        visible.forEach(({ c, i }) => {
          const td = tr.insertCell();
          td.textContent = format(row[i], c.format);
          td.dataset.value = row[i] === null ? '' : row[i];
          if (c.format) td.className = 'num';
          const mark = marks.get(r + ':' + i);
          if (mark) {
            td.classList.add('outlier', mark.tone);
            td.title = 'stands out: z = ' + mark.z.toFixed(1);
          }
        });
      });
      $('table-wrap').replaceChildren(table);
      sortable(table);
      const view = $('view').value;
      show('chart', view !== 'table');
      if (view !== 'table') renderChart($('chart'), chartSpec(reply, visible, view));
    }

    // x: the time column, else the first dimension; one series per metric (or per member of a dimension over time).
    function chartSpec(reply, visible, type) {
      const cols = reply.columns;
      const time = cols.findIndex((c) => c.type === 'time');
      const dim = visible.find(({ c }) => c.type === 'dimension_label' || c.type === 'dimension_key');
      const metrics = cols.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'metric');
      if (time >= 0 && dim) {
        const xs = [...new Set(reply.rows.map((r) => r[time]))];
        const members = [...new Set(reply.rows.map((r) => r[dim.i]))];
        const m = metrics[0];
        return { type, x: xs, series: members.map((mem) => ({ name: String(mem), format: m.c.format,
          data: xs.map((x) => { const r = reply.rows.find((row) => row[time] === x && row[dim.i] === mem); return r ? r[m.i] : null; }) })) };
      }
      const x = time >= 0 ? time : dim ? dim.i : -1;
      const xs = reply.rows.map((r) => (x >= 0 ? String(r[x]) : 'all'));
      return { type, x: xs,
        series: metrics.map(({ c, i }) => ({ name: c.label, format: c.format, data: reply.rows.map((r) => r[i]),
          marks: (reply.outliers || []).filter((m) => m.column === i).map((m) => ({ x: xs[m.row], y: reply.rows[m.row][i] })) })) };
    }

    async function post(url, payload, note) {
      const res = await fetch(url, { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, csrf()), body: JSON.stringify(payload) });
      const json = await res.json().catch(() => ({}));
      $('saved-note').textContent = res.ok ? note : (json.error || 'failed');
    }

    form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
    $('cancel').addEventListener('click', () => controller && controller.abort());
    $('view').addEventListener('change', () => last && render(last.reply, last.request));
    $('show-sql').addEventListener('click', () => { $('sql-panel').hidden = !$('sql-panel').hidden; });
    $('copy-sql').addEventListener('click', async () => {
      const text = $('sql').textContent;
      try { await navigator.clipboard.writeText(text); } catch (e) {
        const range = document.createRange(); range.selectNodeContents($('sql'));
        const s = getSelection(); s.removeAllRanges(); s.addRange(range); document.execCommand('copy');
      }
      $('copy-sql').textContent = 'Copied';
      setTimeout(() => { $('copy-sql').textContent = 'Copy'; }, 1500);
    });
    $('save').addEventListener('click', () => last && post('/api/explorations',
      { name: $('save-name').value || 'Untitled', chartType: $('view').value, request: last.request }, 'Saved.'));
    $('add-tile').addEventListener('click', () => last && post('/api/dashboards/' + $('dashboard').value + '/tiles',
      { title: $('save-name').value || last.request.metrics.join(', '), chartType: $('view').value, request: last.request }, 'Added to the dashboard.'));

    // A saved exploration fills the form and runs.
    if (form.dataset.saved) {
      const r = JSON.parse(form.dataset.saved);
      [...$('metrics').options].forEach((o) => { o.selected = (r.metrics || []).includes(o.value); });
      [...$('dimensions').options].forEach((o) => { o.selected = (r.dimensions || []).includes(o.value); });
      $('grain').value = r.grain || '';
      $('from').value = r.from || '';
      $('to').value = r.to || '';
      $('compare').value = r.compare || '';
      $('filter').value = (r.filters || []).map((f) => f.dimension + (f.op === 'not_in' ? '!=' : '=') + f.values.join(',')).join(';');
      run();
    } else {
      const params = new URLSearchParams(location.search);
      if (params.get('metrics')) {
        [...$('metrics').options].forEach((o) => { o.selected = params.get('metrics').split(',').includes(o.value); });
        [...$('dimensions').options].forEach((o) => { o.selected = (params.get('dimensions') || '').split(',').includes(o.value); });
        ['grain', 'from', 'to', 'filter'].forEach((k) => { if (params.has(k)) $(k).value = params.get(k); });
        run();
      }
    }
  }
})();
