// xai4j building-blocks report: switches layers and shows the semantic dictionary of the hovered
// position. Reads window.XAI4J_BLOCKS (data.js); no libraries, no network.
(function () {
  'use strict';
  var data = window.XAI4J_BLOCKS;
  var select = document.getElementById('layer-select');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.layer'));

  function showLayer(name) {
    sections.forEach(function (s) { s.hidden = s.getAttribute('data-layer') !== name; });
    select.value = name;
  }

  function showPosition(section, p) {
    var layer = data.layers[section.getAttribute('data-layer')];
    var panel = section.querySelector('.dictionary');
    var y = Math.floor(p / layer.width);
    var x = p % layer.width;
    panel.setAttribute('data-position', y + ',' + x);
    while (panel.firstChild) {
      panel.removeChild(panel.firstChild);
    }
    var where = document.createElement('div');
    where.className = 'where';
    where.textContent = 'position (y ' + y + ', x ' + x + ') of ' + layer.height + ' x ' + layer.width;
    panel.appendChild(where);
    layer.dictionary[p].forEach(function (entry) {
      var figure = document.createElement('figure');
      var img = document.createElement('img');
      img.className = 'icon';
      img.src = layer.icons[String(entry[0])];
      img.alt = 'channel ' + entry[0];
      var caption = document.createElement('figcaption');
      caption.textContent = 'channel ' + entry[0] + ': ' + entry[1].toPrecision(3);
      figure.appendChild(img);
      figure.appendChild(caption);
      panel.appendChild(figure);
    });
    Array.prototype.forEach.call(section.querySelectorAll('.cell.active'), function (c) {
      c.classList.remove('active');
    });
    section.querySelector('.cell[data-p="' + p + '"]').classList.add('active');
  }

  sections.forEach(function (section) {
    Array.prototype.forEach.call(section.querySelectorAll('.cell'), function (cell) {
      cell.addEventListener('mouseenter', function () {
        showPosition(section, Number(cell.getAttribute('data-p')));
      });
    });
    showPosition(section, data.layers[section.getAttribute('data-layer')].start);
  });
  select.addEventListener('change', function () { showLayer(select.value); });
  showLayer(sections[0].getAttribute('data-layer'));
}());
