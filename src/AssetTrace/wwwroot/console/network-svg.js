// The network view as SVG (#13), written from cytoscape's laid-out positions: nodes as circles in their
// kind's colour with their labels (name and transliteration), links as lines with arrowheads and labels,
// dotted for intelligence, dashed for indirect holdings, a red outline for red flags, as on the screen.
// Written here rather than with the cytoscape-svg extension, which is GPL-3.0 (see tools/cytoscape/README.md).

const linkColours = { evidence: '#8a8a8a', intelligence: '#c2410c', indirect: '#1f5fa8' };

const escape = text => String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }[c]));

function lines(x, y, label, size) {
  const spans = String(label ?? '').split('\n')
    .map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : size + 2}">${escape(line)}</tspan>`).join('');
  return `<text x="${x}" y="${y}" font-size="${size}" text-anchor="middle">${spans}</text>`;
}

function linkKind(edge) {
  return edge.data('indirect') ? 'indirect' : edge.data('intelligence') ? 'intelligence' : 'evidence';
}

export function toSvg(cy, title, kindColours) {
  const shown = cy.elements().filter(e => e.visible());
  const box = shown.boundingBox({ includeLabels: true });
  const pad = 20;
  const width = Math.ceil(box.w + 2 * pad);
  const height = Math.ceil(box.h + 2 * pad);
  const x = v => (v - box.x1 + pad).toFixed(1);
  const y = v => (v - box.y1 + pad).toFixed(1);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>${escape(title)}</title>`,
    '<defs>',
    ...Object.entries(linkColours).map(([kind, colour]) =>
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`),
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  shown.edges().forEach(edge => {
    const kind = linkKind(edge);
    const colour = linkColours[kind];
    const dash = kind === 'indirect' ? ' stroke-dasharray="8 5"' : kind === 'intelligence' ? ' stroke-dasharray="2 4"' : '';
    const from = edge.source().position();
    const to = edge.target().position();
    const r = edge.target().width() / 2 + 2;
    let shape;
    let labelAt;
    if (edge.source().same(edge.target())) {
      // A node holding part of itself (treasury shares): a loop above it.
      shape = `<path d="M${x(from.x - 6)},${y(from.y - r)} C${x(from.x - 40)},${y(from.y - r - 50)} ${x(from.x + 40)},${y(from.y - r - 50)} ${x(from.x + 6)},${y(from.y - r)}" fill="none"`;
      labelAt = { x: from.x, y: from.y - r - 42 };
    } else {
      const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      const end = { x: to.x - (to.x - from.x) * r / length, y: to.y - (to.y - from.y) * r / length };
      shape = `<line x1="${x(from.x)}" y1="${y(from.y)}" x2="${x(end.x)}" y2="${y(end.y)}"`;
      labelAt = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    }
    out.push(`<g class="link ${kind}" data-id="${escape(edge.id())}">${shape} stroke="${colour}" stroke-width="2"${dash} marker-end="url(#arrow-${kind})"/>`
      + `${lines(x(labelAt.x), y(labelAt.y), edge.data('label'), 9)}</g>`);
  });
  shown.nodes().forEach(node => {
    const at = node.position();
    const r = node.width() / 2;
    const stroke = node.data('flag') ? '#c62828' : node.data('centre') ? '#111111' : node.data('more') ? '#d4a000' : '#ffffff';
    const strokeWidth = node.data('flag') || node.data('more') ? 4 : node.data('centre') ? 3 : 2;
    const flag = node.data('flag') ? `<title>${escape(node.data('flag'))}</title>` : '';
    out.push(`<g class="node" data-id="${escape(node.id())}" data-kind="${escape(node.data('kind'))}">${flag}`
      + `<circle cx="${x(at.x)}" cy="${y(at.y)}" r="${r}" fill="${kindColours[node.data('kind')] ?? '#555555'}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`
      + `${lines(x(at.x), y(at.y + r + 12), node.data('label'), 10)}</g>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
