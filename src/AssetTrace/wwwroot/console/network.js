// The console's one bridge to cytoscape (#13): the network page calls these through IJSRuntime.
// cytoscape is vendored under ./vendor/ (tools/cytoscape/ refreshes it) and loaded on first use.
// Views are kept here by the id of their container element; nothing is put on window but cytoscape.

import { placeOnRings, relayout, stopLayout } from './network-layout.js';
import { toSvg } from './network-svg.js';
import { saveFile } from './save-file.js';

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
  // Intelligence is dotted and orange; dashed is kept for indirect holdings (the legend says both).
  { selector: 'edge[?intelligence]', style: { 'line-style': 'dotted', 'line-color': '#c2410c', 'target-arrow-color': '#c2410c' } },
  { selector: 'edge[?indirect]', style: {
    'line-style': 'dashed', 'line-dash-pattern': [8, 5], 'line-color': '#1f5fa8', 'target-arrow-color': '#1f5fa8', 'width': 2,
    'color': '#1f5fa8' } },
  { selector: 'edge.hidden-indirect', style: { 'display': 'none' } },
  { selector: 'node[flag]', style: { 'border-color': '#c62828', 'border-width': 4, 'border-style': 'double' } },
];

// An empty view: the page's first add draws and places what it has (network-layout.js), so nothing is laid out twice.
export async function create(containerId, owner) {
  await loadCytoscape();
  const container = document.getElementById(containerId);
  // While the view pans or zooms, a picture of it moves instead of every element being drawn again:
  // with a thousand nodes drawn, a redraw per frame would stutter. Edges are left out of the redraws during the
  // gesture too: with a thousand nodes they are most of what is drawn.
  const cy = window.cytoscape({ container, style, wheelSensitivity: 0.3, textureOnViewport: true, hideEdgesOnViewport: true });
  cy.on('tap', 'node', event => owner.invokeMethodAsync('ExpandFromGraphAsync', event.target.id()));
  // The canvas has no elements of its own to hover: its title names the node and its red flags.
  cy.on('mouseover', 'node', event => { container.title = [event.target.data('label'), event.target.data('flag')].filter(Boolean).join('\n'); });
  cy.on('mouseout', 'node', () => { container.title = ''; });
  views.set(containerId, cy);
  return cy.nodes().length;
}

// Adds what is new, marks which nodes have more links to show and which carry red flags (id -> their
// names, for the tooltip), hides indirect holdings when the toggle is off, and places the new nodes.
export function add(containerId, elements, withMore, flagged, indirectShown) {
  const cy = views.get(containerId);
  if (!cy) { return 0; }
  const fresh = elements.filter(e => cy.getElementById(e.data.id).empty());
  const more = new Set(withMore);
  cy.batch(() => {
    placeOnRings(cy.add(fresh));
    // Only what changed is set: setting a node's data restyles it and redraws its picture, and setting it on
    // every node restyled the whole view at each "show more" (#13; the bench's CPU profile of a show more).
    cy.nodes().forEach(node => {
      const hasMore = more.has(node.id());
      if (node.data('more') !== hasMore) { node.data('more', hasMore); }
      const flag = flagged[node.id()];
      if (flag && node.data('flag') !== flag) { node.data('flag', flag); }
      if (!flag && node.data('flag') !== undefined) { node.removeData('flag'); }
    });
  });
  relayout(cy);
  showIndirect(containerId, indirectShown);
  return cy.nodes().length;
}

export function showIndirect(containerId, shown) {
  const cy = views.get(containerId);
  // Only the edges whose state changes, for the same reason as in add.
  cy?.edges('[?indirect]').filter(edge => edge.hasClass('hidden-indirect') === shown).toggleClass('hidden-indirect', !shown);
}

// Saves the view as a PNG file through a download, and returns its size in bytes.
export async function exportPng(containerId, fileName) {
  const cy = views.get(containerId);
  if (!cy) { return 0; }
  const blob = await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 });
  saveFile(blob, fileName);
  return blob.size;
}

// Saves the view as an SVG file, written from the laid-out positions (see svg.js), and returns its size.
export function exportSvg(containerId, fileName, title) {
  const cy = views.get(containerId);
  if (!cy) { return 0; }
  const blob = new Blob([toSvg(cy, title, kindColours)], { type: 'image/svg+xml' });
  saveFile(blob, fileName);
  return blob.size;
}

export function dispose(containerId) {
  const cy = views.get(containerId);
  if (cy) { stopLayout(cy); }
  cy?.destroy();
  views.delete(containerId);
}
