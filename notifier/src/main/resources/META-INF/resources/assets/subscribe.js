// The subscribe form of the home page: sends the subscription API's JSON (POST /api/subscriptions) and says what
// happened. A file, not an inline script: the pages' Content-Security-Policy allows scripts from this origin only.
'use strict';

(function () {
  const form = document.getElementById('subscribe-form');
  const result = document.getElementById('subscribe-result');
  if (!form || !result) {
    return;
  }

  // Text boxes hold one entry a line (commas also separate).
  function entries(data, name) {
    return String(data.get(name) || '').split(/[\n,，]/).map((s) => s.trim()).filter((s) => s.length > 0);
  }

  function say(kind, lines) {
    result.className = kind;
    result.textContent = lines.join('\n');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      email: String(data.get('email') || '').trim(),
      filters: {
        keywords: entries(data, 'keywords'),
        topics: data.getAll('topics'),
        kinds: data.getAll('kinds'),
        stages: data.getAll('stages'),
        idPrefixes: entries(data, 'idPrefixes'),
        changeTypes: data.getAll('changeTypes'),
      },
      delivery: data.get('delivery') || 'INSTANT',
      language: data.get('language') || 'both',
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    say('', ['正在发送… / Sending…']);
    try {
      const response = await fetch(form.dataset.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status === 202) {
        // The same answer whether or not the address was known: nobody learns who subscribes.
        say('ok', ['请查收邮件：如果该地址可以收信，确认链接已发出。点击链接后才会开始提醒。',
          'Check your mail: if this address can receive mail, a confirmation link is on its way. '
            + 'Alerts start only once you follow it.']);
        form.reset();
      } else if (response.status === 429) {
        say('error', ['请求过多，请稍后再试。', 'Too many requests; please try again later.']);
      } else {
        let reason = '';
        try {
          reason = (await response.json()).error || '';
        } catch (e) {
          reason = '';
        }
        say('error', ['未能订阅（' + response.status + '）：' + reason,
          'Not subscribed (' + response.status + '): ' + reason]);
      }
    } catch (e) {
      say('error', ['无法连接服务，请稍后再试。', 'Could not reach the service; please try again later.']);
    } finally {
      button.disabled = false;
    }
  });
}());
