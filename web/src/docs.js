// docs.html's example of the element's API: the page's own buttons drive an
// embed, and a line of the page follows its events.
const el = document.getElementById('preset');
const out = document.getElementById('api-out');

el.addEventListener('pagesim-step', (e) => {
  out.textContent = 'The embed shows step ' + e.detail.step + ' of ' + e.detail.steps + '.';
});
el.addEventListener('pagesim-error', (e) => {
  out.textContent = 'The embed reports: ' + e.detail.message;
});

for (const b of document.querySelectorAll('#api-demo button')) {
  b.addEventListener('click', async () => {
    await el.start(); // loads the simulator if it has not started yet
    if (b.dataset.go !== undefined) el.goTo(b.dataset.go === 'last' ? el.steps : Number(b.dataset.go));
    else if (el.playing) el.pause();
    else el.play();
  });
}
