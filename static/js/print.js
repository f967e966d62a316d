// "Print the case papers" buttons: hidden until this script runs, since printing
// needs the browser's print dialogue; without JavaScript, the browser's own menu works.
for (const button of document.querySelectorAll('[data-module="app-print"]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
