// The skip link moves keyboard focus to <main>. Blazor would treat "#main-content" as a link to "/#main-content"
// (the base href is "/"), so the click is handled here; one listener on the document survives every page render.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('[data-skip-link]') : null;
  const main = document.getElementById('main-content');
  if (!link || !main) {
    return;
  }

  event.preventDefault();
  event.stopPropagation();
  main.focus();
  main.scrollIntoView();
}, true);
