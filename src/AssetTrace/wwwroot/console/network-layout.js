// Where the network view puts new nodes (#13), in steps short enough that the page never freezes.
//
// New nodes are first put on rings around the node they hang from, which costs time in proportion to the
// new nodes alone, so they are drawn at once. A small view is then laid out again by force (cose), a few
// iterations per animation frame: run in one go, cose over the 51 nodes of an opened hub was a task of
// 230-350 ms that froze the page (the console benchmark's CPU profile of the open).

// A whole new layout costs about the square of the nodes drawn, so past this many the nodes already drawn
// stay where the user saw them and only the new ones are placed.
export const relayoutUpTo = 60;

// Spread out enough that two-line labels (name and transliteration) do not overlap at 1280x800.
// animate: true is what makes cose yield: it runs `refresh` iterations, moves the nodes, and waits for the
// next animation frame; at 60 nodes 20 iterations take a few milliseconds.
const forceLayout = {
  name: 'cose', animate: true, refresh: 20, animationThreshold: 0, fit: true, padding: 30,
  nodeRepulsion: () => 600000, idealEdgeLength: () => 130, nodeOverlap: 40,
};

const running = new WeakMap();

// Places what was just added: on rings at once, then (in a small view) by force from the next frame on.
export function placeNew(cy, added) {
  stopLayout(cy);
  cy.batch(() => placeOnRings(added));
  if (cy.nodes().length > relayoutUpTo) { return; }
  cy.fit(undefined, forceLayout.padding);
  // The rings are drawn in this frame; the force layout's set-up (it measures every node) waits for the next.
  const step = { layout: null, stopped: false, stop() { this.stopped = true; this.layout?.stop(); } };
  running.set(cy, step);
  requestAnimationFrame(() => {
    if (step.stopped || cy.destroyed()) { return; }
    step.layout = cy.layout(forceLayout);
    step.layout.run();
  });
}

// Puts each new node on rings around the first neighbour that was already drawn (the node expanded),
// 24 to a ring; the centre of a new view goes to the origin and the others around it.
function placeOnRings(added) {
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
