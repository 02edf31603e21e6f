// Where the network view puts new nodes (#13), in steps short enough that the page never freezes.
//
// New nodes are first put on rings around the node they hang from, which costs time in proportion to the
// new nodes alone, so they are drawn at once. A small view is then laid out again by force (cose), a few
// iterations per task, on a headless copy of the view that draws nothing; the drawn view takes the result
// in one step. Run in one go, cose over the 51 nodes of an opened hub was a task of 230-350 ms that froze
// the page (the console benchmark's CPU profile of the open); run on the drawn view with animation, every
// step also redrew the view.

// A whole new layout costs about the square of the nodes drawn, so past this many the nodes already drawn
// stay where the user saw them and only the new ones are placed.
export const relayoutUpTo = 60;

// Spread out enough that two-line labels (name and transliteration) do not overlap at 1280x800.
// animate: true is what makes cose yield: it runs `refresh` iterations and waits for the next animation
// frame; at 60 nodes 20 iterations take a few milliseconds. On the headless copy nothing is drawn meanwhile.
const forceLayout = {
  name: 'cose', animate: true, refresh: 20, animationThreshold: 1e9, fit: false, padding: 30,
  nodeRepulsion: () => 600000, idealEdgeLength: () => 130, nodeOverlap: 40,
};

// The node sizes of network.js's style, which is all cose needs to know of it.
const sizes = [
  { selector: 'node', style: { 'width': 22, 'height': 22 } },
  { selector: 'node[?centre]', style: { 'width': 32, 'height': 32 } },
];

const running = new WeakMap();

// Lays a small view out again by force, off screen, from the first task after the rings were painted;
// a larger one keeps its places. Called after placeOnRings, outside the batch that added the nodes.
export function relayout(cy) {
  stopLayout(cy);
  if (cy.nodes().length > relayoutUpTo) { return; }
  cy.fit(undefined, forceLayout.padding);
  const step = { layout: null, stopped: false, stop() { this.stopped = true; this.layout?.stop(); } };
  running.set(cy, step);
  requestAnimationFrame(() => setTimeout(() => {
    if (step.stopped || cy.destroyed()) { return; }
    const copy = window.cytoscape({
      headless: true, styleEnabled: true, style: sizes,
      elements: cy.elements().map(e => ({ group: e.group(), data: { ...e.data() }, position: { ...e.position() } })),
    });
    step.layout = copy.layout(forceLayout);
    // Note: stop() announces layoutstop at once and cose still finishes its frame on the copy afterwards, so
    // the copy is not destroyed here; headless, it holds no canvas or listener and is simply dropped.
    step.layout.one('layoutstop', () => {
      if (step.stopped || cy.destroyed()) { return; }
      cy.batch(() => copy.nodes().forEach(node => cy.getElementById(node.id()).position(node.position())));
      cy.fit(undefined, forceLayout.padding);
    });
    step.layout.run();
  }));
}

// Puts each new node on rings around the first neighbour that was already drawn (the node expanded),
// 24 to a ring; the centre of a new view goes to the origin and the others around it. Called inside the
// batch that added them, so they are styled and placed in one go.
export function placeOnRings(added) {
  const fresh = new Set(added.nodes().map(node => node.id()));
  added.nodes('[?centre]').forEach(node => { node.position({ x: 0, y: 0 }); fresh.delete(node.id()); });
  const byAnchor = new Map();
  added.nodes().filter(node => fresh.has(node.id())).forEach(node => {
    const anchor = node.neighborhood('node').filter(n => !fresh.has(n.id()))[0];
    const key = anchor ? anchor.id() : '';
    if (!byAnchor.has(key)) { byAnchor.set(key, { anchor, nodes: [] }); }
    byAnchor.get(key).nodes.push(node);
  });
  for (const { anchor, nodes } of byAnchor.values()) {
    const centre = anchor ? anchor.position() : { x: 0, y: 0 };
    nodes.forEach((node, i) => {
      const ring = Math.floor(i / 24);
      const angle = (2 * Math.PI * (i % 24)) / 24 + ring * 0.13;
      const radius = 160 + ring * 90;
      node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    });
  }
}

export function stopLayout(cy) {
  running.get(cy)?.stop();
  running.delete(cy);
}
