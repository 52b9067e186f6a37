// The ops room dashboard: served by stats-service itself, no CDN, charts drawn as plain SVG.
// Live updates arrive as server-sent events, reconnecting after a pause if the stream drops.
(function () {
  'use strict';

  // The ops room's figures need an analyst's token. It is handed over once in the address
  // (#token=...), kept for this tab only, and taken out of the address at once so that it is
  // neither bookmarked nor shown on the screen. EventSource cannot send a header, so the
  // stream is read with fetch.
  var token = (function () {
    var match = /[#&]token=([^&]+)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem('hotline-token', decodeURIComponent(match[1]));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return sessionStorage.getItem('hotline-token');
  }());

  function authorised(headers) {
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return headers;
  }

  // The hotline opened on 2022-09-18: the monthly chart starts in that month.
  var LAUNCH_MONTH = '2022-09-01';
  var SVG = 'http://www.w3.org/2000/svg';
  var FUNNEL = ['REQUESTED', 'VERIFIED', 'SURRENDER_ARRANGED', 'IN_CUSTODY'];
  var number = new Intl.NumberFormat('en-GB');

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function svgElement(name, attributes, content) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (content !== undefined) { element.textContent = content; }
    return element;
  }

  function clear(svg) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    return svg;
  }

  // Vertical bars with a label under each and the value above it.
  function columns(svg, labels, values) {
    clear(svg);
    var width = svg.clientWidth || 600, height = svg.clientHeight || 240, bottom = 30, top = 16;
    var max = Math.max.apply(null, values.concat([1]));
    var step = width / Math.max(values.length, 1);
    // With many months, only every n-th label fits; values are then left to the tooltip.
    var labelEvery = Math.ceil(56 / step);
    values.forEach(function (value, i) {
      var barHeight = (height - bottom - top) * value / max;
      var x = i * step + step * 0.15;
      var bar = svgElement('rect', { 'class': 'bar', x: x, y: height - bottom - barHeight,
        width: step * 0.7, height: barHeight, 'data-value': value });
      bar.appendChild(svgElement('title', {}, labels[i] + ': ' + number.format(value)));
      svg.appendChild(bar);
      if (step >= 40) {
        svg.appendChild(svgElement('text', { x: x, y: height - bottom - barHeight - 4 }, number.format(value)));
      }
      if (i % labelEvery === 0) {
        svg.appendChild(svgElement('text', { x: x, y: height - bottom + 14 }, labels[i]));
      }
    });
  }

  // Horizontal bars, one per row, each with its label and value.
  function rows(svg, labels, values, format) {
    clear(svg);
    var width = svg.clientWidth || 600, height = svg.clientHeight || 240, left = 150, right = 70;
    var max = Math.max.apply(null, values.concat([1]));
    var step = height / Math.max(values.length, 1);
    values.forEach(function (value, i) {
      var y = i * step + step * 0.2;
      svg.appendChild(svgElement('text', { x: 0, y: y + step * 0.45 }, labels[i]));
      svg.appendChild(svgElement('rect', { 'class': i % 2 ? 'bar alt' : 'bar', x: left, y: y,
        width: (width - left - right) * value / max, height: step * 0.6, 'data-value': value }));
      svg.appendChild(svgElement('text', { x: left + (width - left - right) * value / max + 6, y: y + step * 0.45 },
        format(value)));
    });
  }

  function render(summary) {
    var contacts = summary.contacts, requests = summary.surrenderRequests, cases = summary.cases;
    text('contacts-total', number.format(contacts.total));
    text('last1h', number.format(contacts.last1h));
    text('last24h', number.format(contacts.last24h));
    text('last7d', number.format(contacts.last7d));
    text('last30d', number.format(contacts.last30d));
    text('requests-this-month', number.format(requests.thisMonth));
    text('requests-previous-month', number.format(requests.previousMonth));
    text('requests-change', requests.monthOverMonthChange === null ? '–'
      : (requests.monthOverMonthChange >= 0 ? '+' : '') + (requests.monthOverMonthChange * 100).toFixed(1) + ' %');
    var updated = document.getElementById('updated');
    updated.textContent = new Date(summary.asOf).toLocaleString('en-GB', { timeZone: summary.timeZone })
      + ' (' + summary.timeZone + ')';
    updated.setAttribute('datetime', summary.asOf);

    var origins = Object.keys(contacts.byOrigin);
    rows(document.getElementById('origin-chart'), origins,
      origins.map(function (o) { return contacts.byOrigin[o].share * 100; }),
      function (value) { return value.toFixed(1) + ' %'; });
    rows(document.getElementById('funnel-chart'), FUNNEL,
      FUNNEL.map(function (state) { return cases.funnel[state]; }), number.format);

    var table = document.getElementById('cases-by-state');
    table.innerHTML = '';
    Object.keys(cases.byState).forEach(function (state) {
      var row = table.insertRow();
      row.insertCell().textContent = state;
      var count = row.insertCell();
      count.className = 'count';
      count.id = 'state-' + state;
      count.textContent = number.format(cases.byState[state]);
    });
    refreshMonthlyRequests(summary.asOf.substring(0, 10));
  }

  function refreshMonthlyRequests(today) {
    var to = today < LAUNCH_MONTH ? LAUNCH_MONTH : today;
    fetch('/api/v1/stats/series?metric=surrenderRequests&granularity=month&from=' + LAUNCH_MONTH + '&to=' + to,
      { headers: authorised({}) })
      .then(function (response) { return response.json(); })
      .then(function (series) {
        columns(document.getElementById('requests-chart'),
          series.buckets.map(function (b) { return b.start.substring(0, 7); }),
          series.buckets.map(function (b) { return b.total; }));
      });
  }

  var connection = document.getElementById('connection');

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
    fetch('/api/v1/stats/stream', { headers: authorised({ Accept: 'text/event-stream' }) })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          // Asking again will not help: say what is missing and stop.
          status('needs an analyst token: open this page with #token=…', 'offline');
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
            events.map(dataOf).filter(Boolean).forEach(function (data) { render(JSON.parse(data)); });
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
  listen();
}());
