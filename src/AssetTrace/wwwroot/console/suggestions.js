// The search box's suggestions (#13): the list and the choice live in the Blazor component; this only keeps
// the browser from acting on the keys the open list uses (the caret jumping on arrows, Escape clearing a
// search field, Enter submitting the form while a suggestion is chosen). It reads what the component drew.

export function attach(inputId) {
  const input = document.getElementById(inputId);
  if (!input || input.dataset.suggestions === 'on') { return; }
  input.dataset.suggestions = 'on';
  input.addEventListener('keydown', event => {
    if (input.getAttribute('aria-expanded') !== 'true') { return; }
    const chosen = input.getAttribute('aria-activedescendant');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Escape' || (event.key === 'Enter' && chosen)) {
      event.preventDefault();
    }
  });
}
