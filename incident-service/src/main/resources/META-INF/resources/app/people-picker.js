// Who was there: one picker for the report form (quick "client missing" path and full form) and the "add someone who
// was there" page. It lists the site's people from incident-service's own copy of the organisation, those on shift now
// first, as large tap targets: each person is not there, involved or a witness. The reporter is pre-selected,
// "Everyone on shift" marks all on shift as involved in one tap, and a staff id can be typed only as a fallback (a
// person not listed, or no signal to load the list). The server refuses anyone who does not work at the site.
(function () {
  'use strict';

  var NONE = '', INVOLVED = 'involved', WITNESS = 'witness';
  var counter = 0;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }
  function $(selector, root) { return root.querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function build(picker) {
    if (picker.getAttribute('data-built')) { return; }
    picker.setAttribute('data-built', 'true');
    var id = 'picker-' + (++counter);
    picker.setAttribute('data-picker-id', id);
    var status = el('p', 'people-status hint');
    status.setAttribute('role', 'status');
    var all = el('button', 'people-all', 'Everyone on shift');
    all.type = 'button';
    all.hidden = true;
    all.addEventListener('click', function () { everyoneOnShift(picker); });
    var list = el('ul', 'people-list');
    var other = el('div', 'people-other');
    var otherLabel = el('label', null, 'Someone not listed? Their staff id');
    otherLabel.setAttribute('for', id + '-other');
    var row = el('div', 'people-other-row');
    var input = el('input');
    input.id = id + '-other';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('autocapitalize', 'none');
    var add = el('button', 'people-add', 'Add');
    add.type = 'button';
    add.addEventListener('click', function () {
      var typed = input.value.trim();
      if (!typed) { input.focus(); return; }
      var existing = rowOf(picker, typed);
      if (existing) { choose(existing, INVOLVED); } else { addPerson(picker, { id: typed, name: typed, onShift: false, typed: true }, INVOLVED); }
      input.value = '';
      input.focus();
    });
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); add.click(); } });
    row.appendChild(input);
    row.appendChild(add);
    other.appendChild(otherLabel);
    other.appendChild(row);
    picker.appendChild(status);
    picker.appendChild(all);
    picker.appendChild(list);
    picker.appendChild(other);
  }

  function rowOf(picker, personId) {
    return $all('.person', picker).filter(function (li) { return li.getAttribute('data-person') === personId; })[0] || null;
  }

  function choose(li, value) {
    $all('input[type=radio]', li).forEach(function (r) { r.checked = r.value === value; });
  }

  function addPerson(picker, person, selected, fixed) {
    var list = $('.people-list', picker);
    var li = el('li', 'person' + (person.onShift ? ' on-shift' : ''));
    li.setAttribute('data-person', person.id);
    var name = el('span', 'person-name', person.name);
    if (person.onShift) { name.appendChild(el('span', 'badge', 'On shift')); }
    if (person.id === picker.getAttribute('data-reporter')) { name.appendChild(el('span', 'badge you', 'You')); }
    if (person.typed) { name.appendChild(el('span', 'badge', 'Typed id')); }
    li.appendChild(name);
    if (fixed) {
      li.classList.add('fixed');
      li.appendChild(el('span', 'person-fixed', fixed));
      list.appendChild(li);
      return li;
    }
    var group = el('div', 'person-choice');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', person.name);
    var radioName = picker.getAttribute('data-picker-id') + '-' + list.children.length;
    [[NONE, 'Not there'], [INVOLVED, 'Involved'], [WITNESS, 'Witness']].forEach(function (choice) {
      var label = el('label', 'chip');
      var radio = el('input');
      radio.type = 'radio';
      radio.name = radioName;
      radio.value = choice[0];
      radio.checked = choice[0] === (selected || NONE);
      label.appendChild(radio);
      label.appendChild(document.createTextNode(' ' + choice[1]));
      group.appendChild(label);
    });
    li.appendChild(group);
    list.appendChild(li);
    return li;
  }

  function everyoneOnShift(picker) {
    $all('.person.on-shift:not(.fixed)', picker).forEach(function (li) {
      var checked = $('input[type=radio]:checked', li);
      if (!checked || checked.value === NONE) { choose(li, INVOLVED); }
    });
  }

  // Loads the site's people. options.named: {involved: [...], witnesses: [...]} already on the report (shown, fixed).
  function load(picker, siteId, options) {
    build(picker);
    options = options || {};
    var named = options.named || { involved: [], witnesses: [] };
    var status = $('.people-status', picker);
    var list = $('.people-list', picker);
    picker.setAttribute('data-site', siteId || '');
    list.textContent = '';
    $('.people-all', picker).hidden = true;
    if (!siteId) { status.textContent = ''; return Promise.resolve(); }
    status.textContent = 'Loading the people of ' + siteId + '…';
    return fetch('/app/api/sites/' + encodeURIComponent(siteId) + '/people', {
      credentials: 'same-origin', redirect: 'manual', headers: { 'Accept': 'application/json', 'X-Requested-With': 'JavaScript' }
    }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); }).then(function (people) {
      if (picker.getAttribute('data-site') !== (siteId || '')) { return; }   // the site changed meanwhile
      list.textContent = '';
      var reporter = picker.getAttribute('data-reporter');
      var onShift = 0;
      people.forEach(function (person) {
        if (named.involved.indexOf(person.id) >= 0 || named.witnesses.indexOf(person.id) >= 0 || person.id === options.reporterId) {
          addPerson(picker, person, null, person.id === options.reporterId ? 'Reported it'
            : named.involved.indexOf(person.id) >= 0 ? 'Involved (on the report)' : 'Witness (on the report)');
          return;
        }
        if (person.onShift) { onShift++; }
        addPerson(picker, person, !options.named && person.id === reporter ? INVOLVED : NONE);
      });
      var all = $('.people-all', picker);
      all.hidden = onShift === 0;
      all.textContent = 'Everyone on shift (' + onShift + ')';
      status.textContent = people.length === 0
        ? 'No one is listed for this site yet. Type staff ids below.'
        : 'Tap involved or witness for each person who was there.';
    }, function () {
      status.textContent = 'The list of people could not be loaded (no signal?). Type staff ids below; the report keeps them.';
    });
  }

  // {involved: [...], witnesses: [...]}: ids as chosen, each once.
  function selection(picker) {
    var chosen = { involved: [], witnesses: [] };
    $all('.person', picker).forEach(function (li) {
      var checked = $('input[type=radio]:checked', li);
      if (!checked) { return; }
      if (checked.value === INVOLVED) { chosen.involved.push(li.getAttribute('data-person')); }
      if (checked.value === WITNESS) { chosen.witnesses.push(li.getAttribute('data-person')); }
    });
    return chosen;
  }

  window.HavenPeoplePicker = { load: load, selection: selection };
})();
