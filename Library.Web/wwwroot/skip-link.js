// Skip link: moves keyboard focus to <main>. Blazor would treat "#main-content" as a link to "/#main-content" (the base href
// is "/"), so the click is handled here; listeners on the document survive every page render.
(() => {
  const firstAddress = location.href;

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

  // Blazor focuses the page heading on load (FocusOnNavigate), which would make Tab skip the skip link. On a freshly loaded
  // page the first Tab from that heading goes to the skip link; after in-app navigation Tab continues from the heading.
  document.addEventListener('keydown', event => {
    const active = document.activeElement;
    const link = document.querySelector('[data-skip-link]');
    if (event.key !== 'Tab' || event.shiftKey || !link || location.href !== firstAddress
        || !(active instanceof HTMLHeadingElement) || active.getAttribute('tabindex') !== '-1') {
      return;
    }

    event.preventDefault();
    link.focus();
  }, true);
})();
