// The skip link (#13): moves the keyboard focus to the page's main content. A plain "#main" link
// does not: the document's <base href="/"> makes it "/#main", a navigation to the search page from
// any other page, and on the search page Blazor's router takes the in-page link over and only
// scrolls, leaving the focus on the link. Caught before the router sees the click.
window.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('a.skip') : null;
  const main = document.getElementById('main');
  if (!link || !main) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  main.focus();
}, true);
