// Keeps a background job's page up to date without reloading it; when the job has
// finished (or stopped), the page is loaded again so the server can send the person on
// to the result or explain what happened.
const panel = document.getElementById('job-progress')

if (panel) {
  const text = document.getElementById('job-progress-text')
  const bar = document.getElementById('job-progress-bar')
  const announce = document.getElementById('job-progress-announce')
  let lastAnnounced = ''

  const update = async () => {
    let figures
    try {
      const response = await fetch(panel.dataset.jobUrl, { headers: { Accept: 'application/json' } })
      if (!response.ok) throw new Error(String(response.status))
      figures = await response.json()
    } catch {
      window.setTimeout(update, 5000)
      return
    }
    if (figures.finished || figures.stalled || figures.waiting_long) {
      window.location.assign(panel.dataset.pageUrl)
      return
    }
    if (figures.total) {
      bar.max = figures.total
      bar.value = Math.min(figures.done, figures.total)
    }
    text.textContent = figures.text
    // Screen readers hear each new tenth, not every figure.
    const tenth = figures.total ? String(Math.floor((10 * figures.done) / figures.total)) : ''
    if (tenth !== lastAnnounced) {
      announce.textContent = figures.text
      lastAnnounced = tenth
    }
    window.setTimeout(update, 1000)
  }

  window.setTimeout(update, 1000)
}
