// The console's one bridge to cytoscape (#13): the network page calls these through IJSRuntime.
// cytoscape is vendored under ./vendor/ (tools/cytoscape/ refreshes it) and loaded on first use.
// Views are kept here by the id of their container element; nothing is put on window but cytoscape.

const views = new Map();
let loading;

function loadCytoscape() {
  loading ??= new Promise((resolve, reject) => {
    if (window.cytoscape) { resolve(); return; }
    const script = document.createElement('script');
    script.src = new URL('./vendor/cytoscape.min.js', import.meta.url).href;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('cytoscape could not be loaded from the server'));
    document.head.appendChild(script);
  });
  return loading;
}

// Colours by node kind, matching the legend's classes in console.css.
const kindColours = {
  Person: '#1f5fa8', Company: '#2e7d32', Address: '#6d6d6d', RealEstate: '#a05a00', Vessel: '#00796b',
  Aircraft: '#00796b', Vehicle: '#00796b', BankAccount: '#7b1fa2', CryptoWallet: '#7b1fa2', Securities: '#7b1fa2',
};

const style = [
  { selector: 'node', style: {
    'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap',
    'text-max-width': 140, 'width': 22, 'height': 22, 'background-color': '#555', 'border-width': 2, 'border-color': '#fff' } },
  ...Object.entries(kindColours).map(([kind, colour]) => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': colour } })),
  { selector: 'node[?centre]', style: { 'width': 32, 'height': 32, 'border-color': '#111', 'border-width': 3 } },
  { selector: 'node[?more]', style: { 'border-color': '#d4a000', 'border-width': 4 } },
  { selector: 'node:selected', style: { 'overlay-color': '#1f5fa8', 'overlay-opacity': 0.2 } },
  { selector: 'edge', style: {
    'label': 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
    'width': 2, 'line-color': '#8a8a8a', 'target-arrow-color': '#8a8a8a', 'text-background-color': '#fff',
    'text-background-opacity': 0.85, 'text-background-padding': 2 } },
  { selector: 'edge[?intelligence]', style: { 'line-style': 'dashed', 'line-color': '#c2410c', 'target-arrow-color': '#c2410c' } },
];

// Spread out enough that two-line labels (name and transliteration) do not overlap at 1280x800.
const layout = { name: 'cose', animate: false, fit: true, padding: 30, nodeRepulsion: () => 600000, idealEdgeLength: () => 130, nodeOverlap: 40 };

export async function create(containerId, owner, elements) {
  await loadCytoscape();
  const container = document.getElementById(containerId);
  const cy = window.cytoscape({ container, elements, style, wheelSensitivity: 0.3, layout });
  cy.on('tap', 'node', event => owner.invokeMethodAsync('ExpandFromGraphAsync', event.target.id()));
  views.set(containerId, cy);
  return cy.nodes().length;
}

// Adds what is new, marks which nodes have more links to show, and lays the view out again.
export function add(containerId, elements, withMore) {
  const cy = views.get(containerId);
  if (!cy) { return 0; }
  const fresh = elements.filter(e => cy.getElementById(e.data.id).empty());
  cy.add(fresh);
  cy.nodes().forEach(node => node.data('more', withMore.includes(node.id())));
  cy.layout(layout).run();
  return cy.nodes().length;
}

// Saves the view as a PNG file through a download, and returns its size in bytes.
export async function exportPng(containerId, fileName) {
  const cy = views.get(containerId);
  if (!cy) { return 0; }
  const blob = await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return blob.size;
}

export function dispose(containerId) {
  views.get(containerId)?.destroy();
  views.delete(containerId);
}
