// The ops room dashboard: served by stats-service itself, no CDN, charts drawn as plain SVG, every
// chart with a data table beside it. No inline script or style anywhere (the page runs under
// Content-Security-Policy default-src 'self'): colours come from classes in dashboard.css.
// Live updates arrive as server-sent events; each also refreshes the series, the overdue list and
// the status strip (at most every few seconds), reconnecting after a pause if the stream drops.
(function () {
  'use strict';

  // The page is opened signed in: stats-service sent the browser through the identity provider's
  // login first (OpenID Connect code flow), and the session is an HTTP-only cookie that this script
  // never sees and the browser sends with every call below. EventSource cannot say why it was
  // refused, so the stream is read with fetch.

  // A call refused for want of a session (it ended) or of the analyst role: said on the page.
  function refused(status) {
    if (status === 401) {
      document.getElementById('session').textContent = 'Your session has ended.';
      document.getElementById('sign-in-again').hidden = false;
    } else {
      document.getElementById('session').textContent =
        'Your account does not hold the analyst role: the figures are not shown.';
    }
  }

  var SVG = 'http://www.w3.org/2000/svg';
  var FUNNEL = ['REQUESTED', 'VERIFIED', 'SURRENDER_ARRANGED', 'IN_CUSTODY'];
  var DEADLINES = { captureCard: 'Capture card (Art. 70)', familyContact: 'Family contact',
    informationBureau: 'Information bureau (Art. 122)' };
  var METRICS = { contacts: 'All contacts', surrenderRequests: 'Surrender requests', casesOpened: 'Cases opened',
    'entered.VERIFIED': 'Cases verified', 'entered.IN_CUSTODY': 'Cases reaching custody' };
  var REFRESH_MS = 5000;
  var number = new Intl.NumberFormat('en-GB');
  var timeZone = 'Europe/Kyiv';

  function byId(id) { return document.getElementById(id); }

  function text(id, value) { byId(id).textContent = value; }

  function get(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 401 || response.status === 403) { refused(response.status); }
        if (!response.ok) {
          var error = new Error(body.detail || ('answered ' + response.status));
          error.problem = body;
          throw error;
        }
        return body;
      });
    });
  }

  // ---- drawing -------------------------------------------------------------------------------

  function svgElement(name, attributes, content) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (content !== undefined) { element.textContent = content; }
    return element;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  // Round steps (1, 2, 5 × 10^n) from 0 to at least max, about five of them.
  function ticks(max) {
    if (max <= 0) { return [0, 1]; }
    var raw = max / 5, power = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (f) { return f * power; }).filter(function (s) { return s >= raw; })[0];
    step = Math.max(1, step);
    var values = [];
    for (var v = 0; v < max + step; v += step) { values.push(v); }
    return values;
  }

  function compact(value) {
    if (value >= 1e6) { return (value / 1e6).toFixed(value % 1e6 ? 1 : 0) + 'M'; }
    if (value >= 1e4) { return (value / 1e3).toFixed(0) + 'k'; }
    return number.format(value);
  }

  // Vertical bars over the periods, stacked by group when there are several series; a y axis with
  // round ticks and grid lines, an x axis with as many period labels as fit, and each total above
  // its bar when there is room.
  function columns(svg, labels, series) {
    clear(svg);
    var width = svg.clientWidth || 600, height = svg.clientHeight || 260;
    var left = 52, right = 8, top = 16, bottom = 34;
    var totals = labels.map(function (label, i) {
      return series.reduce(function (sum, s) { return sum + s.values[i]; }, 0);
    });
    var scale = ticks(Math.max.apply(null, totals.concat([0])));
    var max = scale[scale.length - 1], plotHeight = height - top - bottom;
    function y(value) { return top + plotHeight - plotHeight * value / max; }
    scale.forEach(function (tick) {
      svg.appendChild(svgElement('line', { 'class': 'grid', x1: left, x2: width - right, y1: y(tick), y2: y(tick) }));
      svg.appendChild(svgElement('text', { 'class': 'tick', x: left - 6, y: y(tick) + 4, 'text-anchor': 'end' },
        compact(tick)));
    });
    svg.appendChild(svgElement('line', { 'class': 'axis', x1: left, x2: left, y1: top, y2: top + plotHeight }));
    svg.appendChild(svgElement('line', { 'class': 'axis', x1: left, x2: width - right, y1: top + plotHeight,
      y2: top + plotHeight }));
    var step = (width - left - right) / Math.max(labels.length, 1);
    var labelEvery = Math.ceil(64 / step);
    labels.forEach(function (label, i) {
      var x = left + i * step + step * 0.15, base = 0;
      series.forEach(function (s, g) {
        var value = s.values[i];
        var bar = svgElement('rect', { 'class': 'bar g' + (series.length > 1 ? g % 8 : 0), x: x, width: step * 0.7,
          y: y(base + value), height: y(base) - y(base + value), 'data-value': value });
        bar.appendChild(svgElement('title', {}, label + (s.name ? ' · ' + s.name : '') + ': ' + number.format(value)));
        svg.appendChild(bar);
        base += value;
      });
      if (step >= 34) {
        svg.appendChild(svgElement('text', { 'class': 'value', x: x + step * 0.35, y: y(totals[i]) - 4,
          'text-anchor': 'middle' }, compact(totals[i])));
      }
      if (i % labelEvery === 0) {
        svg.appendChild(svgElement('text', { 'class': 'tick', x: x + step * 0.35, y: top + plotHeight + 16,
          'text-anchor': 'middle' }, label));
      }
    });
  }

  // Horizontal bars, one per row, each with its label and its value; a value axis underneath,
  // its ticks written by tickFormat (shorter than the values') when given.
  function rows(svg, labels, values, format, tickFormat) {
    clear(svg);
    var width = svg.clientWidth || 600, height = svg.clientHeight || 200, left = 150, right = 70, bottom = 22;
    var scale = ticks(Math.max.apply(null, values.concat([0])));
    var max = scale[scale.length - 1], plotWidth = width - left - right;
    var step = (height - bottom) / Math.max(values.length, 1);
    function x(value) { return left + plotWidth * value / max; }
    scale.forEach(function (tick) {
      svg.appendChild(svgElement('line', { 'class': 'grid', x1: x(tick), x2: x(tick), y1: 0, y2: height - bottom }));
      svg.appendChild(svgElement('text', { 'class': 'tick', x: x(tick), y: height - 6, 'text-anchor': 'middle' },
        (tickFormat || format)(tick)));
    });
    svg.appendChild(svgElement('line', { 'class': 'axis', x1: left, x2: left, y1: 0, y2: height - bottom }));
    values.forEach(function (value, i) {
      var y = i * step + step * 0.2;
      svg.appendChild(svgElement('text', { x: 0, y: y + step * 0.4 }, labels[i]));
      var bar = svgElement('rect', { 'class': i % 2 ? 'bar alt' : 'bar', x: left, y: y,
        width: x(value) - left, height: step * 0.6, 'data-value': value });
      bar.appendChild(svgElement('title', {}, labels[i] + ': ' + format(value)));
      svg.appendChild(bar);
      svg.appendChild(svgElement('text', { 'class': 'value', x: x(value) + 6, y: y + step * 0.4 }, format(value)));
    });
  }

  // A data table: a header row, then one row per entry; numbers right-aligned.
  function table(id, headers, body) {
    var element = byId(id);
    var head = clear(element.tHead || element.createTHead()), rowsOf = clear(element.tBodies[0]);
    var headRow = head.insertRow();
    headers.forEach(function (header, i) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = header;
      if (i > 0) { th.className = 'count'; }
      headRow.appendChild(th);
    });
    body.forEach(function (cells) {
      var row = rowsOf.insertRow();
      cells.forEach(function (cell, i) {
        var td;
        if (i === 0) {
          td = document.createElement('th');
          td.scope = 'row';
          row.appendChild(td);
        } else {
          td = row.insertCell();
        }
        if (cell instanceof Node) {
          td.appendChild(cell);
        } else {
          td.textContent = cell;
        }
        if (typeof cell === 'string' && /^[-+]?[\d,.]+( %| h)?$/.test(cell) && i > 0) { td.className = 'count'; }
      });
    });
  }

  // ---- the summary ---------------------------------------------------------------------------

  function render(summary) {
    var contacts = summary.contacts, requests = summary.surrenderRequests, cases = summary.cases;
    timeZone = summary.timeZone;
    text('contacts-total', number.format(contacts.total));
    text('last1h', number.format(contacts.last1h));
    text('last24h', number.format(contacts.last24h));
    text('last7d', number.format(contacts.last7d));
    text('last30d', number.format(contacts.last30d));
    text('requests-this-month', number.format(requests.thisMonth));
    text('requests-previous-month', number.format(requests.previousMonth));
    text('requests-change', requests.monthOverMonthChange === null ? '–'
      : (requests.monthOverMonthChange >= 0 ? '+' : '') + (requests.monthOverMonthChange * 100).toFixed(1) + ' %');
    var median = cases.medianRequestToCustody;
    text('median-to-custody', median ? median.hours.toFixed(1) + ' h' : '–');
    text('median-cases', median ? 'over ' + number.format(median.cases) + ' cases' : 'no case reached custody yet');
    var updated = byId('updated');
    updated.textContent = localTime(summary.asOf) + ' (' + summary.timeZone + ')';
    updated.setAttribute('datetime', summary.asOf);

    var origins = Object.keys(contacts.byOrigin);
    rows(byId('origin-chart'), origins,
      origins.map(function (o) { return contacts.byOrigin[o].share * 100; }),
      function (value) { return value.toFixed(1) + ' %'; }, function (tick) { return tick + '%'; });
    table('origin-table', ['Origin', 'Contacts', 'Share'], origins.map(function (o) {
      return [o, number.format(contacts.byOrigin[o].count), (contacts.byOrigin[o].share * 100).toFixed(1) + ' %'];
    }));

    var funnel = FUNNEL.map(function (state) { return cases.funnel[state]; });
    rows(byId('funnel-chart'), FUNNEL, funnel, number.format);
    table('funnel-table', ['Stage', 'Cases', 'Of requests'], FUNNEL.map(function (state) {
      var requested = cases.funnel.REQUESTED;
      return [state, number.format(cases.funnel[state]),
        requested ? (cases.funnel[state] * 100 / requested).toFixed(1) + ' %' : '–'];
    }));

    var modes = Object.keys(cases.custodyByMode);
    rows(byId('custody-chart'), modes, modes.map(function (m) { return cases.custodyByMode[m]; }), number.format);
    table('custody-table', ['Mode', 'Cases'], modes.map(function (m) {
      return [m, number.format(cases.custodyByMode[m])];
    }));

    var states = Object.keys(cases.byState);
    rows(byId('state-chart'), states, states.map(function (s) { return cases.byState[s]; }), number.format);
    table('cases-by-state', ['State', 'Cases'], states.map(function (s) { return [s, number.format(cases.byState[s])]; }));
    states.forEach(function (s, i) { byId('cases-by-state').tBodies[0].rows[i].cells[1].id = 'state-' + s; });

    Object.keys(DEADLINES).forEach(function (name) {
      text('overdue-' + name, number.format(cases.overdueByDeadline[name]));
    });
  }

  function localTime(instant) {
    return new Date(instant).toLocaleString('en-GB', { timeZone: timeZone });
  }

  // ---- the series and its filters ------------------------------------------------------------

  function isoDate(date) { return date.toISOString().substring(0, 10); }

  // The last twelve months that hold data: from the first day of the eleventh month before the
  // last day with a contact, but not before the first one.
  function defaultRange(extent) {
    var last = extent.last || isoDate(new Date());
    var start = new Date(last.substring(0, 7) + '-01T00:00:00Z');
    start.setUTCMonth(start.getUTCMonth() - 11);
    var from = isoDate(start);
    if (extent.first && extent.first > from) { from = extent.first; }
    byId('from').value = from;
    byId('to').value = last;
  }

  function resetRange() {
    return get('/api/v1/stats/extent').then(defaultRange, function () { defaultRange({}); });
  }

  // Cases can only be split by origin: the other groupings are offered for contacts only.
  function offerGroupings() {
    var contactsOnly = ['contacts', 'surrenderRequests'].indexOf(byId('metric').value) < 0;
    Array.prototype.forEach.call(byId('group-by').options, function (option) {
      option.disabled = contactsOnly && (option.value === 'channel' || option.value === 'purpose');
    });
    if (byId('group-by').selectedOptions[0].disabled) { byId('group-by').value = 'origin'; }
  }

  function label(bucket, granularity) {
    return granularity === 'month' ? bucket.start.substring(0, 7) : bucket.start;
  }

  // Only the answer to the latest request is drawn, whatever order the answers come in.
  var seriesRequests = 0;

  function loadSeries() {
    var mine = ++seriesRequests;
    var metric = byId('metric').value, granularity = byId('granularity').value, groupBy = byId('group-by').value;
    var query = 'metric=' + encodeURIComponent(metric) + '&granularity=' + granularity
      + '&from=' + encodeURIComponent(byId('from').value) + '&to=' + encodeURIComponent(byId('to').value)
      + (groupBy ? '&groupBy=' + groupBy : '');
    return get('/api/v1/stats/series?' + query).then(function (series) {
      if (mine !== seriesRequests) { return; }
      text('series-error', '');
      byId('series-error').className = 'error';
      var title = METRICS[metric] + ' per ' + granularity + (groupBy ? ' by ' + groupBy : '') + ', '
        + series.from + ' to ' + series.to + ' (' + series.timeZone + ')';
      text('series-title', title);
      text('series-caption', title);
      var labels = series.buckets.map(function (b) { return label(b, granularity); });
      var groups = groupBy ? Object.keys(series.buckets.length ? series.buckets[0].groups : {}) : [];
      var drawn = groups.length ? groups.map(function (g) {
        return { name: g, values: series.buckets.map(function (b) { return b.groups[g]; }) };
      }) : [{ name: '', values: series.buckets.map(function (b) { return b.total; }) }];
      columns(byId('series-chart'), labels, drawn);
      var legend = clear(byId('series-legend'));
      groups.forEach(function (g, i) {
        var item = document.createElement('li'), swatch = document.createElement('span');
        swatch.className = 'swatch g' + (i % 8);
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(g));
        legend.appendChild(item);
      });
      table('series-table', [granularity === 'month' ? 'Month' : granularity === 'week' ? 'Week from' : 'Day']
        .concat(groups).concat(['Total']), series.buckets.map(function (b, i) {
        return [labels[i]].concat(groups.map(function (g) { return number.format(b.groups[g]); }))
          .concat([number.format(b.total)]);
      }));
    }, function (error) {
      if (mine !== seriesRequests) { return; }
      var problem = error.problem || {};
      var message = problem.detail || error.message;
      (problem.errors || []).forEach(function (e) { message += ' ' + e.field + ': ' + e.message + '.'; });
      byId('series-error').className = 'error shown';
      text('series-error', message);
    });
  }

  // ---- the overdue list and the status strip -------------------------------------------------

  function days(hours) {
    return hours >= 48 ? (hours / 24).toFixed(1) + ' days' : hours.toFixed(1) + ' h';
  }

  function loadOverdue() {
    return get('/api/v1/stats/overdue').then(function (overdue) {
      var withReferences = overdue.items.some(function (item) { return item.reference; });
      text('overdue-note', number.format(overdue.total) + ' overdue in all'
        + (overdue.total > overdue.items.length ? ', the ' + overdue.items.length + ' longest overdue listed' : '')
        + (overdue.items.length && !withReferences
          ? '. Case references are shown only to analysts who also hold the case-officer role.' : '.'));
      table('overdue-table', ['Case', 'Origin', 'Deadline', 'In custody since', 'Due', 'Overdue by'],
        overdue.items.map(function (item) {
          var reference;
          if (item.link) {
            reference = document.createElement('a');
            reference.href = item.link;
            reference.rel = 'noopener';
            reference.textContent = item.reference;
          } else {
            reference = 'hidden';
          }
          return [reference, item.origin, DEADLINES[item.deadline] || item.deadline, localTime(item.custodyAt),
            localTime(item.due), days(item.overdueHours)];
        }));
    }, function () { text('overdue-note', 'The overdue list cannot be read just now.'); });
  }

  function duration(seconds) {
    if (seconds < 120) { return seconds.toFixed(0) + ' s'; }
    if (seconds < 7200) { return (seconds / 60).toFixed(0) + ' min'; }
    return (seconds / 3600).toFixed(1) + ' h';
  }

  var SHOW = {
    outboxAge: function (s) { return duration(s.value); },
    consumerLag: function (s) { return number.format(s.value) + ' records'; },
    deadLetters: function (s) { return number.format(s.value); },
    lastEvent: function (s) {
      return new Date(s.at).toLocaleTimeString('en-GB', { timeZone: timeZone }) + ' (' + duration(s.value) + ' ago)';
    }
  };

  function loadStatus() {
    return get('/api/v1/stats/status').then(function (status) {
      status.signals.forEach(function (signal) {
        var tile = byId('status-' + signal.name);
        if (!tile) { return; }
        var level = signal.level.toLowerCase();
        tile.className = 'signal ' + level;
        tile.setAttribute('data-level', signal.level);
        var shown = SHOW[signal.name];
        tile.querySelector('.value').textContent = signal.value === null ? '–' : shown(signal);
        tile.querySelector('.level').textContent = level === 'ok' ? 'OK' : level;
        tile.title = (signal.detail || '') + ' — amber from ' + signal.amber + ', red from ' + signal.red
          + ' ' + signal.unit;
      });
    }, function () {
      Array.prototype.forEach.call(document.querySelectorAll('.signal'), function (tile) {
        tile.className = 'signal unknown';
        tile.setAttribute('data-level', 'UNKNOWN');
        tile.querySelector('.level').textContent = 'unknown';
      });
    });
  }

  // Each live update refreshes what the summary does not carry, at most every REFRESH_MS.
  var lastRefresh = 0, pending = null;
  function refreshAround() {
    var wait = lastRefresh + REFRESH_MS - Date.now();
    if (wait > 0) {
      if (!pending) { pending = setTimeout(function () { pending = null; refreshAround(); }, wait); }
      return;
    }
    lastRefresh = Date.now();
    loadSeries();
    loadOverdue();
    loadStatus();
  }

  // ---- the live stream -----------------------------------------------------------------------

  var connection = byId('connection');

  function status(textContent, className) {
    connection.textContent = textContent;
    connection.className = className;
  }

  // One server-sent event: its data lines joined, or '' for a comment or keep-alive.
  function dataOf(event) {
    return event.split(/\r?\n/)
      .filter(function (line) { return line.indexOf('data:') === 0; })
      .map(function (line) { return line.substring(5).replace(/^ /, ''); })
      .join('\n');
  }

  function listen() {
    fetch('/api/v1/stats/stream', { headers: { Accept: 'text/event-stream' } })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          // Asking again will not help: say what is missing and stop.
          refused(response.status);
          status(response.status === 401 ? 'signed out' : 'not allowed', 'offline');
          return undefined;
        }
        if (!response.ok) { throw new Error('stream answered ' + response.status); }
        status('live', '');
        var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = '';
        function read() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { throw new Error('stream ended'); }
            buffer += decoder.decode(chunk.value, { stream: true });
            var events = buffer.split(/\r?\n\r?\n/);
            buffer = events.pop();
            events.map(dataOf).filter(Boolean).forEach(function (data) {
              render(JSON.parse(data));
              refreshAround();
            });
            return read();
          });
        }
        return read();
      })
      .catch(function () {
        status('reconnecting…', 'offline');
        setTimeout(listen, 3000);
      });
  }

  byId('filters').addEventListener('submit', function (event) {
    event.preventDefault();
    loadSeries();
  });
  ['metric', 'granularity', 'group-by'].forEach(function (id) {
    byId(id).addEventListener('change', function () {
      if (id === 'metric') { offerGroupings(); }
      loadSeries();
    });
  });
  byId('reset-range').addEventListener('click', function () { resetRange().then(loadSeries); });

  offerGroupings();
  resetRange().then(function () {
    loadSeries();
    loadOverdue();
    loadStatus();
  });
  listen();
}());
